package dev.sequelj.conformance.property;

import dev.sequelj.conformance.property.SqlScanner.Token;
import dev.sequelj.render.dialect.Dialects;
import org.junit.jupiter.api.Test;

import static dev.sequelj.conformance.property.SqlScanner.Kind.IDENTIFIER;
import static dev.sequelj.conformance.property.SqlScanner.Kind.LITERAL;
import static dev.sequelj.conformance.property.SqlScanner.Kind.SQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scanner the properties read SQL with is itself right, on cases written out by hand. */
class SqlScannerTest {

    @Test
    void readsDoubledQuotesBackAsOne() {
        assertThat(SqlScanner.scan("SELECT \"a\"\"?\" FROM t WHERE x = ?;", QuoteRule.of(Dialects.POSTGRES))).containsExactly(
                new Token(SQL, "SELECT "), new Token(IDENTIFIER, "a\"?"), new Token(SQL, " FROM t WHERE x = ?;"));
        assertThat(SqlScanner.scan("[a]]b[c]", QuoteRule.of(Dialects.MSSQL))).containsExactly(new Token(IDENTIFIER, "a]b[c"));
    }

    @Test
    void readsLiteralsWithTheirDialectsEscapes() {
        assertThat(SqlScanner.scan("N'[t'']]'", QuoteRule.of(Dialects.MSSQL)))
                .containsExactly(new Token(SQL, "N"), new Token(LITERAL, "[t']]"));
        assertThat(SqlScanner.scan("'a\\'b\\\\c\\0d\\%'", QuoteRule.of(Dialects.MYSQL)))
                .containsExactly(new Token(LITERAL, "a'b\\c\0d\\%"));
        assertThat(SqlScanner.scan("'a\\'", QuoteRule.of(Dialects.SQLITE))).containsExactly(new Token(LITERAL, "a\\"));
    }

    @Test
    void readsASplicedStringBackAsOneLiteral() {
        QuoteRule mssql = QuoteRule.of(Dialects.MSSQL);
        assertThat(SqlScanner.scanStrings("OBJECT_ID((N'[\\' + NCHAR(10) + N']'), 'U')", mssql)).containsExactly(
                new Token(SQL, "OBJECT_ID((N"), new Token(LITERAL, "[\\\n]"), new Token(SQL, "), "),
                new Token(LITERAL, "U"), new Token(SQL, ")"));
        assertThat(SqlScanner.scanStrings("(N'a' + NCHAR(0) + NCHAR(0) + N'b''c' + NCHAR(13))", mssql))
                .containsExactly(new Token(SQL, "(N"), new Token(LITERAL, "a\0\0b'c\r"), new Token(SQL, ")"));
        assertThat(SqlScanner.scanStrings("x = (NCHAR(0) + N'b')", mssql))
                .containsExactly(new Token(SQL, "x = ("), new Token(LITERAL, "\0b"), new Token(SQL, ")"));
        assertThat(SqlScanner.scanStrings("('a' || char(0) || 'b')", QuoteRule.of(Dialects.SQLITE)))
                .containsExactly(new Token(SQL, "("), new Token(LITERAL, "a\0b"), new Token(SQL, ")"));
        // Literals that are not one string stay apart.
        assertThat(SqlScanner.scanStrings("VALUES (N'a', N'b')", mssql)).containsExactly(new Token(SQL, "VALUES (N"),
                new Token(LITERAL, "a"), new Token(SQL, ", N"), new Token(LITERAL, "b"), new Token(SQL, ")"));
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThatThrownBy(() -> SqlScanner.scan("SELECT `a``", QuoteRule.of(Dialects.SQLITE)))
                .isInstanceOf(SqlScanner.UnterminatedQuote.class)
                .hasMessage("a quote opened at offset 7 never closes in: SELECT `a``");
    }

    @Test
    void likeFoldsOnlyAsciiCase() {
        assertThat(SqliteWhereEvaluator.like("Abc", "a%")).isTrue();
        assertThat(SqliteWhereEvaluator.like("É", "é")).isFalse();
        assertThat(SqliteWhereEvaluator.like("😀x", "_X")).isTrue();
        assertThat(SqliteWhereEvaluator.like("ab", "a")).isFalse();
        assertThat(SqliteWhereEvaluator.like("", "%")).isTrue();
    }
}
