package dev.sequelj.render;

import io.vavr.collection.Array;

/**
 * A rendered statement: SQL text with {@code ?} placeholders and the values to bind to them, in order.
 * Values are already in the form the dialect stores them in (a DATE is an {@code OffsetDateTime} on
 * PostgreSQL, a Sequelize-formatted string on SQLite), so an executor binds them as they are.
 *
 * @param text    the SQL, ending with {@code ;} as Sequelize's does
 * @param params  one value per placeholder
 * @param returns what running it hands back
 */
public record Sql(String text, Array<Object> params, Returns returns) {

    /** What an executor should collect when it runs the statement. */
    public enum Returns {
        /** A result set: SELECT, or an INSERT with RETURNING / OUTPUT. */
        ROWS,
        /** An update count and the keys the database generated (an INSERT where the dialect cannot return rows). */
        GENERATED_KEYS,
        /** Nothing but success: DDL. */
        NOTHING,
        /** The number of rows changed: UPDATE, DELETE, and an INSERT whose rows are not asked back. */
        UPDATE_COUNT
    }
}
