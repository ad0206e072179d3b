package dev.sequelj.executor.spi;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link HelpingFuture}: a joiner runs unclaimed work on its own thread, the executor runs it for a caller
 * that never joins, and either way it runs once and fails as {@code supplyAsync} fails. The executor here
 * only keeps the tasks it is given, so who runs what is decided by the test, not by timing.
 */
class HelpingFutureTest {
    /** Keeps tasks until {@link #runAll()}. */
    static final class HeldTasks implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        synchronized void runAll() {
            tasks.forEach(Runnable::run);
            tasks.clear();
        }
    }

    private final HeldTasks held = new HeldTasks();

    @Test
    void aJoinerRunsUnclaimedWorkAndItsDependentStagesOnItsOwnThread() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AtomicReference<Thread> mappedOn = new AtomicReference<>();
        CompletableFuture<Integer> mapped = HelpingFuture.supply(() -> {
            ranOn.set(Thread.currentThread());
            return 20;
        }, held).thenApply(n -> {
            mappedOn.set(Thread.currentThread());
            return n + 1;
        });

        assertThat(mapped.join()).isEqualTo(21);
        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        assertThat(mappedOn.get()).isSameAs(Thread.currentThread());

        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Integer> again = HelpingFuture.supply(runs::incrementAndGet, held);
        assertThat(again.join()).isEqualTo(1);
        held.runAll(); // the executor's turn comes too late: the work ran once
        assertThat(runs).hasValue(1);
    }

    @Test
    void aChainStartedOnACompletedFutureHelpsThroughThenCompose() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CompletableFuture<String> chain = HelpingFuture.of("sql")
                .thenCompose(sql -> HelpingFuture.supply(() -> {
                    ranOn.set(Thread.currentThread());
                    return sql + " ran";
                }, held).thenApply(String::toUpperCase));

        assertThat(chain).isInstanceOf(HelpingFuture.class);
        assertThat(chain.join()).isEqualTo("SQL RAN");
        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void workSubmittedWhileAJoinerHelpsRunsThereToo() throws Exception {
        List<Boolean> runsHere = new ArrayList<>();
        CompletableFuture<String> chain = HelpingFuture.supply(() -> "first", held)
                .thenCompose(first -> {
                    runsHere.add(HelpingFuture.runsHere());
                    return HelpingFuture.runsHere() ? HelpingFuture.run(() -> first + ", second")
                            : HelpingFuture.supply(() -> first + ", second", held);
                });

        assertThat(HelpingFuture.runsHere()).isFalse();
        assertThat(chain.get()).isEqualTo("first, second");
        assertThat(runsHere).containsExactly(true);
        assertThat(HelpingFuture.runsHere()).as("back to a plain platform thread").isFalse();
    }

    @Test
    void aCallerThatNeverJoinsGetsItsResultFromTheExecutorsThread() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CompletableFuture<String> delivered = new CompletableFuture<>();
        Thread executorThread = Thread.ofPlatform().name("executor").unstarted(held::runAll);
        HelpingFuture.supply(() -> {
            ranOn.set(Thread.currentThread());
            return "rows";
        }, held).thenApply(String::toUpperCase).whenComplete((value, error) -> delivered.complete(value));

        assertThat(delivered).isNotDone();
        executorThread.start();
        executorThread.join();

        assertThat(delivered.get(30, TimeUnit.SECONDS)).isEqualTo("ROWS");
        assertThat(ranOn.get()).isSameAs(executorThread);
    }

    @Test
    void failuresAreWrappedAndUnwrappedAsSupplyAsyncs() {
        IllegalStateException boom = new IllegalStateException("boom");
        CompletableFuture<Object> helping = HelpingFuture.supply(() -> {
            throw boom;
        }, held);
        CompletableFuture<Object> plain = CompletableFuture.supplyAsync(() -> {
            throw boom;
        }, Runnable::run);

        for (CompletableFuture<Object> future : List.of(helping, plain, helping.thenApply(x -> x), HelpingFuture.of(1).thenCompose(x -> helping))) {
            assertThatThrownBy(future::join).isInstanceOf(CompletionException.class).cause().isSameAs(boom);
            assertThatThrownBy(future::get).isInstanceOf(ExecutionException.class).cause().isSameAs(boom);
        }
        CompletableFuture<Object> thrownByCompose = HelpingFuture.of(1).thenCompose(x -> {
            throw boom;
        });
        assertThatThrownBy(thrownByCompose::join).isInstanceOf(CompletionException.class).cause().isSameAs(boom);
        assertThatThrownBy(() -> HelpingFuture.run(() -> {
            throw boom;
        }).join()).isInstanceOf(CompletionException.class).cause().isSameAs(boom);
    }

    @Test
    void cancelledWorkNeverRunsAndATimedGetDoesNotHelp() {
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Integer> cancelled = HelpingFuture.supply(runs::incrementAndGet, held);
        assertThat(cancelled.cancel(false)).isTrue();
        assertThatThrownBy(cancelled::join).isInstanceOf(CancellationException.class);
        held.runAll();
        assertThat(runs).hasValue(0);

        CompletableFuture<Integer> waiting = HelpingFuture.supply(runs::incrementAndGet, held);
        assertThatThrownBy(() -> waiting.get(1, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(runs).hasValue(0);
        held.runAll();
        assertThat(waiting.join()).isEqualTo(1);
    }
}
