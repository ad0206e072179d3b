package dev.sequelj.render;

import dev.sequelj.render.dialect.Dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * The one buffer a statement is rendered into: SQL text, quoted identifiers, and values, each
 * written through the dialect. Renderers and dialect hooks write to it; nothing else builds SQL text.
 *
 * <p>The writer decides how a value appears: as a {@code ?} placeholder with the value kept for
 * binding ({@link Values#BOUND}, for execution), or as a literal written by the dialect's literal
 * writer ({@link Values#INLINE}, for offline scripts). Renderers call {@link #param} either way, so
 * both outputs come from the same renderers.
 */
public final class SqlWriter {
    /** How {@link #param} writes a value. */
    public enum Values {
        /** A {@code ?} placeholder; the value is kept in {@link Sql#params()}. */
        BOUND,
        /** The value as a literal in the text, through {@code Dialect.literals()}; no params. */
        INLINE
    }

    private final Dialect dialect;
    private Values values;
    private final StringBuilder text = new StringBuilder(128);
    private final List<Object> params = new ArrayList<>();

    /** A writer that binds every value. */
    public SqlWriter(Dialect dialect) {
        this(dialect, Values.BOUND);
    }

    public SqlWriter(Dialect dialect, Values values) {
        this.dialect = dialect;
        this.values = values;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Appends SQL text as it is: keywords and punctuation only, never a user's string. */
    public SqlWriter sql(String keywordsOrPunctuation) {
        text.append(keywordsOrPunctuation);
        return this;
    }

    public SqlWriter sql(char punctuation) {
        text.append(punctuation);
        return this;
    }

    /** Appends an identifier, quoted the dialect's way. */
    public SqlWriter identifier(String name) {
        dialect.quoteIdentifier(text, name);
        return this;
    }

    /** Appends a table name, schema-qualified and quoted the dialect's way. */
    public SqlWriter table(dev.sequelj.ast.statement.TableName table) {
        dialect.quoteTableName(text, table);
        return this;
    }

    /**
     * Appends a value, already in the dialect's stored form: a {@code ?} placeholder with the value
     * recorded, or, when rendering inline, the value as a literal.
     */
    public SqlWriter param(Object value) {
        if (values == Values.INLINE) {
            return literal(value);
        }
        text.append('?');
        params.add(value);
        return this;
    }

    /**
     * Appends a value as a literal through the dialect's literal writer. A negative number right after
     * a {@code -} gets a space first: {@code "age" - -5}, never {@code "age"--5}, which would start a
     * comment.
     */
    public SqlWriter literal(Object value) {
        int start = text.length();
        dialect.literals().write(text, value);
        if (start > 0 && text.length() > start && text.charAt(start) == '-' && text.charAt(start - 1) == '-') {
            text.insert(start, ' ');
        }
        return this;
    }

    /**
     * Writes one part of the statement with its values as literals, whatever this writer's mode: DDL
     * takes no parameters, so a partial index's {@code WHERE} inlines its values through the dialect's
     * literal writer ({@code Dialect.literals()}).
     *
     * <pre>{@code
     * out.sql(" WHERE ").inline(w -> expressions.render(where, w));  // WHERE "deleted_at" IS NULL AND "n" > 1
     * }</pre>
     */
    public SqlWriter inline(java.util.function.Consumer<SqlWriter> part) {
        Values outer = values;
        values = Values.INLINE;
        try {
            part.accept(this);
        } finally {
            values = outer;
        }
        return this;
    }

    /** Appends a string literal escaped the dialect's way, for the few places SQL cannot take a parameter. */
    public SqlWriter stringLiteral(String value) {
        dialect.quoteStringLiteral(text, value);
        return this;
    }

    public Sql toSql(Sql.Returns returns) {
        return new Sql(text.toString(), io.vavr.collection.Array.ofAll(params), returns);
    }
}
