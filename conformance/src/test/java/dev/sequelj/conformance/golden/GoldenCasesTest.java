package dev.sequelj.conformance.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.executor.request.ModelCall;
import dev.sequelj.executor.request.RequestReader;
import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The golden cases: for each file in {@code src/test/resources/golden} and each of the five dialects,
 * the file's request is read and rendered, and the SQL text and params must equal the file's
 * {@code sequelj} entry exactly. Sequelize's statements, stored beside ours, are for reviewers and are
 * not asserted; {@code DIFFERENCES.md} says why they differ.
 *
 * <p>Files are written only by an explicit update run, which renders every case, asks the Sequelize
 * oracle when it is available, and rewrites the files whose content changed:
 * <pre>
 * mvn -q -pl conformance -am verify -Dgolden.update=true -Dsequelize.oracle=/path/to/sequelize-oracle
 * git diff conformance/src/test/resources/golden     # review what changed
 * </pre>
 * Without {@code -Dsequelize.oracle} (or without {@code node}), the stored Sequelize statements are kept.
 * To add a case, write a file holding {@code description} and {@code request} and run the update.
 */
class GoldenCasesTest {
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    /** The source directory, not the copy on the test classpath: updates must land where git sees them. */
    private static final Path DIRECTORY = Path.of(System.getProperty("golden.dir", "src/test/resources/golden"));
    private static final List<String> DIALECTS = Dialects.all().map(Dialect::name).toJavaList();
    private static final RequestReader READER = RequestReader.atOracleTime();

    @TestFactory
    Stream<DynamicNode> goldenCases() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(DIRECTORY)) {
            files = listing.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("golden files in %s", DIRECTORY.toAbsolutePath()).isNotEmpty();
        Optional<SequelizeOracle> oracle = UPDATE ? SequelizeOracle.fromSystemProperty() : Optional.empty();
        return files.stream().map(file -> goldenCase(file, oracle));
    }

    private static DynamicNode goldenCase(Path file, Optional<SequelizeOracle> oracle) {
        GoldenCase golden;
        Map<String, JsonNode> rendered;
        try {
            golden = GoldenCase.read(file);
            rendered = render(golden.request());
            if (UPDATE) {
                JsonNode request = golden.request();
                golden = golden.updated(DIALECTS, rendered, oracle.map(o -> o.statements(request)).orElse(Map.of()));
                if (golden.writeIfChanged()) {
                    System.err.println("golden: wrote " + file);
                }
            }
        } catch (RuntimeException e) {
            // A broken file or a renderer crash fails this case only, not the whole factory.
            return dynamicTest(file.getFileName().toString(), file.toUri(), () -> {
                throw e;
            });
        }
        GoldenCase checked = golden;
        // Each test names its case too: reports that flatten the tree (surefire's) show only the leaf.
        return dynamicContainer(golden.name(), file.toUri(), DIALECTS.stream().map(dialect ->
                dynamicTest(checked.name() + " [" + dialect + "]", file.toUri(),
                        () -> check(checked, dialect, rendered.get(dialect)))));
    }

    /**
     * Our statements for each dialect, as golden files hold them; a request Sequelj refuses gives
     * {@code {"error": message}} instead, so refusals are pinned down as exactly as SQL.
     */
    private static Map<String, JsonNode> render(JsonNode request) {
        Map<String, JsonNode> byDialect = new LinkedHashMap<>();
        ModelCall call;
        try {
            call = READER.read(request);
        } catch (SequeljError e) {
            DIALECTS.forEach(dialect -> byDialect.put(dialect, GoldenJson.error(e.getMessage())));
            return byDialect;
        }
        for (Dialect dialect : Dialects.all()) {
            JsonNode statements;
            try {
                List<Sql> sql = call.statements().stream()
                        .flatMap(statement -> SqlRenderer.renderAll(statement, dialect).toJavaStream()).toList();
                statements = GoldenJson.statements(sql);
            } catch (SequeljError e) {
                statements = GoldenJson.error(e.getMessage());
            }
            byDialect.put(dialect.name(), statements);
        }
        return byDialect;
    }

    private static void check(GoldenCase golden, String dialect, JsonNode rendered) {
        assertThat(golden.unknownKeys(DIALECTS))
                .as("%s: top-level keys other than description, request and %s", golden.file(), DIALECTS)
                .isEmpty();
        Optional<JsonNode> stored = golden.stored(dialect, GoldenCase.SEQUELJ);
        String expected = stored.map(GoldenJson::pretty).orElse("");
        String actual = GoldenJson.pretty(rendered);
        assertThat(actual)
                .withFailMessage(() -> failure(golden, dialect, stored.isPresent(), expected, actual))
                .isEqualTo(expected);
    }

    private static String failure(GoldenCase golden, String dialect, boolean stored, String expected, String actual) {
        String what = stored
                ? "the rendered statements differ from the golden file (- golden, + rendered):\n" + LineDiff.diff(expected, actual)
                : "the golden file holds no \"" + GoldenCase.SEQUELJ + "\" statements for this dialect; rendered:\n" + actual;
        return golden.file() + ", " + dialect + ": " + what
                + "If the new output is right: mvn -q -pl conformance -am verify -Dgolden.update=true,"
                + " then review the file's diff.";
    }
}
