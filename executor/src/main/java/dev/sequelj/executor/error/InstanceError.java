package dev.sequelj.executor.error;

import dev.sequelj.ast.error.SequeljError;

/**
 * An instance method could not do its work on the row the instance stands for, as Sequelize's
 * {@code InstanceError}: {@code reload()} of a row that no longer exists (deleted, or soft-deleted on a
 * paranoid model).
 *
 * <pre>{@code
 * catch (CompletionException e) {
 *     if (e.getCause() instanceof InstanceError gone) log.info("row gone: {}", gone.getMessage());
 * }
 * }</pre>
 */
public class InstanceError extends SequeljError {
    public InstanceError(String message) {
        super(message);
    }
}
