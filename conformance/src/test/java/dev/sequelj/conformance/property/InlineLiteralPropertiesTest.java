package dev.sequelj.conformance.property;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.finder.TableStatements;
import dev.sequelj.ast.finder.WriteStatements;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sequelj.ast.finder.FindOptions.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Any value string, inlined, reads back as itself on SQLite: the INSERT that {@code create} renders
 * inline stores exactly the string, and the inline {@code findAll} whose WHERE compares with it finds
 * exactly that row. If a value could end its literal or start a comment, the statement would fail,
 * store something else, or match another number of rows.
 *
 * <p>Runs the inline SQL as text on embedded SQLite ({@code jdbc:sqlite::memory:}), with no binding.
 * The strings mix hostile fragments (quotes, backslashes, {@code --}, {@code /*}, NUL, line breaks,
 * other dialects' placeholders) with arbitrary Unicode, surrogate pairs included.
 */
class InlineLiteralPropertiesTest {
    private static final ModelDefinition NOTE = ModelDefinition.define("note",
            List.of(Attribute.attribute("value", DataTypes.TEXT)),
            ModelOptions.options().timestamps(false).tableName("cli_inline_notes"));
    private static final Instant NOW = Instant.parse("2024-01-15T10:30:45.123Z");

    private static Connection sqlite;

    @BeforeContainer
    static void open() throws SQLException {
        sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement statement = sqlite.createStatement()) {
            statement.execute(SqlRenderer.inline(TableStatements.createTable(NOTE), Dialects.SQLITE).text());
        }
    }

    @AfterContainer
    static void close() throws SQLException {
        sqlite.close();
    }

    @Property(tries = 1000)
    void anyWellFormedStringInlinedReadsBackAsItself(@ForAll("hostileStrings") String value) throws SQLException {
        assertReadsBack(value);
    }

    /**
     * Arbitrary Java strings, unpaired surrogates included: a well-formed one reads back, and one with an
     * unpaired surrogate (which has no UTF-8 form) is refused with a {@link ValidationError} instead of
     * being written as something else.
     */
    @Property(tries = 300)
    void anyJavaStringReadsBackOrIsRefusedForAnUnpairedSurrogate(@ForAll String value) throws SQLException {
        if (wellFormed(value)) {
            assertReadsBack(value);
        } else {
            assertThatThrownBy(() -> SqlRenderer.inline(WriteStatements.create(NOTE, Map.of("value", value), NOW), Dialects.SQLITE))
                    .isInstanceOf(ValidationError.class)
                    .hasMessageContaining("unpaired UTF-16 surrogate");
        }
    }

    private static void assertReadsBack(String value) throws SQLException {
        String insert = SqlRenderer.inline(WriteStatements.create(NOTE, Map.of("value", value), NOW), Dialects.SQLITE).text();
        String select = SqlRenderer.inline(FindStatements.findAll(NOTE, options().where(Map.of("value", value))), Dialects.SQLITE).text();
        try (Statement statement = sqlite.createStatement()) {
            statement.execute("DELETE FROM `cli_inline_notes`");
            statement.execute(insert);
            assertThat(column(statement, "SELECT `value` FROM `cli_inline_notes`")).as(insert).containsExactly(value);
            assertThat(column(statement, select)).as(select).containsExactly(value);
        }
    }

    private static List<String> column(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString("value"));
            }
        }
        return values;
    }

    private static boolean wellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<String> hostileStrings() {
        Arbitrary<String> fragments = Arbitraries.of(
                "'", "''", "\\", "\\'", "\\\\", "--", "/*", "*/", ";", "\"", "`", "[", "]", "\0", "\n", "\r", "\r\n",
                "\\\n", "\u001a", "\b", "\t", "$1", "?", ":name", "@0", "E'", "N'", "X'00'", "char(0)", "||", " OR 1=1",
                "\uD83D\uDE00", "\uD834\uDD1E", "e\u0301", "日本語", "\u00a0", "\u2028", "\uFEFF", "%", "_");
        // Any code point outside the surrogate range, NUL included.
        Arbitrary<String> codePoints = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .map(Character::toString);
        Arbitrary<String> words = Arbitraries.strings().ascii().ofMaxLength(6);
        return Arbitraries.oneOf(fragments, codePoints, words).list().ofMaxSize(12).map(pieces -> String.join("", pieces));
    }
}
