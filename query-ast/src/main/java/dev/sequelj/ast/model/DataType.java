package dev.sequelj.ast.model;

import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * The type of an attribute, as Sequelize's {@code DataTypes} names it. Plain data: what each type is
 * called in a given database is decided by that database's {@code Dialect} (a table per dialect), and
 * which Java values an attribute accepts by {@link dev.sequelj.ast.finder.ValueChecker}. Build them
 * with {@link DataTypes}, spelled as in Sequelize: {@code DataTypes.STRING(100)},
 * {@code DataTypes.DECIMAL(10, 2)}, {@code DataTypes.ENUM("a", "b")}.
 *
 * <p>The Java value of each type (what {@code create} takes, what instances hold):
 * <table>
 *   <caption>Java values</caption>
 *   <tr><td>STRING, CHAR, TEXT, CITEXT, ENUM</td><td>{@link String}</td></tr>
 *   <tr><td>TINYINT, SMALLINT, MEDIUMINT, INTEGER</td><td>{@link Integer} ({@link Long} for INTEGER.UNSIGNED)</td></tr>
 *   <tr><td>BIGINT</td><td>{@link Long} ({@link java.math.BigInteger} for BIGINT.UNSIGNED)</td></tr>
 *   <tr><td>FLOAT, REAL, DOUBLE</td><td>{@link Double}</td></tr>
 *   <tr><td>DECIMAL</td><td>{@link java.math.BigDecimal}</td></tr>
 *   <tr><td>BOOLEAN</td><td>{@link Boolean}</td></tr>
 *   <tr><td>DATE, DATEONLY, TIME</td><td>{@link java.time.Instant}, {@link java.time.LocalDate}, {@link java.time.LocalTime}</td></tr>
 *   <tr><td>UUID</td><td>{@link java.util.UUID}</td></tr>
 *   <tr><td>JSON, JSONB</td><td>{@link java.util.Map}, {@link java.util.List}, String, Number, Boolean</td></tr>
 *   <tr><td>ARRAY(type)</td><td>{@link java.util.List} of the element type's values</td></tr>
 *   <tr><td>BLOB</td><td>{@code byte[]}</td></tr>
 * </table>
 */
public sealed interface DataType {

    // ---- text --------------------------------------------------------------------------------

    /** {@code DataTypes.STRING(length)}: {@code VARCHAR(length)}; {@code .BINARY()} for a binary string. */
    record StringType(int length, boolean binary) implements DataType {
        public StringType(int length) {
            this(length, false);
        }

        /** Sequelize's {@code STRING.BINARY}. */
        public StringType BINARY() {
            return new StringType(length, true);
        }
    }

    /** {@code DataTypes.CHAR(length)}: fixed-length {@code CHAR(length)}; {@code .BINARY()} as for STRING. */
    record CharType(int length, boolean binary) implements DataType {
        public CharType BINARY() {
            return new CharType(length, true);
        }
    }

    /** {@code DataTypes.TEXT}, or {@code TEXT('tiny' | 'medium' | 'long')}: an unbounded string. */
    record TextType(TextSize size) implements DataType {
        public TextType() {
            this(TextSize.DEFAULT);
        }
    }

    /** The length option of TEXT and BLOB; only MySQL and MariaDB (and SQL Server's TINY) tell them apart. */
    enum TextSize { DEFAULT, TINY, MEDIUM, LONG }

    /** {@code DataTypes.CITEXT}: case-insensitive text (PostgreSQL's citext extension; SQLite's NOCASE). */
    record CitextType() implements DataType {}

    // ---- numbers -----------------------------------------------------------------------------

    /**
     * The integer types. {@code length} is MySQL's display width ({@code INTEGER(11)}); {@code unsigned}
     * and {@code zerofill} are MySQL's flags, which other databases ignore as Sequelize does.
     */
    sealed interface IntegralType extends DataType {
        Option<Integer> length();

        boolean unsigned();

        boolean zerofill();

        /** Sequelize's {@code .UNSIGNED}: {@code DataTypes.INTEGER.UNSIGNED()}. */
        default IntegralType UNSIGNED() {
            return DataTypes.withFlags(this, true, zerofill());
        }

        /** Sequelize's {@code .ZEROFILL}. */
        default IntegralType ZEROFILL() {
            return DataTypes.withFlags(this, unsigned(), true);
        }

        /** Bits of the type as MySQL defines them (TINYINT 8 ... BIGINT 64); other databases enforce their own. */
        default int bits() {
            return switch (this) {
                case TinyIntType t -> 8;
                case SmallIntType t -> 16;
                case MediumIntType t -> 24;
                case IntegerType t -> 32;
                case BigIntType t -> 64;
            };
        }
    }

    /** {@code DataTypes.TINYINT}: 8 bits. */
    record TinyIntType(Option<Integer> length, boolean unsigned, boolean zerofill) implements IntegralType {}

    /** {@code DataTypes.SMALLINT}: 16 bits. */
    record SmallIntType(Option<Integer> length, boolean unsigned, boolean zerofill) implements IntegralType {}

    /** {@code DataTypes.MEDIUMINT}: 24 bits (MySQL's). */
    record MediumIntType(Option<Integer> length, boolean unsigned, boolean zerofill) implements IntegralType {}

    /** {@code DataTypes.INTEGER}: 32 bits, read and written as {@link Integer}. */
    record IntegerType(Option<Integer> length, boolean unsigned, boolean zerofill) implements IntegralType {
        public IntegerType() {
            this(Option.none(), false, false);
        }
    }

    /** {@code DataTypes.BIGINT}: 64 bits, read and written as {@link Long}. */
    record BigIntType(Option<Integer> length, boolean unsigned, boolean zerofill) implements IntegralType {
        public BigIntType() {
            this(Option.none(), false, false);
        }
    }

    /**
     * The floating-point types: {@code FLOAT}, {@code REAL}, {@code DOUBLE}, with MySQL's optional
     * {@code (length, decimals)} and flags.
     */
    sealed interface FloatingType extends DataType {
        Option<Integer> length();

        Option<Integer> decimals();

        boolean unsigned();

        boolean zerofill();

        /** Sequelize's {@code .UNSIGNED}: {@code DataTypes.FLOAT.UNSIGNED()}. */
        default FloatingType UNSIGNED() {
            return DataTypes.withFlags(this, true, zerofill());
        }

        /** Sequelize's {@code .ZEROFILL}. */
        default FloatingType ZEROFILL() {
            return DataTypes.withFlags(this, unsigned(), true);
        }
    }

    /** {@code DataTypes.FLOAT}. */
    record FloatType(Option<Integer> length, Option<Integer> decimals, boolean unsigned, boolean zerofill)
            implements FloatingType {}

    /** {@code DataTypes.REAL}. */
    record RealType(Option<Integer> length, Option<Integer> decimals, boolean unsigned, boolean zerofill)
            implements FloatingType {}

    /** {@code DataTypes.DOUBLE}: {@code DOUBLE PRECISION}. */
    record DoubleType(Option<Integer> length, Option<Integer> decimals, boolean unsigned, boolean zerofill)
            implements FloatingType {}

    /** {@code DataTypes.DECIMAL(precision, scale)}: exact numbers, read and written as {@link java.math.BigDecimal}. */
    record DecimalType(Option<Integer> precision, Option<Integer> scale, boolean unsigned, boolean zerofill)
            implements DataType {
        /** Sequelize's {@code .UNSIGNED}. */
        public DecimalType UNSIGNED() {
            return new DecimalType(precision, scale, true, zerofill);
        }

        /** Sequelize's {@code .ZEROFILL}. */
        public DecimalType ZEROFILL() {
            return new DecimalType(precision, scale, unsigned, true);
        }
    }

    // ---- other scalars -----------------------------------------------------------------------

    /** {@code DataTypes.BOOLEAN}. */
    record BooleanType() implements DataType {}

    /**
     * {@code DataTypes.DATE}, or {@code DATE(precision)}: an instant, read and written as
     * {@link java.time.Instant} with millisecond precision. The precision (fractional digits of
     * seconds) shows only in MySQL's and MariaDB's {@code DATETIME(precision)}.
     */
    record DateType(Option<Integer> precision) implements DataType {
        public DateType() {
            this(Option.none());
        }
    }

    /** {@code DataTypes.DATEONLY}: a date without time, {@link java.time.LocalDate}. */
    record DateOnlyType() implements DataType {}

    /** {@code DataTypes.TIME}: a time of day, {@link java.time.LocalTime}. */
    record TimeType() implements DataType {}

    /** {@code DataTypes.UUID}: {@link java.util.UUID}. */
    record UuidType() implements DataType {}

    /** {@code DataTypes.JSON}. */
    record JsonType() implements DataType {}

    /** {@code DataTypes.JSONB} (PostgreSQL). */
    record JsonbType() implements DataType {}

    /** {@code DataTypes.ENUM(values...)}: one of a fixed list of strings. */
    record EnumType(Seq<String> values) implements DataType {}

    /** {@code DataTypes.ARRAY(element)} (PostgreSQL). */
    record ArrayType(DataType element) implements DataType {}

    /** {@code DataTypes.BLOB}, or {@code BLOB('tiny' | 'medium' | 'long')}: bytes. */
    record BlobType(TextSize size) implements DataType {}

    /** {@code DataTypes.VIRTUAL}: an attribute with no column, never sent to the database. */
    record VirtualType() implements DataType {}
}
