package dev.sequelj.render.literal;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.error.ValidationError;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;

/**
 * Writes a value as a SQL literal of one dialect, for the inline output of offline scripts
 * ({@code SqlRenderer.inline}, {@code sequelj render --inline}). Each dialect has exactly one writer,
 * and every literal of that dialect goes through it, so the escaping rules of a database live in one
 * class. Values are bound, never inlined, when Sequelj executes.
 *
 * <pre>{@code
 * StringBuilder out = new StringBuilder();
 * Dialects.MYSQL.literals().write(out, "it's\n");   // 'it''s\n'  (the newline written as backslash-n)
 * Dialects.MSSQL.literals().write(out, true);       // 1
 * }</pre>
 *
 * <p>The rule every writer keeps: no value can end its literal early or add SQL around it. What a
 * database cannot hold (NUL in PostgreSQL text, an unpaired UTF-16 surrogate anywhere) is refused
 * with a typed error rather than changed.
 *
 * <p>The defaults here are standard SQL; a dialect's writer overrides what its database writes
 * otherwise. Values arrive in the form the dialect binds them in ({@code Dialect.toDatabaseValue}),
 * so a DATE is already an {@code OffsetDateTime} on PostgreSQL and Sequelize's text on SQLite.
 */
public abstract class LiteralWriter {
    private final String dialect;

    /** @param dialect the dialect's name, for error messages */
    protected LiteralWriter(String dialect) {
        this.dialect = dialect;
    }

    /**
     * Appends {@code value} as a literal: {@code NULL}, a number, a string, a boolean, a byte string, a
     * date or time, a UUID, or (PostgreSQL) an array.
     *
     * @throws UnsupportedFeatureError for a value this dialect has no literal for
     * @throws ValidationError         for a value no database can hold (an unpaired surrogate, NaN)
     */
    public final void write(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("NULL");
            case String text -> string(out, text);
            case Character c -> string(out, c.toString());
            case Boolean b -> bool(out, b);
            case Integer i -> out.append(i.intValue());
            case Long l -> out.append(l.longValue());
            case Short s -> out.append(s.shortValue());
            case Byte b -> out.append(b.byteValue());
            case BigInteger big -> out.append(big);
            case BigDecimal decimal -> out.append(decimal.toPlainString());
            case Double d -> approximate(out, d, Double.toString(d));
            case Float f -> approximate(out, f, Float.toString(f));
            case byte[] bytes -> bytes(out, bytes);
            case OffsetDateTime timestamp -> timestamp(out, timestamp);
            case ZonedDateTime zoned -> timestamp(out, zoned.toOffsetDateTime());
            case Instant instant -> timestamp(out, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            case LocalDateTime dateTime -> dateTime(out, dateTime);
            case LocalDate date -> string(out, TemporalText.date(date));
            case LocalTime time -> string(out, TemporalText.time(time));
            case UUID uuid -> string(out, uuid.toString());
            case List<?> list -> array(out, list);
            // Values are whatever a caller put in an AST; the ones above are all Sequelj's types bind.
            default -> throw unsupported("a " + value.getClass().getName());
        }
    }

    /**
     * Appends a string literal. The text must be well-formed UTF-16 (every surrogate paired): a lone
     * surrogate has no UTF-8 form, so no database would store what was written.
     */
    public final void string(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ValidationError("the string value " + preview(value) + " holds an unpaired UTF-16 surrogate (U+"
                        + HexFormat.of().withUpperCase().toHexDigits(c) + ") at index " + i
                        + ", which no database can store as text; pass well-formed Unicode");
            }
        }
        writeString(out, value);
    }

    /** The string, known to be well-formed, quoted and escaped. Standard SQL: {@code 'it''s'}. */
    protected void writeString(StringBuilder out, String value) {
        quoteDoubling(out, "'", value);
    }

    /** {@code true}/{@code false}; dialects without a boolean literal write {@code 1}/{@code 0}. */
    protected void bool(StringBuilder out, boolean value) {
        out.append(value);
    }

    /** A byte string in hex: standard {@code X'0aff'}. */
    protected void bytes(StringBuilder out, byte[] value) {
        out.append("X'").append(HexFormat.of().formatHex(value)).append('\'');
    }

    /** A point in time, as Sequelize writes a DATE: {@code '2024-01-15 10:30:45.123 +00:00'}. */
    protected void timestamp(StringBuilder out, OffsetDateTime value) {
        string(out, TemporalText.timestamp(value));
    }

    /** A wall-clock date and time: {@code '2024-01-15 10:30:45'}. */
    protected void dateTime(StringBuilder out, LocalDateTime value) {
        string(out, TemporalText.dateTime(value));
    }

    /** A list of values; only PostgreSQL has array literals, so by default a refusal. */
    protected void array(StringBuilder out, List<?> values) {
        throw unsupported("a list (an ARRAY value)");
    }

    /** The error for a value this dialect has no literal for, naming the dialect and the value. */
    protected final UnsupportedFeatureError unsupported(String what) {
        return new UnsupportedFeatureError(dialect + " has no inline literal for " + what
                + "; inline literals are written for strings, numbers, booleans, byte arrays, dates, times and UUIDs"
                + " (and arrays on postgres)");
    }

    /** The dialect's name, for messages. */
    protected final String dialect() {
        return dialect;
    }

    /** A finite float or double as Java writes it ({@code 1.5}, {@code 1.0E-5}), which every dialect reads as a number. */
    private static void approximate(StringBuilder out, double value, String text) {
        if (!Double.isFinite(value)) {
            throw new ValidationError("the number " + text + " has no SQL literal; pass a finite number");
        }
        out.append(text);
    }

    // ---- helpers for the dialects' writers -----------------------------------------------------

    /** {@code open value '}: the text between single quotes, every {@code '} doubled. */
    protected static void quoteDoubling(StringBuilder out, String open, String value) {
        out.append(open);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c);
            if (c == '\'') {
                out.append('\'');
            }
        }
        out.append('\'');
    }

    /**
     * Writes a string whose characters at some positions cannot stand inside a quoted literal as a
     * parenthesized concatenation: {@code ('ab' || char(0) || 'cd')}. Each piece between those
     * characters is written with {@code open} and doubled quotes; each such character through
     * {@code character}, e.g. {@code char(%d)}, given its code.
     *
     * @param spliced       whether the character at an index must be written outside the quotes
     * @param concatenation the operator between pieces, with its spaces: {@code " || "}
     */
    protected static void splicing(StringBuilder out, String value, IntPredicate spliced, String open,
                                   String concatenation, String character) {
        out.append('(');
        int start = 0;
        boolean first = true;
        for (int i = 0; i <= value.length(); i++) {
            boolean end = i == value.length();
            if (!end && !spliced.test(i)) {
                continue;
            }
            if (i > start) {
                out.append(first ? "" : concatenation);
                quoteDoubling(out, open, value.substring(start, i));
                first = false;
            }
            if (!end) {
                out.append(first ? "" : concatenation).append(String.format(character, (int) value.charAt(i)));
                first = false;
            }
            start = i + 1;
        }
        out.append(')');
    }

    /** The start of a value for messages: at most 40 characters, quoted. */
    protected static String preview(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "'" + shown.replace("\0", "\\0") + "'";
    }
}
