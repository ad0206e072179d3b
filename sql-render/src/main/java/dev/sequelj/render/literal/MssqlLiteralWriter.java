package dev.sequelj.render.literal;

import java.util.HexFormat;

/**
 * SQL Server's literals: Unicode strings {@code N'it''s'} (dates too, as Sequelize writes them:
 * {@code N'2024-01-15 10:30:45.123 +00:00'}), booleans {@code 1}/{@code 0}, byte strings
 * {@code 0x0aff}.
 *
 * <p>Two characters are written outside the quotes, as a concatenation
 * {@code (N'a' + NCHAR(0) + N'b')}: NUL, which has no place in batch text; and a line break right after
 * a backslash, because inside a string constant "a backslash followed by a newline" is a line
 * continuation that SQL Server removes (Transact-SQL reference, "Backslash (Line Continuation)"), so
 * {@code 'C:\<newline>'} would lose both characters. Sequelize writes both raw.
 */
public final class MssqlLiteralWriter extends LiteralWriter {
    public MssqlLiteralWriter() {
        super("mssql");
    }

    @Override
    protected void writeString(StringBuilder out, String value) {
        if (needsSplicing(value)) {
            splicing(out, value, i -> spliced(value, i), "N'", " + ", "NCHAR(%d)");
        } else {
            quoteDoubling(out, "N'", value);
        }
    }

    private static boolean needsSplicing(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (spliced(value, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean spliced(String value, int i) {
        char c = value.charAt(i);
        return c == '\0' || (c == '\n' || c == '\r') && i > 0 && value.charAt(i - 1) == '\\';
    }

    @Override
    protected void bool(StringBuilder out, boolean value) {
        out.append(value ? '1' : '0');
    }

    @Override
    protected void bytes(StringBuilder out, byte[] value) {
        out.append("0x").append(HexFormat.of().formatHex(value));
    }
}
