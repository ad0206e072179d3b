package dev.sequelj.render.literal;

import dev.sequelj.ast.error.UnsupportedFeatureError;

import java.util.HexFormat;
import java.util.List;

/**
 * PostgreSQL's literals.
 * <ul>
 *   <li>Strings: {@code 'it''s'}; a string holding a backslash is written as an escape string with the
 *       backslash doubled, {@code E'C:\\temp'}. A plain {@code '...'} is read the same way only while
 *       {@code standard_conforming_strings} is on: with it off, {@code 'a\'} followed by more text
 *       would let the value end the literal. {@code E'...'} means one thing under either setting.
 *       (Sequelize writes {@code 'C:\temp'}.)</li>
 *   <li>NUL cannot be stored in PostgreSQL text at all; Sequelize silently writes the two characters
 *       {@code \0} instead. Refused here.</li>
 *   <li>Byte strings: {@code E'\\x0aff'} (bytea hex form), as Sequelize writes them.</li>
 *   <li>Lists: {@code ARRAY[1, 2]}; the empty list {@code '{}'}, which PostgreSQL reads as an empty
 *       array of whatever type the context needs.</li>
 * </ul>
 */
public final class PostgresLiteralWriter extends LiteralWriter {
    public PostgresLiteralWriter() {
        super("postgres");
    }

    @Override
    protected void writeString(StringBuilder out, String value) {
        int nul = value.indexOf('\0');
        if (nul >= 0) {
            throw new UnsupportedFeatureError("postgres cannot store the NUL character (U+0000) in text;"
                    + " the string value " + preview(value) + " holds one at index " + nul
                    + "; remove it, or use a BLOB (bytea) attribute for binary data");
        }
        if (value.indexOf('\\') < 0) {
            quoteDoubling(out, "'", value);
            return;
        }
        out.append("E'");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> out.append("''");
                case '\\' -> out.append("\\\\");
                default -> out.append(c);
            }
        }
        out.append('\'');
    }

    @Override
    protected void bytes(StringBuilder out, byte[] value) {
        out.append("E'\\\\x").append(HexFormat.of().formatHex(value)).append('\'');
    }

    @Override
    protected void array(StringBuilder out, List<?> values) {
        if (values.isEmpty()) {
            out.append("'{}'");
            return;
        }
        out.append("ARRAY[");
        boolean first = true;
        for (Object value : values) {
            if (!first) {
                out.append(", ");
            }
            write(out, value);
            first = false;
        }
        out.append(']');
    }
}
