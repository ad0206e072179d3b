package dev.sequelj.render.literal;

/**
 * SQLite's literals: {@code 'it''s'} (backslash is an ordinary character), booleans {@code 1}/{@code 0}
 * as Sequelize writes them, byte strings {@code X'0aff'}.
 *
 * <p>NUL cannot appear in the SQL text: SQLite stops reading a statement at the first NUL, so
 * {@code 'a<NUL>b'} would end the statement inside the literal. A string holding NUL is written as a
 * concatenation, {@code ('a' || char(0) || 'b')}, which stores the NUL as part of the text.
 * (Sequelize writes the NUL raw.)
 */
public final class SqliteLiteralWriter extends LiteralWriter {
    public SqliteLiteralWriter() {
        super("sqlite");
    }

    @Override
    protected void writeString(StringBuilder out, String value) {
        if (value.indexOf('\0') < 0) {
            quoteDoubling(out, "'", value);
        } else {
            splicing(out, value, i -> value.charAt(i) == '\0', "'", " || ", "char(%d)");
        }
    }

    @Override
    protected void bool(StringBuilder out, boolean value) {
        out.append(value ? '1' : '0');
    }
}
