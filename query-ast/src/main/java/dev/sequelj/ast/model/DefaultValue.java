package dev.sequelj.ast.model;

/**
 * An attribute's {@code defaultValue}, as Sequelize knows them. Sequelize fills every default in when
 * a row is built ({@code create}), in JavaScript; so does Sequelj, in Java (see {@link DefaultValues}).
 * A plain value is also written into the column's {@code DEFAULT} clause by {@code sync}, as Sequelize
 * does; {@link Now} and the UUIDs are not (the database never sees them); a {@link Literal} is written
 * into the {@code DEFAULT} clause as it is, and left to the database.
 *
 * <pre>{@code
 * attribute("score", DataTypes.INTEGER).defaultValue(0)
 * attribute("joinedAt", DataTypes.DATE).defaultValue(DataTypes.NOW)
 * attribute("id", DataTypes.UUID).primaryKey(true).defaultValue(DataTypes.UUIDV4)
 * attribute("stamp", DataTypes.DATE).defaultValue(DefaultValue.literal("CURRENT_TIMESTAMP"))
 * }</pre>
 */
public sealed interface DefaultValue {

    /** A value, already checked against the attribute's type (its canonical Java value); may be null. */
    record Value(Object value) implements DefaultValue {}

    /** {@code DataTypes.NOW}: the time of the create. */
    record Now() implements DefaultValue {}

    /** {@code DataTypes.UUIDV1}: a time-based UUID. */
    record UuidV1() implements DefaultValue {}

    /** {@code DataTypes.UUIDV4}: a random UUID. */
    record UuidV4() implements DefaultValue {}

    /**
     * {@code Sequelize.literal(sql)}: SQL written into the column's {@code DEFAULT} clause unchanged. It is
     * the caller's SQL, never a user's value: no escaping happens.
     */
    record Literal(String sql) implements DefaultValue {}

    /** {@code Sequelize.literal(sql)} as a default. */
    static DefaultValue literal(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new dev.sequelj.ast.error.ValidationError("a literal default needs SQL, e.g. CURRENT_TIMESTAMP");
        }
        return new Literal(sql);
    }
}
