package dev.sequelj.executor.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** How the tests look at a future that must fail. */
public final class Futures {
    /** Guards against a hang only; no test asserts on how long anything takes. */
    private static final long HANG_GUARD_SECONDS = 120;

    private Futures() {}

    /**
     * The error a future failed with: {@code join()} must throw a {@link CompletionException} whose cause
     * is of the given type. Returns that cause for further assertions.
     */
    public static <T extends Throwable> T failure(CompletableFuture<?> future, Class<T> type) {
        Throwable thrown = catchThrowable(() -> future.orTimeout(HANG_GUARD_SECONDS, TimeUnit.SECONDS).join());
        assertThat(thrown).as("join() of a future that must fail").isInstanceOf(CompletionException.class);
        assertThat(thrown.getCause()).as("the cause of the CompletionException").isInstanceOf(type);
        return type.cast(thrown.getCause());
    }
}
