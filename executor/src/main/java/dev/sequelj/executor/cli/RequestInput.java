package dev.sequelj.executor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Where a subcommand's JSON request comes from: the {@code REQUEST} file, or standard input when it is
 * {@code -} (the default). The text must be UTF-8, JSON's encoding, and not blank. A picocli mixin, so
 * that {@code render} and {@code exec} declare the argument (and {@code --help}) once:
 * {@code @Mixin RequestInput input;} then {@code input.read(stdin)}.
 */
final class RequestInput {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(arity = "0..1", paramLabel = "REQUEST",
            description = "A file holding the JSON request; '-' or none reads standard input.")
    String request = "-";

    /** The request's text; a {@link BadInput} names what is wrong with it. */
    String read(InputStream stdin) {
        boolean fromStdin = request.equals("-");
        byte[] bytes;
        try {
            bytes = fromStdin ? stdin.readAllBytes() : Files.readAllBytes(Path.of(request));
        } catch (IOException e) {
            throw new BadInput("request: cannot read " + (fromStdin ? "standard input" : request) + ": " + e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInput("request: not valid UTF-8 text");
        }
        if (text.isBlank()) {
            throw new BadInput("request: empty; expected one JSON request on standard input or in the REQUEST file");
        }
        return text;
    }

    /** What the user must fix; the message is all they are shown. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message, null, false, false);
        }
    }
}
