package dev.sequelj.conformance.property;

import dev.sequelj.render.dialect.Dialect;

/**
 * How each database quotes, written down from its documentation rather than read from our
 * {@link Dialect}s, so that checks made with it are independent of the code they check:
 * <ul>
 *   <li>postgres: {@code "name"}, a {@code "} inside doubled (PostgreSQL manual, 4.1.1)</li>
 *   <li>mysql, mariadb: {@code `name`}, a {@code `} inside doubled; string literals also take backslash
 *       escapes (MySQL manual, 11.2 and 11.1.1)</li>
 *   <li>sqlite: {@code `name`} (SQLite accepts MySQL's quotes; Sequelize uses them), a {@code `} inside doubled</li>
 *   <li>mssql: {@code [name]}, a {@code ]} inside doubled (T-SQL QUOTENAME)</li>
 * </ul>
 * String literals are {@code '...'} with {@code ''} inside everywhere.
 *
 * @param open             the character that opens a quoted identifier
 * @param close            the character that closes it; doubled when it is part of the name
 * @param backslashEscapes whether string literals read {@code \} as an escape
 */
public record QuoteRule(char open, char close, boolean backslashEscapes) {

    /** The rule of the database the dialect writes for. */
    public static QuoteRule of(Dialect dialect) {
        return switch (dialect.name()) {
            case "postgres" -> new QuoteRule('"', '"', false);
            case "mysql", "mariadb" -> new QuoteRule('`', '`', true);
            case "sqlite" -> new QuoteRule('`', '`', false);
            case "mssql" -> new QuoteRule('[', ']', false);
            default -> throw new IllegalArgumentException("no quoting rule written down for dialect " + dialect.name());
        };
    }

    /** {@code name} quoted by this rule. */
    public String quote(String name) {
        return open + name.replace(String.valueOf(close), String.valueOf(close) + close) + close;
    }
}
