package dev.sequelj.executor.live;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.finder.TableStatements;
import dev.sequelj.ast.finder.WriteStatements;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.jdbc.JdbcExecutor;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import io.vavr.collection.Array;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

import static dev.sequelj.ast.finder.FindOptions.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile strings written as inline literals ({@link SqlRenderer#inline}) and run as SQL text, with no
 * value bound, on each live database: every string is stored as itself, and a WHERE comparing with
 * it finds its row and not the decoy row beside it. A value that ended its literal early would break
 * the statement, store something else, or match the decoy too ({@code ' OR 1=1 --}).
 */
class InlineLiteralLiveTest {
    private static final Instant NOW = Instant.parse("2024-01-15T10:30:45.123Z");
    private static final String DECOY = "decoy row, matched by no hostile value";

    /** Strings that would break a naive literal in at least one dialect. */
    static List<String> hostileStrings() {
        StringBuilder controls = new StringBuilder();
        for (char c = 1; c < 32; c++) {
            controls.append(c);
        }
        return List.of(
                "' OR 1=1 --", "\\' OR 1=1 --", "a\\", "\\", "\\\\'", "''", "'; DROP TABLE x; --", "*/ /* --",
                "\"double\" `back` [bracket]", "line\nbreak\r\nand \\\nafter a backslash\\\r\n", "ctrl-z \u001a b\b t\t",
                controls.toString(), "$1 $$ ? :name @0 %s %_", "E'\\\\x00' N'x' X'00'", "(char(0))",
                "Zoë 日本語 \uD83D\uDE00 \uD834\uDD1E e\u0301 \u2028\uFEFF", "", " trailing space ",
                "NUL \0 inside", "x".repeat(5000) + "'\\");
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void hostileStringsInlinedAreStoredAsThemselvesAndMatchOnlyTheirRow(LiveDatabase database) {
        storeEachAndFindIt(database, null, value -> value);
    }

    /**
     * With {@code standard_conforming_strings} off, PostgreSQL reads a backslash in a plain {@code '...'}
     * as an escape, so {@code 'a\' OR 1=1 --'} would end early. Strings with backslashes are written as
     * {@code E'...'}, which reads the same under either setting.
     */
    @Test
    void postgresStringsReadBackEvenWithStandardConformingStringsOff() {
        storeEachAndFindIt(LiveDatabase.POSTGRES, "SET standard_conforming_strings = off", value -> value);
    }

    /**
     * Under MariaDB's {@code NO_BACKSLASH_ESCAPES} mode the backslash escapes are read as two characters, so
     * values change ({@code \n} stays a backslash and an n), but the quote is doubled rather than
     * backslash-escaped, so no value ends its literal: each is still one literal, matching only its row.
     */
    @Test
    void mariadbStatementsKeepTheirStructureUnderNoBackslashEscapes() {
        storeEachAndFindIt(LiveDatabase.MARIADB, "SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')", value -> {
            StringBuilder literal = new StringBuilder();
            Dialects.MARIADB.literals().write(literal, value);
            return literal.substring(1, literal.length() - 1).replace("''", "'");
        });
    }

    /** Runs {@code session} (if any) on the one pooled connection, then stores each hostile string beside the decoy and reads it back. */
    private static void storeEachAndFindIt(LiveDatabase database, String session, UnaryOperator<String> expected) {
        Dialect dialect = Dialects.forName(database.dialect());
        ModelDefinition table = uniqueTable();
        try (Sequelize probe = database.open(SequelizeOptions.options().logging(false));
             JdbcExecutor executor = new JdbcExecutor(probe.settings(), PoolOptions.defaults().max(1))) {
            if (session != null) {
                executor.execute(new Sql(session, Array.empty(), Sql.Returns.NOTHING)).join();
            }
            try {
                for (String value : hostileStrings()) {
                    if (value.indexOf('\0') >= 0 && dialect == Dialects.POSTGRES) {
                        continue; // refused, see postgresRefusesNulBeforeAnySqlIsWritten
                    }
                    run(executor, TableStatements.dropTable(table, false), dialect);
                    run(executor, TableStatements.createTable(table), dialect);
                    run(executor, WriteStatements.create(table, Map.of("value", DECOY), NOW), dialect);
                    run(executor, WriteStatements.create(table, Map.of("value", value), NOW), dialect);

                    String stored = expected.apply(value);
                    QueryResult all = run(executor, FindStatements.findAll(table, options()), dialect);
                    assertThat(values(all)).as("%s stores %s", database, printable(value)).containsExactly(DECOY, stored);
                    QueryResult matching = run(executor, FindStatements.findAll(table, options().where(Map.of("value", value))), dialect);
                    assertThat(values(matching)).as("%s finds only %s", database, printable(value)).containsExactly(stored);
                }
            } finally {
                run(executor, TableStatements.dropTable(table, false), dialect);
            }
        }
    }

    private static ModelDefinition uniqueTable() {
        return ModelDefinition.define("note",
                List.of(Attribute.attribute("id", DataTypes.INTEGER).primaryKey(true).autoIncrement(true),
                        Attribute.attribute("value", DataTypes.TEXT)),
                ModelOptions.options().timestamps(false)
                        .tableName("cli_inline_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())));
    }

    @Test
    void postgresRefusesNulBeforeAnySqlIsWritten() {
        ModelDefinition table = ModelDefinition.define("note", List.of(Attribute.attribute("value", DataTypes.TEXT)),
                ModelOptions.options().timestamps(false).tableName("cli_inline_nul"));
        assertThatThrownBy(() -> SqlRenderer.inline(WriteStatements.create(table, Map.of("value", "NUL \0 inside"), NOW), Dialects.POSTGRES))
                .isInstanceOf(UnsupportedFeatureError.class)
                .hasMessage("postgres cannot store the NUL character (U+0000) in text; the string value 'NUL \\0 inside' holds one"
                        + " at index 4; remove it, or use a BLOB (bytea) attribute for binary data");
    }

    private static QueryResult run(JdbcExecutor executor, Statement statement, Dialect dialect) {
        Sql sql = SqlRenderer.inline(statement, dialect);
        assertThat(sql.params()).isEmpty();
        return executor.execute(sql).join();
    }

    /** The {@code value} column of each row, in key order. */
    private static List<String> values(QueryResult result) {
        int column = result.columns().indexOf("value");
        int id = result.columns().indexOf("id");
        List<Object[]> rows = new ArrayList<>(result.rows());
        rows.sort((a, b) -> Long.compare(((Number) a[id]).longValue(), ((Number) b[id]).longValue()));
        return rows.stream().map(row -> (String) row[column]).toList();
    }

    private static String printable(String value) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        return "'" + shown.replace("\0", "\\0").replace("\n", "\\n").replace("\r", "\\r") + "'";
    }
}
