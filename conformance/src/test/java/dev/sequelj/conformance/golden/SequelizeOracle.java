package dev.sequelj.conformance.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks Sequelize 6 what it sends for a request, through Sequelj's oracle wrapper
 * ({@code conformance/oracle/oracle.js}), which loads the shared harness ({@code harness.js} of
 * {@code /work/shared/sequelize-oracle}, with {@code npm install} done) from the directory
 * {@code -Dsequelize.oracle} names. {@code node oracle.js <harness dir> -} reads the request on
 * standard input and prints one JSON line per dialect. Besides the shared oracle's {@code "$op"} keys,
 * the wrapper turns {@code {"$fn": ..., "args": [...]}}, {@code {"$col": ...}}, {@code {"$literal": ...}},
 * {@code {"$cast": ..., "type": ...}}, {@code {"$random": true}} and {@code {"$where": ..., "logic": ...}}
 * into Sequelize's helpers, a {@code {"$literal": ...}} default into {@code Sequelize.literal}, and sends a
 * method named {@code queryInterface.<name>} to {@code sequelize.getQueryInterface()}, answering
 * "unanswered" for a dialect where that call reads the database first. Used only when golden files are
 * updated.
 *
 * <pre>{@code
 * SequelizeOracle.fromSystemProperty().ifPresent(oracle -> oracle.statements(request).get("postgres"));
 * // [{"sql": "SELECT ... WHERE \"user\".\"age\" > 18 LIMIT 10;", "bind": null}]
 * }</pre>
 *
 * @param directory a directory holding the shared {@code harness.js} and its installed {@code node_modules}
 * @param script    Sequelj's wrapper script
 */
record SequelizeOracle(Path directory, Path script) {
    /** The system property naming the oracle's directory. */
    static final String PROPERTY = "sequelize.oracle";
    /** Our wrapper, relative to the conformance module (the tests' working directory). */
    private static final Path SCRIPT = Path.of(System.getProperty("sequelize.oracle.script", "oracle/oracle.js"));
    private static final long TIMEOUT_SECONDS = 120;
    /** The answer for a dialect where Sequelize cannot say what it sends without a database. */
    static final JsonNode UNANSWERED = MissingNode.getInstance();

    /**
     * The oracle whose harness is in the directory {@code -Dsequelize.oracle} names, if that is set,
     * holds {@code harness.js}, and {@code node} runs; otherwise none, and the reason is printed.
     */
    static Optional<SequelizeOracle> fromSystemProperty() {
        String configured = System.getProperty(PROPERTY, "").trim();
        if (configured.isEmpty()) {
            System.err.println("golden: -D" + PROPERTY + "=<directory of harness.js> not given; stored Sequelize SQL is kept");
            return Optional.empty();
        }
        Path directory = Path.of(configured).toAbsolutePath();
        if (!Files.isRegularFile(directory.resolve("harness.js"))) {
            System.err.println("golden: no harness.js in " + directory + "; stored Sequelize SQL is kept");
            return Optional.empty();
        }
        Path script = SCRIPT.toAbsolutePath();
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("Sequelj's oracle wrapper is missing: " + script);
        }
        if (!nodeRuns()) {
            System.err.println("golden: `node` does not run; stored Sequelize SQL is kept");
            return Optional.empty();
        }
        return Optional.of(new SequelizeOracle(directory, script));
    }

    /**
     * What Sequelize sends, by dialect: {@code [{"sql": ..., "bind": ...}, ...]}, {@code {"error": ...}}
     * when Sequelize refuses the request, or {@link #UNANSWERED} when Sequelize cannot answer it without a
     * database (a {@code queryInterface.*} call that reads the table first, or one Sequelize has no
     * method for); nothing is recorded then.
     */
    Map<String, JsonNode> statements(JsonNode request) {
        String output = run(request.toString());
        Map<String, JsonNode> byDialect = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode answer = GoldenJson.parse(line);
            String dialect = answer.path("dialect").asText();
            if (answer.has("unanswered")) {
                System.err.println("golden: Sequelize cannot answer " + request.path("method").asText() + " on " + dialect
                        + " offline (" + answer.get("unanswered").asText() + "); no Sequelize statements recorded");
                byDialect.put(dialect, UNANSWERED);
            } else {
                byDialect.put(dialect, answer.has("error") ? GoldenJson.error(answer.get("error").asText()) : answer.get("statements"));
            }
        }
        return byDialect;
    }

    private String run(String request) {
        try {
            Process node = new ProcessBuilder("node", script.toString(), directory.toString(), "-").directory(directory.toFile()).start();
            CompletableFuture<String> stdout = readAsync(node.getInputStream());
            CompletableFuture<String> stderr = readAsync(node.getErrorStream());
            try (OutputStream stdin = node.getOutputStream()) {
                stdin.write(request.getBytes(StandardCharsets.UTF_8));
            }
            if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new IllegalStateException("the Sequelize oracle took over " + TIMEOUT_SECONDS + " s for " + request);
            }
            if (node.exitValue() != 0) {
                throw new IllegalStateException("the Sequelize oracle failed (exit " + node.exitValue() + ") for "
                        + request + ":\n" + stderr.join());
            }
            return stdout.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Sequelize oracle ran", e);
        }
    }

    /** Reads a stream on another thread, so that a full stderr pipe cannot stall the process. */
    private static CompletableFuture<String> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static boolean nodeRuns() {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
