package dev.sequelj.ast.model;

/**
 * Sequelize's {@code DataTypes}, spelled the same way.
 *
 * <pre>{@code
 * attribute("firstName", DataTypes.STRING)       // VARCHAR(255)
 * attribute("code", DataTypes.STRING(16))        // VARCHAR(16)
 * attribute("age", DataTypes.INTEGER)
 * }</pre>
 */
public final class DataTypes {
    /** {@code VARCHAR(255)}, Sequelize's default length. */
    public static final DataType STRING = new DataType.StringType(255);
    public static final DataType TEXT = new DataType.TextType();
    public static final DataType INTEGER = new DataType.IntegerType();
    public static final DataType BIGINT = new DataType.BigIntType();
    public static final DataType BOOLEAN = new DataType.BooleanType();
    public static final DataType DATE = new DataType.DateType();
    public static final DataType JSON = new DataType.JsonType();
    public static final DataType JSONB = new DataType.JsonbType();

    private DataTypes() {}

    /** {@code DataTypes.STRING(n)}: {@code VARCHAR(n)}. */
    public static DataType STRING(int length) {
        if (length < 1) {
            throw new dev.sequelj.ast.error.ValidationError("STRING length must be at least 1, got " + length);
        }
        return new DataType.StringType(length);
    }

    /** The name Sequelize prints for the type, used in error messages: {@code STRING(255)}, {@code INTEGER}. */
    public static String describe(DataType type) {
        return switch (type) {
            case DataType.StringType s -> "STRING(" + s.length() + ")";
            case DataType.TextType t -> "TEXT";
            case DataType.IntegerType i -> "INTEGER";
            case DataType.BigIntType b -> "BIGINT";
            case DataType.BooleanType b -> "BOOLEAN";
            case DataType.DateType d -> "DATE";
            case DataType.JsonType j -> "JSON";
            case DataType.JsonbType j -> "JSONB";
        };
    }
}
