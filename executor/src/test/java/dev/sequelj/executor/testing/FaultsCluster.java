package dev.sequelj.executor.testing;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The PostgreSQL cluster that only the fault tests use, because they restart it and kill its sessions:
 * {@code .ci/services} creates and starts it (cluster {@code faults}, 127.0.0.1:5433, trust, database
 * {@code test}). The shared server on 5432 is never touched.
 *
 * <ul>
 *   <li>{@code SEQUELJ_FAULTS_URL}: where it is, default {@code postgres://postgres@127.0.0.1:5433/test};</li>
 *   <li>{@code SEQUELJ_FAULTS_RESTART}: a shell command that restarts it, default
 *       {@code pg_ctlcluster --skip-systemctl-redirect <version> faults restart} for the version under
 *       {@code /etc/postgresql} that has a {@code faults} cluster.</li>
 * </ul>
 *
 * The CI rule is {@link LiveDatabase}'s: with {@code CI=true} an unreachable cluster fails the test,
 * otherwise it is skipped with a message saying how to start it.
 */
public final class FaultsCluster {
    private static final String DEFAULT_URI = "postgres://postgres@127.0.0.1:5433/test";
    private static final long PROBE_ACQUIRE_MILLIS = 5_000;
    /** Two test runs on one machine (two checkouts) must not restart the cluster under each other. */
    private static final Path LOCK_FILE = Path.of(System.getProperty("java.io.tmpdir"), "sequelj-faults-cluster.lock");

    private FaultsCluster() {}

    public static String uri() {
        String configured = System.getenv("SEQUELJ_FAULTS_URL");
        return configured != null && !configured.isBlank() ? configured : DEFAULT_URI;
    }

    /**
     * Holds the cluster for one test, across processes: close it when the test is done.
     *
     * <pre>{@code
     * try (FaultsCluster.Lease lease = FaultsCluster.exclusive(); Sequelize db = FaultsCluster.open(options)) { ... }
     * }</pre>
     */
    public static Lease exclusive() {
        try {
            FileChannel channel = FileChannel.open(LOCK_FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new Lease(channel, channel.lock());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + LOCK_FILE, e);
        }
    }

    /** A Sequelize on the faults cluster, after checking that it answers (failing in CI, skipping elsewhere). */
    public static Sequelize open(SequelizeOptions options) {
        String problem = probe();
        if (problem != null) {
            String message = "the PostgreSQL faults cluster is not reachable at " + LiveDatabase.redacted(uri()) + ": " + problem;
            if (LiveDatabase.inCi()) {
                Assertions.fail("CI=true, so an unreachable database fails the live tests. " + message);
            }
            Assumptions.abort(message + " (run .ci/services, which creates and starts it; with CI=true this is a failure)");
        }
        return new Sequelize(uri(), options);
    }

    /** Restarts the cluster (PostgreSQL's fast shutdown: every session is terminated) and waits until it is back. */
    public static void restart() {
        List<String> command = restartCommand();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("restarting the faults cluster failed: " + command + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting the faults cluster", e);
        }
    }

    private static List<String> restartCommand() {
        String configured = System.getenv("SEQUELJ_FAULTS_RESTART");
        if (configured != null && !configured.isBlank()) {
            return List.of("sh", "-c", configured);
        }
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            String version = versions.filter(v -> Files.isDirectory(v.resolve("faults")))
                    .map(v -> v.getFileName().toString()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no /etc/postgresql/<version>/faults: run .ci/services"));
            return List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "faults", "restart");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /etc/postgresql; set SEQUELJ_FAULTS_RESTART", e);
        }
    }

    /** Null when the cluster answers, else why not. */
    private static String probe() {
        SequelizeOptions quick = SequelizeOptions.options().logging(false)
                .pool(PoolOptions.defaults().max(1).acquire(PROBE_ACQUIRE_MILLIS));
        try (Sequelize probe = new Sequelize(uri(), quick)) {
            probe.authenticate().orTimeout(PROBE_ACQUIRE_MILLIS * 4, TimeUnit.MILLISECONDS).join();
            return null;
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SequeljError || cause instanceof java.util.concurrent.TimeoutException) {
                return cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
            throw e;
        }
    }

    /** The cross-process hold on the cluster; closing it lets the next test (or run) have it. */
    public static final class Lease implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lease(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try (channel) {
                lock.release();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
