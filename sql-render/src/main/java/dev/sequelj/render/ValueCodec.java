package dev.sequelj.render;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Conversions between the Java types of attributes and the plain values databases hand back, shared
 * by every dialect. Values read from a database arrive as an executor reads them (numbers, strings,
 * {@code OffsetDateTime}, {@code LocalDateTime}, {@code LocalDate}, byte arrays, Java arrays for
 * PostgreSQL arrays, ...), never as JDBC classes; a driver's own object for a type it does not know
 * (PostgreSQL's json, citext or enum values) is read through its text.
 */
public final class ValueCodec {
    /** Sequelize's text form of a DATE, as stored on SQLite: {@code 2024-01-15 10:30:45.123 +00:00}. */
    public static final DateTimeFormatter SEQUELIZE_DATE = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MILLI_OF_SECOND, 0, 9, true).optionalEnd()
            .appendLiteral(' ')
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter();

    private static final DateTimeFormatter SEQUELIZE_DATE_WRITE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx").withZone(ZoneOffset.UTC);

    /** A time of day as Sequelize writes it: {@code 10:30:00}, with milliseconds only when there are some. */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MILLI_OF_SECOND, 0, 3, true).optionalEnd()
            .toFormatter();

    /** A wall-clock date-time without zone, as MySQL's DATETIME literals read: {@code 2024-01-15 10:30:45[.123]}. */
    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private ValueCodec() {}

    /** Formats an instant the way Sequelize writes dates as text: UTC, milliseconds, {@code +00:00}. */
    public static String formatSequelizeDate(Instant instant) {
        return formatSequelizeDate(instant, ZoneOffset.UTC);
    }

    /** Sequelize's DATE text at an offset, its {@code timezone} option: {@code 2024-01-15 12:30:45.123 +02:00}. */
    public static String formatSequelizeDate(Instant instant, ZoneOffset offset) {
        String text = SequelizeDateText.format(instant, offset);
        return text != null ? text : SEQUELIZE_DATE_WRITE.withZone(offset).format(instant);
    }

    /** {@code 10:30:00} or {@code 10:30:00.5}: a TIME as text. */
    public static String formatTime(LocalTime time) {
        return TIME.format(time);
    }

    /** {@code 2024-01-15 10:30:45} or {@code 2024-01-15 10:30:45.123}: a zone-less DATETIME as text. */
    public static String formatLocalDateTime(LocalDateTime dateTime) {
        return LOCAL_DATE_TIME.format(dateTime);
    }

    /** Reads a database value as the Java type of {@code type}; null stays null. */
    public static Object read(DataType type, Object value) {
        if (value == null) {
            return null;
        }
        Object read = switch (type) {
            case DataType.StringType s -> text(value);
            case DataType.CharType c -> text(value);
            case DataType.TextType t -> text(value);
            case DataType.CitextType c -> text(value);
            case DataType.EnumType e -> text(value);
            case DataType.IntegralType i -> readInteger(i, value);
            case DataType.FloatingType f -> value instanceof Number n ? (Object) n.doubleValue() : parseDouble(value);
            case DataType.DecimalType d -> withScale(d, readDecimal(value));
            case DataType.BooleanType b -> switch (value) {
                case Boolean bool -> bool;
                case Number n -> n.intValue() != 0;
                case String s when s.equals("1") || s.equals("t") || s.equalsIgnoreCase("true") -> true;
                case String s when s.equals("0") || s.equals("f") || s.equalsIgnoreCase("false") -> false;
                default -> null;
            };
            case DataType.DateType d -> readDate(value);
            case DataType.DateOnlyType d -> readDateOnly(value);
            case DataType.TimeType t -> readTime(value);
            case DataType.UuidType u -> readUuid(value);
            case DataType.JsonType j -> JsonText.parse(value.toString());
            case DataType.JsonbType j -> JsonText.parse(value.toString());
            case DataType.ArrayType a -> readArray(a, value);
            case DataType.BlobType b -> value instanceof byte[] bytes ? bytes : null;
            case DataType.VirtualType v -> value;
        };
        if (read == null) {
            throw new SequeljError("cannot read " + value.getClass().getSimpleName() + " '" + value + "' as "
                    + DataTypes.describe(type));
        }
        return read;
    }

    /** Text, including a binary string read as bytes (PostgreSQL's BYTEA for STRING.BINARY). */
    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }

    private static Object readInteger(DataType.IntegralType type, Object value) {
        // Most values come as the Integer or Long the attribute holds; no BigInteger for those (a hot path).
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long whole = ((Number) value).longValue();
            int width = integerWidth(type);
            if (width <= 32) {
                return value instanceof Integer same ? same : (Object) (int) whole;
            }
            return width <= 64 ? (Object) whole : BigInteger.valueOf(whole);
        }
        BigInteger whole = switch (value) {
            case BigInteger b -> b;
            case BigDecimal d -> d.toBigIntegerExact();
            case Number n -> BigInteger.valueOf(n.longValue());
            case Boolean b -> b ? BigInteger.ONE : BigInteger.ZERO; // MySQL's TINYINT(1) as Connector/J reads it
            case String s -> parseInteger(s);
            default -> null;
        };
        if (whole == null) {
            return null;
        }
        int width = integerWidth(type);
        if (width <= 32) {
            return whole.intValue();
        }
        return width <= 64 ? (Object) whole.longValue() : whole;
    }

    /** The Java type the attribute holds (ValueChecker): Integer up to 32 signed bits, Long up to 64, BigInteger beyond. */
    private static int integerWidth(DataType.IntegralType type) {
        return type.bits() + (type.unsigned() ? 1 : 0);
    }

    private static BigInteger parseInteger(String text) {
        try {
            return new BigInteger(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Object parseDouble(Object value) {
        try {
            return value instanceof String s ? Double.parseDouble(s) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A DECIMAL with a scale holds exactly that many decimals, whatever the driver hands back (SQLite's REAL
     * {@code -1.0E-4} for {@code -0.0001}) or was sent ({@code 1.5} into DECIMAL(12,4) is stored as
     * {@code 1.5000}); rounded half up, as the databases round a value with more decimals.
     */
    private static BigDecimal withScale(DataType.DecimalType type, BigDecimal value) {
        return value == null || type.scale().isEmpty() ? value : value.setScale(type.scale().get(), RoundingMode.HALF_UP);
    }

    private static BigDecimal readDecimal(Object value) {
        return switch (value) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Double d -> BigDecimal.valueOf(d);
            case Float f -> new BigDecimal(Float.toString(f));
            case Number n -> BigDecimal.valueOf(n.longValue());
            case String s -> {
                try {
                    yield new BigDecimal(s.trim());
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
            default -> null;
        };
    }

    private static Instant readDate(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            // A DATETIME without zone holds UTC, as Sequelize writes it with its default timezone '+00:00'.
            case LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
            case String s -> parseDate(s);
            case Number n -> Instant.ofEpochMilli(n.longValue());
            default -> null;
        };
    }

    private static Instant parseDate(String text) {
        Instant sequelizeForm = SequelizeDateText.parse(text);
        if (sequelizeForm != null) {
            return sequelizeForm;
        }
        try {
            return OffsetDateTime.parse(text, SEQUELIZE_DATE).toInstant();
        } catch (DateTimeParseException notSequelizeForm) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notIso) {
                try {
                    // MySQL's DATETIME text, which holds UTC as Sequelize writes it.
                    return LocalDateTime.parse(text, LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDateTime) {
                    return null;
                }
            }
        }
    }

    private static LocalDate readDateOnly(Object value) {
        return switch (value) {
            case LocalDate d -> d;
            case LocalDateTime dt -> dt.toLocalDate();
            case String s -> {
                try {
                    yield LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
                } catch (DateTimeParseException e) {
                    yield null;
                }
            }
            default -> null;
        };
    }

    private static LocalTime readTime(Object value) {
        return switch (value) {
            case LocalTime t -> t.truncatedTo(ChronoUnit.MILLIS);
            case String s -> {
                try {
                    yield LocalTime.parse(s).truncatedTo(ChronoUnit.MILLIS);
                } catch (DateTimeParseException e) {
                    yield null;
                }
            }
            default -> null;
        };
    }

    private static UUID readUuid(Object value) {
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.US_ASCII) : value.toString();
        try {
            return value instanceof UUID uuid ? uuid : UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A date-time without offset in MySQL's text form ({@code 2024-01-15 10:30:45[.123]}), as a MySQL
     * dialect binds a DATE with fractional seconds; null for any other text.
     */
    public static LocalDateTime parseWallClock(String text) {
        // Looked at before parsing: this runs for every DATE text read (SQLite's carry an offset and are not
        // wall clocks), and a failed parse throws, which costs far more than the row it is reading.
        if (text.length() < 19 || text.length() > 29 || text.charAt(10) != ' ') {
            return null;
        }
        for (int i = 19; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' && i == 19)) {
                return null;
            }
        }
        try {
            return LocalDateTime.parse(text, LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A PostgreSQL array as the executor read it (a Java array), or its text form {@code {1,2}}. */
    private static List<Object> readArray(DataType.ArrayType type, Object value) {
        Object[] elements = switch (value) {
            case Object[] array -> array;
            case List<?> list -> list.toArray();
            case String text -> PostgresArrays.parse(text).toArray();
            default -> null;
        };
        if (elements == null) {
            return null;
        }
        List<Object> read = new ArrayList<>(elements.length);
        for (Object element : elements) {
            read.add(read(type.element(), element));
        }
        return Collections.unmodifiableList(read);
    }
}
