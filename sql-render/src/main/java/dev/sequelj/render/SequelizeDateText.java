package dev.sequelj.render;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Sequelize's text form of a DATE as SQLite stores it, {@code 2024-01-15 10:30:45.123 +00:00}, written
 * and read by hand. Every SQLite row carries two of them ({@code createdAt}, {@code updatedAt}), and a
 * {@code DateTimeFormatter} spends about a microsecond on each: as long as a whole point lookup takes.
 * Only the exact form Sequelize writes is handled here; anything else answers null (read) or is left to
 * the formatter (write), so {@link ValueCodec} falls back to its formatters and nothing changes in what
 * is accepted or produced.
 */
final class SequelizeDateText {
    /** {@code yyyy-MM-dd HH:mm:ss.SSS +HH:MM}. */
    private static final int LENGTH = 30;

    private SequelizeDateText() {}

    /**
     * {@code instant} at {@code offset} as {@code yyyy-MM-dd HH:mm:ss.SSS +HH:MM}; null when the form cannot
     * hold it (a year outside 0001–9999, an offset with seconds), which the caller leaves to its formatter.
     */
    static String format(Instant instant, ZoneOffset offset) {
        int offsetSeconds = offset.getTotalSeconds();
        if (offsetSeconds % 60 != 0) {
            return null;
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), offset);
        int year = local.getYear();
        if (year < 1 || year > 9999) { // yyyy is the year of the era: year 0 would print as 0001
            return null;
        }
        char[] text = new char[LENGTH];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, local.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, local.getDayOfMonth(), 2);
        text[10] = ' ';
        digits(text, 11, local.getHour(), 2);
        text[13] = ':';
        digits(text, 14, local.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, local.getSecond(), 2);
        text[19] = '.';
        digits(text, 20, local.getNano() / 1_000_000, 3);
        text[23] = ' ';
        text[24] = offsetSeconds < 0 ? '-' : '+';
        int offsetMinutes = Math.abs(offsetSeconds) / 60;
        digits(text, 25, offsetMinutes / 60, 2);
        text[27] = ':';
        digits(text, 28, offsetMinutes % 60, 2);
        return new String(text);
    }

    /**
     * The instant {@code text} stands for when it is exactly {@code yyyy-MM-dd HH:mm:ss.SSS ±HH:MM} with a
     * valid date and time; null otherwise (another form, or an impossible date), for the caller's formatters.
     */
    static Instant parse(String text) {
        if (text.length() != LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != ' '
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(23) != ' '
                || text.charAt(27) != ':') {
            return null;
        }
        char sign = text.charAt(24);
        if (sign != '+' && sign != '-') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        int millis = number(text, 20, 3);
        int offsetHours = number(text, 25, 2);
        int offsetMinutes = number(text, 28, 2);
        if ((year | month | day | hour | minute | second | millis | offsetHours | offsetMinutes) < 0
                || hour > 23 || minute > 59 || second > 59 || offsetHours > 18 || offsetMinutes > 59) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException impossibleDate) {
            return null;
        }
        int offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (sign == '-' ? -1 : 1);
        if (Math.abs(offsetSeconds) > 18 * 3600) {
            return null;
        }
        long seconds = epochDay * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, millis * 1_000_000L);
    }

    /** The decimal number of {@code length} digits at {@code start}, or -1 when one is not a digit. */
    private static int number(String text, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static void digits(char[] text, int start, int value, int length) {
        for (int i = start + length - 1; i >= start; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
