package dev.sequelj.executor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real launcher, {@link SequeljCli#main}, in a JVM of its own, as {@code java -jar sequelj.jar} and
 * {@code exec:exec@render} start it: the request is read from standard input, the exit code is the
 * process's, and the output is UTF-8 whatever the platform's encoding is (here forced to US-ASCII,
 * which would turn every non-ASCII character into {@code ?}).
 */
class SequeljLauncherTest {
    private static final String REQUEST = """
            {"models": {"user": {"attributes": {"firstName": "STRING"}, "options": {"timestamps": false}}},
             "model": "user", "method": "findAll", "args": [{"where": {"firstName": "Zoë 😀 O'Brien"}, "limit": 2}]}
            """;

    private record Exit(int code, String out, String err) {}

    @Test
    void mainRendersFromStandardInputAndExitsWithTheCommandsCode() throws Exception {
        Exit ok = launch(REQUEST, "render", "--dialect", "sqlite", "--inline");
        assertThat(ok.err()).isEmpty();
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).isEqualTo("SELECT `id`, `firstName` FROM `users` AS `user`"
                + " WHERE `user`.`firstName` = 'Zoë 😀 O''Brien' LIMIT 2;\n");

        Exit bad = launch(REQUEST.replace("\"limit\"", "\"limt\""), "render", "--dialect", "sqlite");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).isEqualTo("args[0].limt: unknown option; did you mean limit?\n");
    }

    @Test
    void execExitsWithItsCodeAndItsErrorIsTheOneLineOfStandardError() throws Exception {
        String requests = """
                {"models": {"user": {"attributes": {"email": {"type": "STRING", "unique": true}}}},
                 "requests": [{"model": "user", "method": "sync"},
                              {"model": "user", "method": "create", "args": [{"email": "zoë@example.com"}]},
                              {"model": "user", "method": "create", "args": [{"email": "zoë@example.com"}]}]}
                """;
        Exit failed = launch(requests, "exec", "--url", "sqlite::memory:");

        assertThat(failed.code()).isEqualTo(SequeljCli.REQUEST_FAILED);
        assertThat(failed.err().lines().toList()).hasSize(1);
        JsonNode error = new ObjectMapper().readTree(failed.err()).get("error");
        assertThat(error.get("name").textValue()).isEqualTo("UniqueConstraintError");
        assertThat(error.get("request").intValue()).isEqualTo(2);
        JsonNode ran = new ObjectMapper().readTree(failed.out());
        assertThat(ran.get(1).get("email").textValue()).isEqualTo("zoë@example.com");
    }

    private static Exit launch(String stdin, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        // COMPAT under the C locale: the platform's charset (and so picocli's default writers) is US-ASCII.
        List<String> command = new ArrayList<>(List.of(java, "-Dfile.encoding=COMPAT", "-Dstdout.encoding=US-ASCII",
                "-Dstderr.encoding=US-ASCII",
                // As the jar's manifest and exec:exec allow it: sqlite-jdbc loads its native library.
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), SequeljCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LC_ALL", "C");
        builder.environment().remove("LANG");
        Process process = builder.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = process.getInputStream().readAllBytes();
        int code = process.waitFor();
        return new Exit(code, new String(out, StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(java.io.InputStream stream) {
        try {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
