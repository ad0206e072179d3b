package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * Checks a Java value against an attribute's type and brings it to the one Java type the rest of the
 * pipeline expects for that data type: {@code String} for STRING/TEXT, {@code Integer} for INTEGER,
 * {@code Long} for BIGINT, {@code Boolean} for BOOLEAN, {@code Instant} (milliseconds, as Sequelize
 * keeps them) for DATE. A value that does not fit is a {@link ValidationError} naming the attribute.
 */
public final class ValueChecker {
    private ValueChecker() {}

    /**
     * The value in its canonical Java type; {@code null} stays {@code null} (whether null is allowed is
     * the caller's question).
     */
    public static Object check(String model, Attribute attribute, Object value) {
        if (value == null) {
            return null;
        }
        DataType type = attribute.type();
        Object checked = switch (type) {
            case DataType.StringType s -> value instanceof CharSequence text ? text.toString() : null;
            case DataType.TextType t -> value instanceof CharSequence text ? text.toString() : null;
            case DataType.IntegerType i -> integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE) instanceof Long l ? (Object) l.intValue() : null;
            case DataType.BigIntType b -> integral(value, Long.MIN_VALUE, Long.MAX_VALUE);
            case DataType.BooleanType b -> value instanceof Boolean ? value : null;
            case DataType.DateType d -> instant(value);
            case DataType.JsonType j -> isJson(value) ? value : null;
            case DataType.JsonbType j -> isJson(value) ? value : null;
        };
        if (checked == null) {
            throw new ValidationError(model + "." + attribute.name() + " is " + DataTypes.describe(type)
                    + " and cannot take " + WhereObject.describe(value) + "; allowed: " + allowed(type));
        }
        return checked;
    }

    private static String allowed(DataType type) {
        return switch (type) {
            case DataType.StringType s -> "String";
            case DataType.TextType t -> "String";
            case DataType.IntegerType i -> "Integer, Short, Byte, or a Long/BigInteger within 32 bits";
            case DataType.BigIntType b -> "Long, Integer, Short, Byte, or a BigInteger within 64 bits";
            case DataType.BooleanType b -> "Boolean";
            case DataType.DateType d -> "Instant, OffsetDateTime, ZonedDateTime, java.util.Date";
            case DataType.JsonType j -> JSON_VALUES;
            case DataType.JsonbType j -> JSON_VALUES;
        };
    }

    private static final String JSON_VALUES = "a Map with String keys, a List, a String, a finite Number, a Boolean,"
            + " or null, nested as JSON nests them";

    /** Whether the value is a JSON document: maps with string keys, lists, strings, finite numbers, booleans, nulls. */
    private static boolean isJson(Object value) {
        return switch (value) {
            case null -> true;
            case CharSequence text -> true;
            case Boolean bool -> true;
            case Double d -> Double.isFinite(d);
            case Float f -> Float.isFinite(f);
            case Number number -> true;
            case java.util.Map<?, ?> map -> map.entrySet().stream()
                    .allMatch(e -> e.getKey() instanceof String && isJson(e.getValue()));
            case java.util.Collection<?> list -> list.stream().allMatch(ValueChecker::isJson);
            default -> false;
        };
    }

    /** The value as a Long if it is an integer within [min, max], else null. */
    private static Long integral(Object value, long min, long max) {
        long v;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            v = ((Number) value).longValue();
        } else if (value instanceof BigInteger big && big.bitLength() < 64) {
            v = big.longValue();
        } else {
            return null;
        }
        return v >= min && v <= max ? v : null;
    }

    private static Instant instant(Object value) {
        Instant instant = switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case ZonedDateTime z -> z.toInstant();
            case Date d -> d.toInstant();
            default -> null;
        };
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
