package dev.sequelj.executor;

import java.util.concurrent.CompletionStage;

/**
 * The work of a managed transaction ({@link Sequelize#transaction(TransactionCallback)}): given the
 * open transaction, start the calls that belong to it and return a stage that completes when they are
 * done. Completing normally commits; failing, or throwing here, rolls back. For a plain value, return
 * {@code CompletableFuture.completedFuture(value)}.
 *
 * <pre>{@code
 * sequelize.transaction(t -> users.create(Map.of("firstName", "Abraham"), t)
 *         .thenCompose(abraham -> users.findAll(t)));
 * }</pre>
 *
 * @param <T> what the work produces; the managed transaction's future completes with it after COMMIT
 */
@FunctionalInterface
public interface TransactionCallback<T> {
    CompletionStage<T> run(Transaction transaction) throws Exception;
}
