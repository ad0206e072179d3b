package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks a Java value against an attribute's type and brings it to the one Java type the rest of the
 * pipeline expects for that data type (see the table on {@link DataType}): {@code String} for the text
 * types and ENUM, {@code Integer}/{@code Long}/{@code BigInteger} for the integers (by size and
 * UNSIGNED), {@code Double} for FLOAT/REAL/DOUBLE, {@code BigDecimal} for DECIMAL, {@code Boolean},
 * {@code Instant} (milliseconds, as Sequelize keeps them) for DATE, {@code LocalDate} for DATEONLY,
 * {@code LocalTime} for TIME, {@code UUID}, JSON as maps/lists/strings/numbers/booleans, a {@code List}
 * for ARRAY, {@code byte[]} for BLOB. A value that does not fit is a {@link ValidationError} naming the
 * attribute and what it takes; an ENUM value outside its list names the list.
 */
public final class ValueChecker {
    private ValueChecker() {}

    /**
     * The value in its canonical Java type; {@code null} stays {@code null} (whether null is allowed is
     * the caller's question).
     */
    public static Object check(String model, Attribute attribute, Object value) {
        return checkValue(model, attribute.name(), attribute.type(), value);
    }

    /**
     * The value in the canonical Java type of {@code type}; {@code subject} names it in the error
     * ({@code "user.age"}, {@code "user.age (defaultValue)"}).
     */
    public static Object checkValue(String subject, DataType type, Object value) {
        return checkValue(subject, null, type, value);
    }

    /**
     * {@link #checkValue(String, DataType, Object)} naming the value {@code owner.name} ({@code owner} alone
     * when the name is null): the name is put together only for an error or an array's elements, as most
     * values are checked on every finder call and fit.
     */
    private static Object checkValue(String owner, String name, DataType type, Object value) {
        if (value == null) {
            return null;
        }
        if (type instanceof DataType.EnumType e && value instanceof String s && !e.values().contains(s)) {
            throw new ValidationError(subject(owner, name) + " is " + DataTypes.describe(type) + " and cannot take '" + s
                    + "'; allowed values: " + e.values().map(v -> "'" + v + "'").mkString(", "));
        }
        Object checked = canonical(type instanceof DataType.ArrayType ? subject(owner, name) : owner, type, value);
        if (checked == null) {
            throw new ValidationError(subject(owner, name) + " is " + DataTypes.describe(type) + " and cannot take "
                    + WhereObject.describe(value) + "; allowed: " + allowed(type));
        }
        return checked;
    }

    private static String subject(String owner, String name) {
        return name == null ? owner : owner + "." + name;
    }

    /** The canonical value, or null when the value does not fit the type. */
    private static Object canonical(String subject, DataType type, Object value) {
        return switch (type) {
            case DataType.StringType s -> text(value);
            case DataType.CharType c -> text(value);
            case DataType.TextType t -> text(value);
            case DataType.CitextType c -> text(value);
            case DataType.EnumType e -> text(value);
            case DataType.IntegralType i -> integer(i, value);
            case DataType.FloatingType f -> floating(value);
            case DataType.DecimalType d -> decimal(value);
            case DataType.BooleanType b -> value instanceof Boolean ? value : null;
            case DataType.DateType d -> instant(value);
            case DataType.DateOnlyType d -> value instanceof LocalDate ? value : null;
            case DataType.TimeType t -> value instanceof LocalTime time ? time.truncatedTo(ChronoUnit.MILLIS) : null;
            case DataType.UuidType u -> value instanceof UUID ? value : null;
            case DataType.JsonType j -> json(value);
            case DataType.JsonbType j -> json(value);
            case DataType.ArrayType a -> array(subject, a, value);
            case DataType.BlobType b -> value instanceof byte[] bytes ? bytes.clone() : null;
            case DataType.VirtualType v -> value;
        };
    }

    private static String allowed(DataType type) {
        return switch (type) {
            case DataType.StringType s -> "String";
            case DataType.CharType c -> "String";
            case DataType.TextType t -> "String";
            case DataType.CitextType c -> "String";
            case DataType.EnumType e -> "one of the strings " + e.values().map(v -> "'" + v + "'").mkString(", ");
            case DataType.IntegralType i -> integralAllowed(i);
            case DataType.FloatingType f -> "a finite Double, Float or whole number";
            case DataType.DecimalType d -> "BigDecimal, a whole number, or a finite Double";
            case DataType.BooleanType b -> "Boolean";
            case DataType.DateType d -> "Instant, OffsetDateTime, ZonedDateTime, java.util.Date";
            case DataType.DateOnlyType d -> "LocalDate";
            case DataType.TimeType t -> "LocalTime";
            case DataType.UuidType u -> "java.util.UUID";
            case DataType.JsonType j -> "Map (string keys), List, String, Number, Boolean or null, nested";
            case DataType.JsonbType j -> "Map (string keys), List, String, Number, Boolean or null, nested";
            case DataType.ArrayType a -> "a List (or Collection, or array) of " + DataTypes.describe(a.element()) + " values";
            case DataType.BlobType b -> "byte[]";
            case DataType.VirtualType v -> "anything";
        };
    }

    private static String integralAllowed(DataType.IntegralType type) {
        if (!type.unsigned() && type instanceof DataType.IntegerType) {
            return "Integer, Short, Byte, or a Long/BigInteger within 32 bits";
        }
        if (!type.unsigned() && type instanceof DataType.BigIntType) {
            return "Long, Integer, Short, Byte, or a BigInteger within 64 bits";
        }
        return "a whole number (Integer, Long, Short, Byte, BigInteger) from " + minimum(type) + " to " + maximum(type);
    }

    private static String text(Object value) {
        return value instanceof CharSequence text ? text.toString() : null;
    }

    // ---- integers --------------------------------------------------------------------------------

    private static BigInteger minimum(DataType.IntegralType type) {
        return type.unsigned() ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(type.bits() - 1).negate();
    }

    private static BigInteger maximum(DataType.IntegralType type) {
        return type.unsigned()
                ? BigInteger.ONE.shiftLeft(type.bits()).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(type.bits() - 1).subtract(BigInteger.ONE);
    }

    /**
     * Integer for up to 32 signed bits, Long up to 64 (BIGINT, INTEGER.UNSIGNED), BigInteger for
     * BIGINT.UNSIGNED; null when not a whole number in range.
     */
    private static Object integer(DataType.IntegralType type, Object value) {
        int bits = type.bits();
        if ((value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte)
                && !(type.unsigned() && bits == 64)) {
            // Every bound fits a long here: checked without BigIntegers, as this runs for every value of every call.
            long v = ((Number) value).longValue();
            long min = type.unsigned() ? 0 : -(1L << (bits - 1));
            long max = type.unsigned() ? (1L << bits) - 1 : (1L << (bits - 1)) - 1;
            if (v < min || v > max) {
                return null;
            }
            if (bits + (type.unsigned() ? 1 : 0) <= 32) {
                return value instanceof Integer ? value : (Object) Integer.valueOf((int) v);
            }
            return value instanceof Long ? value : (Object) Long.valueOf(v);
        }
        BigInteger v = switch (value) {
            case Integer i -> BigInteger.valueOf(i);
            case Long l -> BigInteger.valueOf(l);
            case Short s -> BigInteger.valueOf(s);
            case Byte b -> BigInteger.valueOf(b);
            case BigInteger big -> big;
            default -> null;
        };
        if (v == null || v.compareTo(minimum(type)) < 0 || v.compareTo(maximum(type)) > 0) {
            return null;
        }
        int width = type.bits() + (type.unsigned() ? 1 : 0);
        if (width <= 32) {
            return v.intValue();
        }
        return width <= 64 ? (Object) v.longValue() : v;
    }

    // ---- other numbers ---------------------------------------------------------------------------

    private static Double floating(Object value) {
        double d = switch (value) {
            case Double x -> x;
            case Float x -> x;
            case Integer x -> x;
            case Long x -> x;
            case Short x -> x;
            case Byte x -> x;
            default -> Double.NaN;
        };
        return Double.isFinite(d) ? d : null;
    }

    private static BigDecimal decimal(Object value) {
        return switch (value) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            // The shortest decimal that reads back as the same double: 0.1 → 0.1, not 0.1000000000000000055...
            case Double d when Double.isFinite(d) -> BigDecimal.valueOf(d);
            case Float f when Float.isFinite(f) -> new BigDecimal(Float.toString(f));
            default -> null;
        };
    }

    // ---- dates -----------------------------------------------------------------------------------

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

    // ---- JSON and arrays -------------------------------------------------------------------------

    /** The JSON value, copied into unmodifiable maps and lists; null when something in it is not JSON. */
    private static Object json(Object value) {
        return switch (value) {
            case String s -> s;
            case Boolean b -> b;
            case Integer i -> i;
            case Long l -> l;
            case Short s -> s;
            case Byte b -> b;
            case BigInteger i -> i;
            case BigDecimal d -> d;
            case Double d when Double.isFinite(d) -> d;
            case Float f when Float.isFinite(f) -> f;
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) {
                        yield null;
                    }
                    Object item = entry.getValue() == null ? JsonNull.NULL : json(entry.getValue());
                    if (item == null) {
                        yield null;
                    }
                    copy.put(key, item == JsonNull.NULL ? null : item);
                }
                yield Collections.unmodifiableMap(copy);
            }
            case Collection<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                for (Object element : list) {
                    Object item = element == null ? JsonNull.NULL : json(element);
                    if (item == null) {
                        yield null;
                    }
                    copy.add(item == JsonNull.NULL ? null : item);
                }
                yield Collections.unmodifiableList(copy);
            }
            default -> null;
        };
    }

    /** Marks a JSON null inside a map or list while copying, apart from "does not fit" (null). */
    private enum JsonNull { NULL }

    /** The elements, each checked against the element type; null elements stay null. */
    private static List<Object> array(String subject, DataType.ArrayType type, Object value) {
        Collection<?> elements = switch (value) {
            case Collection<?> c -> c;
            case Object[] a -> java.util.Arrays.asList(a);
            default -> null;
        };
        if (elements == null) {
            return null;
        }
        List<Object> checked = new ArrayList<>(elements.size());
        int i = 0;
        for (Object element : elements) {
            checked.add(checkValue(subject + "[" + i++ + "]", type.element(), element));
        }
        return Collections.unmodifiableList(checked);
    }
}
