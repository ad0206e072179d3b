package dev.sequelj.render.literal;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * MySQL's and MariaDB's literals, for a server in its default SQL mode (backslash escapes on), as
 * Sequelize assumes.
 * <ul>
 *   <li>Strings: the characters Sequelize's {@code escape} escapes are written as it writes them:
 *       backslash {@code \\}, NUL {@code \0}, newline {@code \n}, carriage return {@code \r},
 *       backspace {@code \b}, tab {@code \t}, Ctrl-Z (0x1a) {@code \Z}. A double quote is left as it
 *       is (Sequelize writes {@code \"}): inside a single-quoted literal it ends nothing, in any SQL mode,
 *       and unescaped it reads back right even under {@code NO_BACKSLASH_ESCAPES}. The
 *       single quote is doubled ({@code ''}) where Sequelize writes {@code \'}: both read as one quote
 *       by default, but under {@code NO_BACKSLASH_ESCAPES} {@code \'} would end the literal, while
 *       {@code ''} still cannot. (Under that mode the other escapes change the value, not the
 *       statement.)</li>
 *   <li>Dates: the UTC wall-clock time without an offset, {@code '2024-01-15 10:30:45'}, for a
 *       session at time zone {@code +00:00}, as Sequelize's and Sequelj's are.</li>
 *   <li>Booleans {@code true}/{@code false}; byte strings {@code X'0aff'}.</li>
 * </ul>
 */
public final class MySqlLiteralWriter extends LiteralWriter {
    /** @param dialect {@code mysql} or {@code mariadb}, for error messages */
    public MySqlLiteralWriter(String dialect) {
        super(dialect);
    }

    @Override
    protected void writeString(StringBuilder out, String value) {
        out.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> out.append("''");
                case '\\' -> out.append("\\\\");
                case '\0' -> out.append("\\0");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\u001a' -> out.append("\\Z");
                default -> out.append(c);
            }
        }
        out.append('\'');
    }

    @Override
    protected void timestamp(StringBuilder out, OffsetDateTime value) {
        dateTime(out, LocalDateTime.ofInstant(value.toInstant(), ZoneOffset.UTC));
    }
}
