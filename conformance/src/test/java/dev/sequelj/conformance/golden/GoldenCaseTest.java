package dev.sequelj.conformance.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How an update run lays out a case from our statements and the oracle's answers. */
class GoldenCaseTest {
    private static final List<String> DIALECTS = List.of("postgres", "mssql");

    private static GoldenCase stored() {
        ObjectNode content = (ObjectNode) GoldenJson.parse("""
                {"description": "d", "request": {"method": "queryInterface.renameColumn"},
                 "postgres": {"sequelj": [], "sequelize": [{"sql": "old postgres", "bind": null}]},
                 "mssql": {"sequelj": [], "sequelize": {"error": "M[req.method] is not a function"}}}""");
        return new GoldenCase(Path.of("x.json"), content);
    }

    @Test
    void anUnansweredDialectHoldsNoSequelizeStatementsAnyMore() {
        JsonNode ours = GoldenJson.parse("[{\"sql\": \"ours\", \"params\": []}]");
        GoldenCase updated = stored().updated(DIALECTS, Map.of("postgres", ours, "mssql", ours),
                Map.of("postgres", GoldenJson.parse("[{\"sql\": \"new postgres\", \"bind\": null}]"),
                        "mssql", SequelizeOracle.UNANSWERED));

        assertThat(updated.stored("postgres", GoldenCase.SEQUELIZE)).hasValueSatisfying(
                statements -> assertThat(statements.get(0).get("sql").asText()).isEqualTo("new postgres"));
        assertThat(updated.stored("mssql", GoldenCase.SEQUELIZE)).isEmpty();
        assertThat(updated.stored("mssql", GoldenCase.SEQUELJ)).contains(ours);
    }

    @Test
    void withoutTheOracleTheStoredSequelizeStatementsAreKept() {
        JsonNode ours = GoldenJson.parse("[]");
        GoldenCase updated = stored().updated(DIALECTS, Map.of("postgres", ours, "mssql", ours), Map.of());

        assertThat(updated.stored("postgres", GoldenCase.SEQUELIZE).map(s -> s.get(0).get("sql").asText()))
                .contains("old postgres");
        assertThat(updated.stored("mssql", GoldenCase.SEQUELIZE).map(s -> s.get("error").asText()))
                .contains("M[req.method] is not a function");
    }
}
