package dev.sequelj.conformance.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One golden file: a request and, per dialect, the statements Sequelj renders for it beside those
 * Sequelize 6 sends.
 *
 * <pre>{@code
 * {
 *   "description": "findAll with a limit",                  // optional, for the reader
 *   "request": { "models": {...}, "model": "user", "method": "findAll", "args": [{"limit": 10}] },
 *   "postgres": {
 *     "sequelj": [{"sql": "SELECT ... LIMIT ?;", "params": [10]}],       // asserted
 *     "sequelize": [{"sql": "SELECT ... LIMIT 10;", "bind": null}]       // for review only
 *   },
 *   "mysql": {...}, "mariadb": {...}, "sqlite": {...}, "mssql": {...}
 * }
 * }</pre>
 *
 * A new case starts as a file holding only {@code description} and {@code request}; the update run
 * fills in the rest. Either list may instead be {@code {"error": "..."}} when the request is refused.
 *
 * @param file    where the case is stored
 * @param content the whole file
 */
record GoldenCase(Path file, ObjectNode content) {
    static final String DESCRIPTION = "description";
    static final String REQUEST = "request";
    static final String SEQUELJ = "sequelj";
    static final String SEQUELIZE = "sequelize";

    static GoldenCase read(Path file) {
        try {
            JsonNode content = GoldenJson.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!(content instanceof ObjectNode object) || !object.has(REQUEST)) {
                throw new IllegalArgumentException(file + ": a golden file is an object with at least a \"request\"");
            }
            return new GoldenCase(file, object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case's name: the file name without {@code .json}. */
    String name() {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.length() - ".json".length());
    }

    JsonNode request() {
        return content.get(REQUEST);
    }

    /** The stored statements of one side ({@link #SEQUELJ} or {@link #SEQUELIZE}) for a dialect, if any. */
    Optional<JsonNode> stored(String dialect, String side) {
        return Optional.ofNullable(content.get(dialect)).map(entry -> entry.get(side));
    }

    /** Top-level keys that are neither description, request nor one of {@code dialects}: typos such as "postgress". */
    List<String> unknownKeys(List<String> dialects) {
        return content.properties().stream().map(Map.Entry::getKey)
                .filter(key -> !key.equals(DESCRIPTION) && !key.equals(REQUEST) && !dialects.contains(key))
                .toList();
    }

    /**
     * The case laid out afresh: description, request, then each dialect in the given order with our
     * statements and Sequelize's. A dialect missing from {@code sequelize} keeps what was stored; one
     * whose answer is {@link SequelizeOracle#UNANSWERED} holds no Sequelize statements.
     */
    GoldenCase updated(List<String> dialects, Map<String, JsonNode> sequelj, Map<String, JsonNode> sequelize) {
        ObjectNode updated = GoldenJson.MAPPER.createObjectNode();
        if (content.has(DESCRIPTION)) {
            updated.set(DESCRIPTION, content.get(DESCRIPTION));
        }
        updated.set(REQUEST, request());
        for (String dialect : dialects) {
            ObjectNode entry = updated.putObject(dialect);
            entry.set(SEQUELJ, sequelj.get(dialect));
            JsonNode theirs = sequelize.containsKey(dialect) ? sequelize.get(dialect) : stored(dialect, SEQUELIZE).orElse(null);
            if (theirs != null && !theirs.isMissingNode()) {
                entry.set(SEQUELIZE, theirs);
            }
        }
        return new GoldenCase(file, updated);
    }

    /** Writes the case if its text differs from the file's; returns whether it did. */
    boolean writeIfChanged() {
        try {
            String text = GoldenJson.pretty(content);
            if (text.equals(Files.readString(file, StandardCharsets.UTF_8))) {
                return false;
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
