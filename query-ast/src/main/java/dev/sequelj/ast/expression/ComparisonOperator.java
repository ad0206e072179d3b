package dev.sequelj.ast.expression;

/**
 * The binary comparisons a where clause can make. How each is spelled, and whether a database has it
 * at all, is the dialect's business (a table per dialect).
 *
 * <p>Each names the Sequelize operator it comes from ({@link #sequelizeKey()}), so that a dialect
 * refusing one can say which operator the caller wrote.
 */
public enum ComparisonOperator {
    EQ("$eq"), NE("$ne"), GT("$gt"), GTE("$gte"), LT("$lt"), LTE("$lte"), LIKE("$like"), NOT_LIKE("$notLike"),

    // ---- where clauses: operators beyond the standard comparisons --------------------------------
    /** Case-insensitive LIKE ({@code ILIKE}, PostgreSQL). */
    ILIKE("$iLike"), NOT_ILIKE("$notILike"),
    /** A POSIX / MySQL regular expression match ({@code ~}, {@code REGEXP}). */
    REGEXP("$regexp"), NOT_REGEXP("$notRegexp"),
    /** A case-insensitive regular expression match ({@code ~*}, PostgreSQL). */
    IREGEXP("$iRegexp"), NOT_IREGEXP("$notIRegexp"),
    /** Arrays and ranges share an element ({@code &&}). */
    OVERLAP("$overlap"),
    /** The left side contains the right ({@code @>}): arrays, ranges, JSONB documents. */
    CONTAINS("$contains"),
    /** The left side is contained in the right ({@code <@}). */
    CONTAINED("$contained"),
    /** Range operators ({@code -|-}, {@code <<}, {@code >>}, {@code &<}, {@code &>}). */
    ADJACENT("$adjacent"), STRICT_LEFT("$strictLeft"), STRICT_RIGHT("$strictRight"),
    NO_EXTEND_RIGHT("$noExtendRight"), NO_EXTEND_LEFT("$noExtendLeft"),
    /** Full-text match ({@code @@}). */
    MATCH("$match");

    private final String sequelizeKey;

    ComparisonOperator(String sequelizeKey) {
        this.sequelizeKey = sequelizeKey;
    }

    /** The Sequelize operator as written in object-form where clauses: {@code "$iLike"}. */
    public String sequelizeKey() {
        return sequelizeKey;
    }
}
