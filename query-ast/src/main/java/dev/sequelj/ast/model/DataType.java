package dev.sequelj.ast.model;

/**
 * The type of an attribute, as Sequelize's {@code DataTypes} names it. Plain data: what each type is
 * called in a given database is decided by that database's {@code Dialect}, and which Java values an
 * attribute accepts by {@link dev.sequelj.ast.finder.ValueChecker}.
 */
public sealed interface DataType {

    /** {@code DataTypes.STRING}: a variable-length string, {@code VARCHAR(length)}. */
    record StringType(int length) implements DataType {}

    /** {@code DataTypes.TEXT}: an unbounded string. */
    record TextType() implements DataType {}

    /** {@code DataTypes.INTEGER}: a 32-bit signed integer, read and written as {@link Integer}. */
    record IntegerType() implements DataType {}

    /** {@code DataTypes.BIGINT}: a 64-bit signed integer, read and written as {@link Long}. */
    record BigIntType() implements DataType {}

    /** {@code DataTypes.BOOLEAN}. */
    record BooleanType() implements DataType {}

    /** {@code DataTypes.DATE}: an instant with millisecond precision, read and written as {@link java.time.Instant}. */
    record DateType() implements DataType {}

    // ---- JSON (added by the where-clause work for JSON path conditions; the DDL work owns their full support) ----

    /** {@code DataTypes.JSON}: a JSON document; where clauses reach inside it by path. */
    record JsonType() implements DataType {}

    /** {@code DataTypes.JSONB}: PostgreSQL's binary JSON, which can also be compared by containment. */
    record JsonbType() implements DataType {}
}
