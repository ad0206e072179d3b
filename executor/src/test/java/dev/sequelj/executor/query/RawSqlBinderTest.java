package dev.sequelj.executor.query;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.executor.query.RawSqlBinder.Bound;
import dev.sequelj.executor.query.RawSqlBinder.NamedBind;
import dev.sequelj.executor.query.RawSqlBinder.NamedReplacements;
import dev.sequelj.executor.query.RawSqlBinder.NoParameters;
import dev.sequelj.executor.query.RawSqlBinder.Parameters;
import dev.sequelj.executor.query.RawSqlBinder.PositionalBind;
import dev.sequelj.executor.query.RawSqlBinder.PositionalReplacements;
import dev.sequelj.render.dialect.Dialects;
import io.vavr.collection.Array;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The placeholder rewriting of {@code sequelize.query}: exact SQL and values out, for each database's
 * lexical rules, with the strings that try to confuse it.
 */
class RawSqlBinderTest {
    private static final RawSqlSyntax PG = RawSqlSyntax.POSTGRES;
    private static final RawSqlSyntax MY = RawSqlSyntax.MYSQL;
    private static final RawSqlSyntax LITE = RawSqlSyntax.SQLITE;
    private static final RawSqlSyntax MS = RawSqlSyntax.MSSQL;

    private static Parameters positional(Object... values) {
        return new PositionalReplacements(Arrays.asList(values));
    }

    private static Parameters named(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new NamedReplacements(map);
    }

    private static Parameters bindList(Object... values) {
        return new PositionalBind(Arrays.asList(values));
    }

    private static Parameters bindMap(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new NamedBind(map);
    }

    private static Bound bound(String text, Object... params) {
        return new Bound(text, Array.of(params));
    }

    private static Bound rewrite(String sql, RawSqlSyntax syntax, Parameters parameters) {
        return RawSqlBinder.rewrite(sql, syntax, parameters);
    }

    private static ValidationError refused(String sql, RawSqlSyntax syntax, Parameters parameters) {
        ValidationError error = catchThrowableOfType(ValidationError.class, () -> rewrite(sql, syntax, parameters));
        assertThat(error).as("a ValidationError for %s", sql).isNotNull();
        return error;
    }

    // ---- positional replacements ------------------------------------------------------------------

    @Test
    void positionalReplacementsAreBoundInOrder() {
        assertThat(rewrite("SELECT * FROM projects WHERE status = ? AND id > ?", PG, positional("active", 3)))
                .isEqualTo(bound("SELECT * FROM projects WHERE status = ? AND id > ?", "active", 3));
    }

    @Test
    void aCollectionBecomesOnePlaceholderPerElement() {
        assertThat(rewrite("SELECT * FROM t WHERE id IN (?) AND name = ?", MY, positional(List.of(1, 2, 3), "x")))
                .isEqualTo(bound("SELECT * FROM t WHERE id IN (?, ?, ?) AND name = ?", 1, 2, 3, "x"));
    }

    @Test
    void nullIsAValueLikeAnyOther() {
        assertThat(rewrite("UPDATE t SET a = ?", LITE, positional((Object) null)))
                .isEqualTo(bound("UPDATE t SET a = ?", (Object) null));
    }

    @Test
    void questionMarksInLiteralsNamesAndCommentsAreText() {
        String sql = "SELECT '?', \"?\", `?` FROM t -- ?\nWHERE a = ? /* ? */ AND b = ?";
        assertThat(rewrite(sql, MY, positional(1, 2))).isEqualTo(bound(sql, 1, 2));
        String mssql = "SELECT [?], '?' FROM t /* ? /* ? */ ? */ WHERE a = ?";
        assertThat(rewrite(mssql, MS, positional(1))).isEqualTo(bound(mssql, 1));
        String sqlite = "SELECT [?], `?`, \"?\", '?' FROM t WHERE a = ?";
        assertThat(rewrite(sqlite, LITE, positional(1))).isEqualTo(bound(sqlite, 1));
    }

    /** {@code 'it''s ?'} is one literal; so is MySQL's {@code 'it\'s ?'}, but in PostgreSQL the backslash is text. */
    @Test
    void quotesInsideLiteralsFollowTheDatabasesEscaping() {
        assertThat(rewrite("SELECT 'it''s ?' WHERE a = ?", PG, positional(1)))
                .isEqualTo(bound("SELECT 'it''s ?' WHERE a = ?", 1));
        assertThat(rewrite("SELECT 'it\\'s ?' WHERE a = ?", MY, positional(1)))
                .isEqualTo(bound("SELECT 'it\\'s ?' WHERE a = ?", 1));
        // PostgreSQL: 'a\' is a whole literal, so the first ? is a placeholder.
        assertThat(rewrite("SELECT 'a\\', ? WHERE b = ?", PG, positional(1, 2)))
                .isEqualTo(bound("SELECT 'a\\', ? WHERE b = ?", 1, 2));
        // ... except in an E'' string, where \' escapes the quote.
        assertThat(rewrite("SELECT E'a\\', ?' WHERE b = ?", PG, positional(2)))
                .isEqualTo(bound("SELECT E'a\\', ?' WHERE b = ?", 2));
        // MySQL: a backslash-escaped backslash ends before the quote.
        assertThat(rewrite("SELECT 'a\\\\', ? WHERE b = ?", MY, positional(1, 2)))
                .isEqualTo(bound("SELECT 'a\\\\', ? WHERE b = ?", 1, 2));
        assertThat(rewrite("SELECT \"a\\\"?\" WHERE b = ?", MY, positional(2)))
                .isEqualTo(bound("SELECT \"a\\\"?\" WHERE b = ?", 2));
        assertThat(rewrite("SELECT [a]]?] WHERE b = ?", MS, positional(2)))
                .isEqualTo(bound("SELECT [a]]?] WHERE b = ?", 2));
    }

    /** MySQL needs a space after {@code --}; {@code 5--?} is five minus minus a value there, a comment elsewhere. */
    @Test
    void dashDashIsACommentWhereTheDatabaseSaysSo() {
        assertThat(rewrite("SELECT 5--?\n, ?", MY, positional(1, 2))).isEqualTo(bound("SELECT 5--?\n, ?", 1, 2));
        assertThat(rewrite("SELECT 5--?\n, ?", PG, positional(2))).isEqualTo(bound("SELECT 5--?\n, ?", 2));
        assertThat(rewrite("SELECT 1 # ?\n, ?", MY, positional(2))).isEqualTo(bound("SELECT 1 # ?\n, ?", 2));
        assertThat(rewrite("SELECT ? -- trailing ?", LITE, positional(1))).isEqualTo(bound("SELECT ? -- trailing ?", 1));
    }

    /** PostgreSQL and SQL Server nest block comments; MySQL ends at the first {@code *}{@code /}. */
    @Test
    void blockCommentsNestWhereTheDatabaseNestsThem() {
        assertThat(rewrite("/* a /* b */ ? */ SELECT ?", PG, positional(1))).isEqualTo(bound("/* a /* b */ ? */ SELECT ?", 1));
        assertThat(rewrite("/* a /* b */ SELECT ?", MY, positional(1))).isEqualTo(bound("/* a /* b */ SELECT ?", 1));
    }

    @Test
    void postgresDollarQuotedStringsAreText() {
        String sql = "SELECT $$ ? :x $1 ' $$, $tag$ ? $$ ? $tag$, ?";
        assertThat(rewrite(sql, PG, positional(1))).isEqualTo(bound(sql, 1));
        // A name with a dollar sign is not a dollar quote.
        assertThat(rewrite("SELECT a$b$, ?", PG, positional(1))).isEqualTo(bound("SELECT a$b$, ?", 1));
    }

    /** The PostgreSQL driver reads {@code ??} as one literal question mark (the jsonb {@code ?} operator). */
    @Test
    void postgresDoubledQuestionMarkIsTheOperator() {
        assertThat(rewrite("SELECT data ?? 'key' FROM t WHERE id = ?", PG, positional(1)))
                .isEqualTo(bound("SELECT data ?? 'key' FROM t WHERE id = ?", 1));
    }

    @Test
    void tooFewOrTooManyPositionalValuesAreRefused() {
        assertThat(refused("SELECT ? , ?", PG, positional(1))).hasMessage(
                "positional replacement ? number 2 at offset 11 (\"?\") has no value: 1 replacement was given");
        assertThat(refused("SELECT ?", PG, positional(1, 2))).hasMessage(
                "2 replacements were given but the SQL has 1 ? placeholder; replacement number 2 would be unused");
        assertThat(refused("SELECT '?'", MY, positional(1))).hasMessage(
                "1 replacement was given but the SQL has 0 ? placeholders; replacement number 1 would be unused");
    }

    @Test
    void anEmptyCollectionIsRefused() {
        assertThat(refused("SELECT * FROM t WHERE id IN (?)", PG, positional(List.of()))).hasMessage(
                "replacement number 1 is an empty list, which would leave nothing between the parentheses of IN (...);"
                        + " leave the condition out when there is nothing to match");
    }

    // ---- named replacements -----------------------------------------------------------------------

    @Test
    void namedReplacementsAreBoundWhereverTheyAppear() {
        assertThat(rewrite("SELECT * FROM t WHERE a = :a AND (b = :b OR c = :a) AND d IN (:ids)", LITE,
                named("a", 1, "b", "two", "ids", List.of(7, 8))))
                .isEqualTo(bound("SELECT * FROM t WHERE a = ? AND (b = ? OR c = ?) AND d IN (?, ?)", 1, "two", 1, 7, 8));
    }

    /** {@code ::int} is a PostgreSQL cast; {@code :=} MySQL assignment; {@code a:b} and {@code [1:n]} not names of ours. */
    @Test
    void castsAndOtherColonsAreText() {
        assertThat(rewrite("SELECT :value::int, x::text, '2024-01-01'::date", PG, named("value", "5")))
                .isEqualTo(bound("SELECT ?::int, x::text, '2024-01-01'::date", "5"));
        assertThat(rewrite("SELECT @n := :start", MY, named("start", 1))).isEqualTo(bound("SELECT @n := ?", 1));
        assertThat(rewrite("SELECT arr[1:n], ts:x, :y", PG, named("y", 2, "n", 0, "x", 0)))
                .isEqualTo(bound("SELECT arr[1:n], ts:x, ?", 2));
    }

    @Test
    void namesInsideLiteralsAndCommentsAreText() {
        String sql = "SELECT ':a', \":a\", `:a` /* :a */ -- :a\n, :a";
        assertThat(rewrite(sql, MY, named("a", 1))).isEqualTo(bound("SELECT ':a', \":a\", `:a` /* :a */ -- :a\n, ?", 1));
    }

    @Test
    void aMissingNameIsRefusedWithTheNearestGiven() {
        assertThat(refused("SELECT * FROM t WHERE status = :stauts", PG, named("status", "active", "id", 1)))
                .hasMessage("named replacement :stauts at offset 31 has no entry in the replacements; given: status, id;"
                        + " did you mean status?");
    }

    @Test
    void aNullValueIsBoundButAnAbsentNameIsRefused() {
        Map<String, Object> values = new HashMap<>();
        values.put("a", null);
        assertThat(rewrite("SELECT :a", PG, new NamedReplacements(values))).isEqualTo(bound("SELECT ?", (Object) null));
        refused("SELECT :b", PG, new NamedReplacements(values));
    }

    @Test
    void aQuestionMarkWithNamedReplacementsIsRefused() {
        assertThat(refused("SELECT :a, ?", PG, named("a", 1))).hasMessage(
                "the replacements are named, so write :name; the ? at offset 11 (\"?\") would have no value");
    }

    @Test
    void aQuestionMarkWithoutReplacementsIsRefused() {
        assertThat(refused("SELECT * FROM t WHERE a = ?", PG, new NoParameters())).hasMessage(
                "the SQL has a ? placeholder at offset 26 (\"?\") but no replacements were given;"
                        + " pass them with replacements(List.of(...))");
        String plain = "SELECT '?', :a, $1 FROM t";
        assertThat(rewrite(plain, PG, new NoParameters())).isEqualTo(bound(plain));
    }

    // ---- bind parameters --------------------------------------------------------------------------

    @Test
    void positionalBindParametersMayRepeatAndComeInAnyOrder() {
        assertThat(rewrite("SELECT * FROM t WHERE b = $2 AND a = $1 AND c = $2", PG, bindList("one", "two")))
                .isEqualTo(bound("SELECT * FROM t WHERE b = ? AND a = ? AND c = ?", "two", "one", "two"));
    }

    @Test
    void namedBindParameters() {
        assertThat(rewrite("SELECT * FROM t WHERE a = $a AND b = $b_2", MY, bindMap("a", 1, "b_2", List.of(1))))
                .isEqualTo(bound("SELECT * FROM t WHERE a = ? AND b = ?", 1, List.of(1)));
    }

    /** Sequelize's {@code $$} is a plain dollar sign; in PostgreSQL it opens a dollar-quoted string instead. */
    @Test
    void doubledDollarIsADollarOutsidePostgres() {
        assertThat(rewrite("SELECT $1 AS $$price", MY, bindList(5))).isEqualTo(bound("SELECT ? AS $price", 5));
        assertThat(rewrite("SELECT $1, $$ $1 $$", PG, bindList(5))).isEqualTo(bound("SELECT ?, $$ $1 $$", 5));
        assertThat(rewrite("SELECT $1, $q$ $2 $q$", PG, bindList(5))).isEqualTo(bound("SELECT ?, $q$ $2 $q$", 5));
    }

    @Test
    void bindParametersInLiteralsNamesAndCommentsAreText() {
        String sql = "SELECT '$1', \"$1\", [$1], price$1 /* $1 */ -- $1\n, $1";
        assertThat(rewrite(sql, LITE, bindList(7))).isEqualTo(bound("SELECT '$1', \"$1\", [$1], price$1 /* $1 */ -- $1\n, ?", 7));
    }

    @Test
    void badBindParametersAreRefused() {
        assertThat(refused("SELECT $3", PG, bindList(1, 2))).hasMessage(
                "bind parameter $3 at offset 7 has no value: 2 bind values were given, numbered from $1");
        assertThat(refused("SELECT $0", PG, bindList(1))).hasMessage(
                "bind parameter $0 at offset 7 has no value: 1 bind value was given, numbered from $1");
        assertThat(refused("SELECT $1", PG, bindList(1, 2))).hasMessage(
                "2 bind values were given but $2 does not appear in the SQL");
        assertThat(refused("SELECT $name", PG, bindList(1))).hasMessage("$name at offset 7 is a named bind parameter,"
                + " but bind was given as a list; pass a map for $name, or number the parameters $1, $2, ...");
        assertThat(refused("SELECT $1", PG, bindMap("a", 1))).hasMessage("$1 at offset 7 is a positional bind parameter,"
                + " but bind was given as a map; pass a list for $1, $2, ... or name the parameters $name");
        assertThat(refused("SELECT $nme", PG, bindMap("name", 1))).hasMessage(
                "Named bind parameter \"$nme\" has no value in the given object; given: name; did you mean name?");
        assertThat(refused("SELECT $1, ?", PG, bindList(1))).hasMessage("bind parameters are written $1 or $name;"
                + " the ? at offset 11 (\"?\") would have no value (replacements fill ? placeholders)");
    }

    // ---- what cannot be scanned -------------------------------------------------------------------

    /** An unterminated literal would hide the rest of the SQL from this scan, not from the database. */
    @Test
    void unterminatedLiteralsAndCommentsAreRefused() {
        assertThat(refused("SELECT 'abc, ?", PG, positional(1))).hasMessage("the SQL ends inside a string literal"
                + " opened at offset 7 (\"'abc, ?\"); close it. Placeholders after it could not be told from its text");
        assertThat(refused("SELECT 'it\\', ?", MY, positional(1))).hasMessageStartingWith(
                "the SQL ends inside a string literal opened at offset 7");
        assertThat(refused("SELECT \"abc", PG, new NoParameters())).hasMessageStartingWith(
                "the SQL ends inside a double-quoted name or string opened at offset 7");
        assertThat(refused("SELECT `abc", LITE, new NoParameters())).hasMessageStartingWith(
                "the SQL ends inside a `quoted` identifier opened at offset 7");
        assertThat(refused("SELECT [abc", MS, new NoParameters())).hasMessageStartingWith(
                "the SQL ends inside a [bracketed] identifier opened at offset 7");
        assertThat(refused("SELECT 1 /* abc", PG, new NoParameters())).hasMessageStartingWith(
                "the SQL ends inside a /* comment opened at offset 9");
        assertThat(refused("SELECT 1 /* /* */", PG, new NoParameters())).hasMessageStartingWith(
                "the SQL ends inside a /* comment opened at offset 9");
        assertThat(refused("SELECT $x$ abc", PG, new NoParameters())).hasMessageStartingWith(
                "the SQL ends inside a dollar-quoted string $x$ opened at offset 7");
    }

    /**
     * Values are never part of the text: whatever a value holds, the SQL that comes out is the SQL that
     * went in with its placeholders turned into {@code ?}.
     */
    @Test
    void hostileValuesNeverReachTheText() {
        List<Object> hostile = List.of("'); DROP TABLE users; --", "\\'; DROP TABLE users; #", "*/ OR 1=1 /*",
                "$1", ":a", "?", "$$", "\u0000", "\" OR \"\"=\"");
        for (Object value : hostile) {
            for (RawSqlSyntax syntax : List.of(PG, MY, LITE, MS)) {
                assertThat(rewrite("SELECT * FROM t WHERE a = ? AND b = ?", syntax, positional(value, value)))
                        .isEqualTo(bound("SELECT * FROM t WHERE a = ? AND b = ?", value, value));
                assertThat(rewrite("SELECT * FROM t WHERE a = :a", syntax, named("a", value)))
                        .isEqualTo(bound("SELECT * FROM t WHERE a = ?", value));
                assertThat(rewrite("SELECT * FROM t WHERE a = $1", syntax, bindList(value)))
                        .isEqualTo(bound("SELECT * FROM t WHERE a = ?", value));
            }
        }
    }

    @Test
    void eachDialectHasItsDatabasesRules() {
        assertThat(RawSqlSyntax.of(Dialects.POSTGRES)).isSameAs(PG);
        assertThat(RawSqlSyntax.of(Dialects.MYSQL)).isSameAs(MY);
        assertThat(RawSqlSyntax.of(Dialects.MARIADB)).isSameAs(MY);
        assertThat(RawSqlSyntax.of(Dialects.SQLITE)).isSameAs(LITE);
        assertThat(RawSqlSyntax.of(Dialects.MSSQL)).isSameAs(MS);
    }
}
