package dev.sequelj.ast.model;

import dev.sequelj.ast.error.ValidationError;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.HashSet;
import java.util.Set;

/**
 * Sequelize's {@code DataTypes}, spelled the same way, and its default-value markers ({@link #NOW},
 * {@link #UUIDV1}, {@link #UUIDV4}).
 *
 * <pre>{@code
 * attribute("firstName", DataTypes.STRING)              // VARCHAR(255)
 * attribute("code", DataTypes.STRING(16))               // VARCHAR(16)
 * attribute("price", DataTypes.DECIMAL(10, 2))
 * attribute("hits", DataTypes.INTEGER.UNSIGNED())       // INTEGER UNSIGNED on MySQL
 * attribute("mood", DataTypes.ENUM("happy", "sad"))
 * attribute("tags", DataTypes.ARRAY(DataTypes.STRING))  // PostgreSQL only
 * attribute("id", DataTypes.UUID).primaryKey(true).defaultValue(DataTypes.UUIDV4)
 * }</pre>
 *
 * Arguments that make no sense (a length below 1, a scale above the precision, an ENUM without values)
 * are {@link ValidationError}s naming what is valid.
 */
public final class DataTypes {
    /** {@code VARCHAR(255)}, Sequelize's default length. */
    public static final DataType.StringType STRING = new DataType.StringType(255, false);
    /** {@code CHAR(255)}, Sequelize's default length. */
    public static final DataType.CharType CHAR = new DataType.CharType(255, false);
    public static final DataType.TextType TEXT = new DataType.TextType(DataType.TextSize.DEFAULT);
    public static final DataType.CitextType CITEXT = new DataType.CitextType();
    public static final DataType.TinyIntType TINYINT = new DataType.TinyIntType(Option.none(), false, false);
    public static final DataType.SmallIntType SMALLINT = new DataType.SmallIntType(Option.none(), false, false);
    public static final DataType.MediumIntType MEDIUMINT = new DataType.MediumIntType(Option.none(), false, false);
    public static final DataType.IntegerType INTEGER = new DataType.IntegerType(Option.none(), false, false);
    public static final DataType.BigIntType BIGINT = new DataType.BigIntType(Option.none(), false, false);
    public static final DataType.FloatType FLOAT = new DataType.FloatType(Option.none(), Option.none(), false, false);
    public static final DataType.RealType REAL = new DataType.RealType(Option.none(), Option.none(), false, false);
    public static final DataType.DoubleType DOUBLE = new DataType.DoubleType(Option.none(), Option.none(), false, false);
    public static final DataType.DecimalType DECIMAL = new DataType.DecimalType(Option.none(), Option.none(), false, false);
    public static final DataType.BooleanType BOOLEAN = new DataType.BooleanType();
    public static final DataType.DateType DATE = new DataType.DateType(Option.none());
    public static final DataType.DateOnlyType DATEONLY = new DataType.DateOnlyType();
    public static final DataType.TimeType TIME = new DataType.TimeType();
    public static final DataType.UuidType UUID = new DataType.UuidType();
    public static final DataType.JsonType JSON = new DataType.JsonType();
    public static final DataType.JsonbType JSONB = new DataType.JsonbType();
    public static final DataType.BlobType BLOB = new DataType.BlobType(DataType.TextSize.DEFAULT);
    public static final DataType.VirtualType VIRTUAL = new DataType.VirtualType();

    /** {@code defaultValue: DataTypes.NOW}: the time of the {@code create}, taken in Java as Sequelize takes it in JavaScript. */
    public static final DefaultValue NOW = new DefaultValue.Now();
    /** {@code defaultValue: DataTypes.UUIDV1}: a time-based UUID generated at {@code create}. */
    public static final DefaultValue UUIDV1 = new DefaultValue.UuidV1();
    /** {@code defaultValue: DataTypes.UUIDV4}: a random UUID generated at {@code create}. */
    public static final DefaultValue UUIDV4 = new DefaultValue.UuidV4();

    private static final int MAX_DATE_PRECISION = 6;

    private DataTypes() {}

    /** {@code DataTypes.STRING(n)}: {@code VARCHAR(n)}. */
    public static DataType.StringType STRING(int length) {
        return new DataType.StringType(positive("STRING length", length), false);
    }

    /** {@code DataTypes.CHAR(n)}: {@code CHAR(n)}. */
    public static DataType.CharType CHAR(int length) {
        return new DataType.CharType(positive("CHAR length", length), false);
    }

    /** {@code DataTypes.TEXT('tiny' | 'medium' | 'long')}. */
    public static DataType.TextType TEXT(DataType.TextSize size) {
        return new DataType.TextType(size);
    }

    /** {@code DataTypes.TINYINT(displayWidth)}. */
    public static DataType.TinyIntType TINYINT(int length) {
        return new DataType.TinyIntType(Option.some(positive("TINYINT length", length)), false, false);
    }

    /** {@code DataTypes.SMALLINT(displayWidth)}. */
    public static DataType.SmallIntType SMALLINT(int length) {
        return new DataType.SmallIntType(Option.some(positive("SMALLINT length", length)), false, false);
    }

    /** {@code DataTypes.MEDIUMINT(displayWidth)}. */
    public static DataType.MediumIntType MEDIUMINT(int length) {
        return new DataType.MediumIntType(Option.some(positive("MEDIUMINT length", length)), false, false);
    }

    /** {@code DataTypes.INTEGER(displayWidth)}: MySQL's {@code INTEGER(11)}; other databases ignore the width. */
    public static DataType.IntegerType INTEGER(int length) {
        return new DataType.IntegerType(Option.some(positive("INTEGER length", length)), false, false);
    }

    /** {@code DataTypes.BIGINT(displayWidth)}. */
    public static DataType.BigIntType BIGINT(int length) {
        return new DataType.BigIntType(Option.some(positive("BIGINT length", length)), false, false);
    }

    /** {@code DataTypes.FLOAT(length)}. */
    public static DataType.FloatType FLOAT(int length) {
        return new DataType.FloatType(Option.some(positive("FLOAT length", length)), Option.none(), false, false);
    }

    /** {@code DataTypes.FLOAT(length, decimals)} (MySQL). */
    public static DataType.FloatType FLOAT(int length, int decimals) {
        checkDecimals("FLOAT", length, decimals);
        return new DataType.FloatType(Option.some(length), Option.some(decimals), false, false);
    }

    /** {@code DataTypes.REAL(length)}. */
    public static DataType.RealType REAL(int length) {
        return new DataType.RealType(Option.some(positive("REAL length", length)), Option.none(), false, false);
    }

    /** {@code DataTypes.REAL(length, decimals)} (MySQL). */
    public static DataType.RealType REAL(int length, int decimals) {
        checkDecimals("REAL", length, decimals);
        return new DataType.RealType(Option.some(length), Option.some(decimals), false, false);
    }

    /** {@code DataTypes.DOUBLE(length)}. */
    public static DataType.DoubleType DOUBLE(int length) {
        return new DataType.DoubleType(Option.some(positive("DOUBLE length", length)), Option.none(), false, false);
    }

    /** {@code DataTypes.DOUBLE(length, decimals)} (MySQL). */
    public static DataType.DoubleType DOUBLE(int length, int decimals) {
        checkDecimals("DOUBLE", length, decimals);
        return new DataType.DoubleType(Option.some(length), Option.some(decimals), false, false);
    }

    /** {@code DataTypes.DECIMAL(precision)}: scale 0. */
    public static DataType.DecimalType DECIMAL(int precision) {
        return new DataType.DecimalType(Option.some(positive("DECIMAL precision", precision)), Option.none(), false, false);
    }

    /** {@code DataTypes.DECIMAL(precision, scale)}: {@code scale} digits of {@code precision} after the point. */
    public static DataType.DecimalType DECIMAL(int precision, int scale) {
        positive("DECIMAL precision", precision);
        if (scale < 0 || scale > precision) {
            throw new ValidationError("DECIMAL(" + precision + "," + scale + "): the scale must be between 0 and the"
                    + " precision (" + precision + "); e.g. DECIMAL(10,2) holds 10 digits, 2 after the point");
        }
        return new DataType.DecimalType(Option.some(precision), Option.some(scale), false, false);
    }

    /**
     * {@code DataTypes.DATE(precision)}: fractional digits of seconds, 0 to 6 ({@code DATETIME(3)} on
     * MySQL and MariaDB; the other databases keep their own precision, as in Sequelize).
     */
    public static DataType.DateType DATE(int precision) {
        if (precision < 0 || precision > MAX_DATE_PRECISION) {
            throw new ValidationError("DATE(" + precision + "): the precision must be between 0 and " + MAX_DATE_PRECISION);
        }
        return new DataType.DateType(Option.some(precision));
    }

    /** {@code DataTypes.ENUM("a", "b")}: at least one value, no value twice, none null. */
    public static DataType.EnumType ENUM(String... values) {
        return ENUM(java.util.List.of(values.clone()));
    }

    /** {@code DataTypes.ENUM({values: [...]})}. */
    public static DataType.EnumType ENUM(Iterable<String> values) {
        Vector<String> list = Vector.empty();
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (value == null) {
                throw new ValidationError("ENUM values must be strings, not null");
            }
            if (!seen.add(value)) {
                throw new ValidationError("ENUM lists '" + value + "' twice; each value must be listed once");
            }
            list = list.append(value);
        }
        if (list.isEmpty()) {
            throw new ValidationError("ENUM needs at least one value, e.g. ENUM('active', 'archived')");
        }
        return new DataType.EnumType(list);
    }

    /** {@code DataTypes.ARRAY(element)}, PostgreSQL's arrays; other databases refuse it. */
    public static DataType.ArrayType ARRAY(DataType element) {
        if (element == null) {
            throw new ValidationError("ARRAY needs the type of its elements, e.g. ARRAY(DataTypes.INTEGER)");
        }
        if (element instanceof DataType.VirtualType) {
            throw new ValidationError("ARRAY(VIRTUAL) makes no sense: VIRTUAL has no column");
        }
        return new DataType.ArrayType(element);
    }

    /** {@code DataTypes.BLOB('tiny' | 'medium' | 'long')}. */
    public static DataType.BlobType BLOB(DataType.TextSize size) {
        return new DataType.BlobType(size);
    }

    /** The integer type with Sequelize's UNSIGNED/ZEROFILL flags set as given. */
    static DataType.IntegralType withFlags(DataType.IntegralType type, boolean unsigned, boolean zerofill) {
        return switch (type) {
            case DataType.TinyIntType t -> new DataType.TinyIntType(t.length(), unsigned, zerofill);
            case DataType.SmallIntType t -> new DataType.SmallIntType(t.length(), unsigned, zerofill);
            case DataType.MediumIntType t -> new DataType.MediumIntType(t.length(), unsigned, zerofill);
            case DataType.IntegerType t -> new DataType.IntegerType(t.length(), unsigned, zerofill);
            case DataType.BigIntType t -> new DataType.BigIntType(t.length(), unsigned, zerofill);
        };
    }

    /** The floating-point type with Sequelize's UNSIGNED/ZEROFILL flags set as given. */
    static DataType.FloatingType withFlags(DataType.FloatingType type, boolean unsigned, boolean zerofill) {
        return switch (type) {
            case DataType.FloatType t -> new DataType.FloatType(t.length(), t.decimals(), unsigned, zerofill);
            case DataType.RealType t -> new DataType.RealType(t.length(), t.decimals(), unsigned, zerofill);
            case DataType.DoubleType t -> new DataType.DoubleType(t.length(), t.decimals(), unsigned, zerofill);
        };
    }

    /** The name Sequelize prints for the type, used in messages: {@code STRING(255)}, {@code DECIMAL(10,2)}. */
    public static String describe(DataType type) {
        return switch (type) {
            case DataType.StringType s -> "STRING(" + s.length() + ")" + (s.binary() ? ".BINARY" : "");
            case DataType.CharType c -> "CHAR(" + c.length() + ")" + (c.binary() ? ".BINARY" : "");
            case DataType.TextType t -> sized("TEXT", t.size());
            case DataType.CitextType c -> "CITEXT";
            case DataType.IntegralType i -> integralName(i) + i.length().map(l -> "(" + l + ")").getOrElse("")
                    + flags(i.unsigned(), i.zerofill());
            case DataType.FloatingType f -> floatingName(f)
                    + f.length().map(l -> "(" + l + f.decimals().map(d -> "," + d).getOrElse("") + ")").getOrElse("")
                    + flags(f.unsigned(), f.zerofill());
            case DataType.DecimalType d -> "DECIMAL"
                    + d.precision().map(p -> "(" + p + d.scale().map(s -> "," + s).getOrElse("") + ")").getOrElse("")
                    + flags(d.unsigned(), d.zerofill());
            case DataType.BooleanType b -> "BOOLEAN";
            case DataType.DateType d -> "DATE" + d.precision().map(p -> "(" + p + ")").getOrElse("");
            case DataType.DateOnlyType d -> "DATEONLY";
            case DataType.TimeType t -> "TIME";
            case DataType.UuidType u -> "UUID";
            case DataType.JsonType j -> "JSON";
            case DataType.JsonbType j -> "JSONB";
            case DataType.EnumType e -> "ENUM(" + e.values().map(v -> "'" + v + "'").mkString(", ") + ")";
            case DataType.ArrayType a -> "ARRAY(" + describe(a.element()) + ")";
            case DataType.BlobType b -> sized("BLOB", b.size());
            case DataType.VirtualType v -> "VIRTUAL";
        };
    }

    /** Sequelize's name of an integer type: {@code TINYINT}, ..., {@code BIGINT}. */
    public static String integralName(DataType.IntegralType type) {
        return switch (type) {
            case DataType.TinyIntType t -> "TINYINT";
            case DataType.SmallIntType t -> "SMALLINT";
            case DataType.MediumIntType t -> "MEDIUMINT";
            case DataType.IntegerType t -> "INTEGER";
            case DataType.BigIntType t -> "BIGINT";
        };
    }

    /** Sequelize's name of a floating-point type: {@code FLOAT}, {@code REAL}, {@code DOUBLE}. */
    public static String floatingName(DataType.FloatingType type) {
        return switch (type) {
            case DataType.FloatType f -> "FLOAT";
            case DataType.RealType r -> "REAL";
            case DataType.DoubleType d -> "DOUBLE";
        };
    }

    private static String sized(String name, DataType.TextSize size) {
        return switch (size) {
            case DEFAULT -> name;
            case TINY -> name + "('tiny')";
            case MEDIUM -> name + "('medium')";
            case LONG -> name + "('long')";
        };
    }

    private static String flags(boolean unsigned, boolean zerofill) {
        return (unsigned ? ".UNSIGNED" : "") + (zerofill ? ".ZEROFILL" : "");
    }

    private static int positive(String what, int value) {
        if (value < 1) {
            throw new ValidationError(what + " must be at least 1, got " + value);
        }
        return value;
    }

    private static void checkDecimals(String type, int length, int decimals) {
        positive(type + " length", length);
        if (decimals < 0 || decimals > length) {
            throw new ValidationError(type + "(" + length + "," + decimals + "): the decimals must be between 0 and the"
                    + " length (" + length + ")");
        }
    }
}
