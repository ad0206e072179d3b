package dev.sequelj.executor.query;

import dev.sequelj.render.dialect.Dialect;

import java.util.EnumSet;
import java.util.Set;

/**
 * What {@link RawSqlBinder} must know of a database's lexical rules to tell a placeholder from text
 * that only looks like one: which quotes open literals and quoted identifiers, how they escape, which
 * comments there are. Everything not listed is standard SQL: {@code '...'} strings and
 * {@code "..."} quoted names with the quote doubled inside, {@code -- } and {@code /* *}{@code /}
 * comments.
 *
 * <pre>{@code
 * RawSqlSyntax mysql = RawSqlSyntax.of(Dialects.MARIADB);   // backslash escapes, `names`, # comments
 * }</pre>
 *
 * @param name     the dialects it serves
 * @param features what differs from standard SQL
 */
public record RawSqlSyntax(String name, Set<Feature> features) {

    /** One way a database's lexical rules depart from standard SQL. */
    public enum Feature {
        /** A backslash escapes the next character inside {@code '...'} and {@code "..."} (MySQL's default sql_mode). */
        BACKSLASH_ESCAPES,
        /** {@code E'...'} strings, in which a backslash escapes (PostgreSQL). */
        E_STRINGS,
        /** {@code $$...$$} and {@code $tag$...$tag$} string constants (PostgreSQL). */
        DOLLAR_QUOTED_STRINGS,
        /** {@code `name`} quoted identifiers. */
        BACKTICK_IDENTIFIERS,
        /** {@code [name]} quoted identifiers. */
        BRACKET_IDENTIFIERS,
        /** {@code --} starts a comment only when a space or control character follows (MySQL). */
        DASH_DASH_NEEDS_SPACE,
        /** {@code #} starts a comment to the end of the line (MySQL). */
        HASH_COMMENTS,
        /** {@code /* ... *}{@code /} comments nest (PostgreSQL, SQL Server). */
        NESTED_BLOCK_COMMENTS,
        /** {@code ??} is a literal question mark, not two placeholders (the PostgreSQL JDBC driver's escape). */
        DOUBLED_QUESTION_MARK
    }

    public static final RawSqlSyntax POSTGRES = new RawSqlSyntax("postgres", EnumSet.of(
            Feature.E_STRINGS, Feature.DOLLAR_QUOTED_STRINGS, Feature.NESTED_BLOCK_COMMENTS, Feature.DOUBLED_QUESTION_MARK));
    public static final RawSqlSyntax MYSQL = new RawSqlSyntax("mysql, mariadb", EnumSet.of(
            Feature.BACKSLASH_ESCAPES, Feature.BACKTICK_IDENTIFIERS, Feature.DASH_DASH_NEEDS_SPACE, Feature.HASH_COMMENTS));
    /** SQLite accepts MySQL's and SQL Server's identifier quotes too. */
    public static final RawSqlSyntax SQLITE = new RawSqlSyntax("sqlite", EnumSet.of(
            Feature.BACKTICK_IDENTIFIERS, Feature.BRACKET_IDENTIFIERS));
    public static final RawSqlSyntax MSSQL = new RawSqlSyntax("mssql", EnumSet.of(
            Feature.BRACKET_IDENTIFIERS, Feature.NESTED_BLOCK_COMMENTS));

    public RawSqlSyntax {
        features = Set.copyOf(features);
    }

    /** The rules of the database a dialect speaks to. */
    public static RawSqlSyntax of(Dialect dialect) {
        return switch (dialect.name()) {
            case "postgres" -> POSTGRES;
            case "mysql", "mariadb" -> MYSQL;
            case "sqlite" -> SQLITE;
            case "mssql" -> MSSQL;
            default -> throw new IllegalArgumentException("no raw SQL syntax for dialect " + dialect);
        };
    }

    public boolean has(Feature feature) {
        return features.contains(feature);
    }
}
