package dev.sequelj.executor.spi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A future for blocking work handed to another thread, whose {@link #join()} or {@link #get()} runs the work
 * itself when no thread has started it yet, as a {@code ForkJoinTask}'s join helps. The work is submitted
 * as usual, then the submitting thread and the executor's thread race for it: whoever claims it first runs
 * it. A platform thread that calls {@code users.findByPk(5).join()} usually claims it before the virtual
 * thread has even been scheduled, and so runs the statement on its own thread without a hand-off and
 * without being woken again (the hand-off and wake-up cost more than a point lookup on SQLite); a caller
 * that never joins, such as an event loop chaining stages, is never blocked, and the virtual thread runs
 * the work as it always did.
 *
 * <pre>{@code
 * HelpingFuture<QueryResult> result = HelpingFuture.supply(() -> run(sql), virtualThreads);
 * result.thenApply(this::instances).join(); // runs run(sql), then instances, on this thread if unclaimed
 * }</pre>
 *
 * <p>Dependent stages ({@code thenApply}, {@code whenComplete}, {@code thenCompose}, ...) are of this class
 * too and know the work at their root, so the future at the end of a chain helps as the first one does. A
 * thread running claimed work runs whatever further work is submitted with {@link #runsHere()} true right
 * where it is: it was going to block until the chain finished anyway. A timed {@code get} never helps
 * (it must not run a statement past its deadline). A future that is cancelled before its work is claimed
 * never runs it. The future fails as {@code supplyAsync}'s would, with a {@link CompletionException} around
 * the error.
 */
public class HelpingFuture<T> extends CompletableFuture<T> {
    /** True while this thread runs claimed work: work submitted meanwhile runs right there. */
    private static final ThreadLocal<Boolean> HELPING = new ThreadLocal<>();

    /** The work at the root of this future's chain; null when there is none left to claim. */
    private final Work<?> work;

    public HelpingFuture() {
        this(null);
    }

    private HelpingFuture(Work<?> work) {
        this.work = work;
    }

    /**
     * Whether blocking work submitted now should run on the calling thread: it is a virtual thread, or
     * it is running work it claimed for a joining caller.
     */
    public static boolean runsHere() {
        return Thread.currentThread().isVirtual() || HELPING.get() != null;
    }

    /**
     * Submits {@code work} to {@code executor}; a {@link #join()} that comes first runs it instead.
     * Throws what {@code executor.execute} throws (a {@link java.util.concurrent.RejectedExecutionException}
     * once it is shut down).
     */
    public static <T> HelpingFuture<T> supply(Supplier<T> work, Executor executor) {
        Work<T> claimable = new Work<>(work);
        HelpingFuture<T> future = new HelpingFuture<>(claimable);
        claimable.target = future;
        executor.execute(claimable);
        return future;
    }

    /** Runs {@code work} here and answers with its outcome, failed as {@link #supply}'s would fail. */
    public static <T> HelpingFuture<T> run(Supplier<T> work) {
        HelpingFuture<T> future = new HelpingFuture<>();
        try {
            future.complete(work.get());
        } catch (Throwable e) {
            future.completeExceptionally(wrap(e));
        }
        return future;
    }

    /** A completed future whose dependent stages help as this class's do (start a chain with it). */
    public static <T> HelpingFuture<T> of(T value) {
        HelpingFuture<T> future = new HelpingFuture<>();
        future.complete(value);
        return future;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new HelpingFuture<>(work);
    }

    @Override
    public T join() {
        help();
        return super.join();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        help();
        return super.get();
    }

    /**
     * As {@link CompletableFuture#thenCompose}; on a future already complete, the future answered relays
     * the one {@code fn} returns and helps with that one's work (the JDK's would be a plain future that
     * cannot).
     */
    @Override
    public <U> CompletableFuture<U> thenCompose(Function<? super T, ? extends CompletionStage<U>> fn) {
        if (!isDone() || isCompletedExceptionally()) {
            return super.thenCompose(fn);
        }
        CompletionStage<U> inner;
        try {
            inner = fn.apply(getNow(null));
        } catch (Throwable e) {
            return failedWith(wrap(e));
        }
        HelpingFuture<U> relay = new HelpingFuture<>(inner instanceof HelpingFuture<?> helping ? helping.work : null);
        inner.whenComplete((value, error) -> {
            if (error == null) {
                relay.complete(value);
            } else {
                relay.completeExceptionally(wrap(error));
            }
        });
        return relay;
    }

    private void help() {
        if (work != null && !isDone()) {
            work.runIfUnclaimed();
        }
    }

    private static <U> HelpingFuture<U> failedWith(Throwable error) {
        HelpingFuture<U> failed = new HelpingFuture<>();
        failed.completeExceptionally(error);
        return failed;
    }

    private static CompletionException wrap(Throwable error) {
        return error instanceof CompletionException wrapped ? wrapped : new CompletionException(error);
    }

    /** The work itself, claimed once: by the executor's thread ({@link #run()}) or by a joiner. */
    private static final class Work<T> extends AtomicBoolean implements Runnable {
        private Supplier<T> body;
        private HelpingFuture<T> target;

        Work(Supplier<T> body) {
            this.body = body;
        }

        @Override
        public void run() {
            if (compareAndSet(false, true)) {
                complete();
            }
        }

        void runIfUnclaimed() {
            if (get() || !compareAndSet(false, true)) {
                return;
            }
            Boolean outer = HELPING.get();
            HELPING.set(Boolean.TRUE);
            try {
                complete();
            } finally {
                if (outer == null) {
                    HELPING.remove();
                }
            }
        }

        private void complete() {
            Supplier<T> work = body;
            HelpingFuture<T> future = target;
            // Dependent stages keep this object: let go of the work and its result once it has run.
            body = null;
            target = null;
            if (future.isDone()) {
                return; // cancelled before anyone claimed it
            }
            try {
                future.complete(work.get());
            } catch (Throwable e) {
                future.completeExceptionally(wrap(e));
            }
        }
    }
}
