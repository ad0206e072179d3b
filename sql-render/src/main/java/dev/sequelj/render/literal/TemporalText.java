package dev.sequelj.render.literal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The text Sequelize writes for dates and times, shared by the inline literals and by anything that
 * shows bound values as text ({@code sequelj render --json}).
 *
 * <pre>{@code
 * TemporalText.timestamp(OffsetDateTime.parse("2024-01-15T10:30:45.123Z"));   // 2024-01-15 10:30:45.123 +00:00
 * TemporalText.dateTime(LocalDateTime.parse("2024-01-15T10:30:45"));          // 2024-01-15 10:30:45
 * }</pre>
 *
 * <p>Fractions are never dropped: a value finer than the form's usual precision gets as many digits
 * as it needs ({@code 10:30:45.123456}), so the text always stands for exactly the value.
 */
public final class TemporalText {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    private TemporalText() {}

    /** Sequelize's DATE text: {@code 2024-01-15 10:30:45.123 +00:00}, always with milliseconds and the value's offset. */
    public static String timestamp(OffsetDateTime value) {
        StringBuilder out = new StringBuilder(30);
        out.append(DATE.format(value)).append(' ').append(TIME.format(value));
        fraction(out, value.getNano(), true);
        return out.append(' ').append(OFFSET.format(value)).toString();
    }

    /** A wall-clock date and time, as Sequelize's mysql DATE: {@code 2024-01-15 10:30:45}, a fraction only when there is one. */
    public static String dateTime(LocalDateTime value) {
        StringBuilder out = new StringBuilder(26);
        out.append(DATE.format(value)).append(' ').append(TIME.format(value));
        fraction(out, value.getNano(), false);
        return out.toString();
    }

    /** DATEONLY: {@code 2024-01-15}. */
    public static String date(LocalDate value) {
        return DATE.format(value);
    }

    /** TIME: {@code 10:30:45}, a fraction only when there is one. */
    public static String time(LocalTime value) {
        StringBuilder out = new StringBuilder(18).append(TIME.format(value));
        fraction(out, value.getNano(), false);
        return out.toString();
    }

    /** {@code .123}, {@code .123456} or {@code .123456789}: the fewest groups of three digits that hold the value. */
    private static void fraction(StringBuilder out, int nanos, boolean alwaysMillis) {
        if (nanos == 0 && !alwaysMillis) {
            return;
        }
        String digits = String.format("%09d", nanos);
        int length = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        out.append('.').append(digits, 0, length);
    }
}
