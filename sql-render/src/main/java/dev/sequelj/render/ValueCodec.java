package dev.sequelj.render;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Conversions between the Java types of attributes and the plain values databases hand back, shared
 * by every dialect. Values read from a database arrive as an executor reads them (numbers, strings,
 * {@code OffsetDateTime}, {@code LocalDateTime}, ...), never as JDBC classes.
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

    private ValueCodec() {}

    /** Formats an instant the way Sequelize writes dates as text: UTC, milliseconds, {@code +00:00}. */
    public static String formatSequelizeDate(Instant instant) {
        return SEQUELIZE_DATE_WRITE.format(instant);
    }

    /** Sequelize's DATE text at an offset, its {@code timezone} option: {@code 2024-01-15 12:30:45.123 +02:00}. */
    public static String formatSequelizeDate(Instant instant, ZoneOffset offset) {
        return SEQUELIZE_DATE_WRITE.withZone(offset).format(instant);
    }

    /** Reads a database value as the Java type of {@code type}; null stays null. */
    public static Object read(DataType type, Object value) {
        if (value == null) {
            return null;
        }
        Object read = switch (type) {
            case DataType.StringType s -> value.toString();
            case DataType.TextType t -> value.toString();
            case DataType.IntegerType i -> value instanceof Number n ? (Object) n.intValue() : null;
            case DataType.BigIntType b -> value instanceof Number n ? (Object) n.longValue() : null;
            case DataType.BooleanType b -> switch (value) {
                case Boolean bool -> bool;
                case Number n -> n.intValue() != 0;
                default -> null;
            };
            case DataType.DateType d -> readDate(value);
            // JSON comes back as its text (a driver's JSON object prints as it); reading it into maps is for later.
            case DataType.JsonType j -> value.toString();
            case DataType.JsonbType j -> value.toString();
        };
        if (read == null) {
            throw new SequeljError("cannot read " + value.getClass().getSimpleName() + " '" + value + "' as "
                    + DataTypes.describe(type));
        }
        return read;
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
        try {
            return OffsetDateTime.parse(text, SEQUELIZE_DATE).toInstant();
        } catch (DateTimeParseException notSequelizeForm) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }
}
