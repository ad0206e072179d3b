package dev.sequelj.render;

import dev.sequelj.render.dialect.Dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * The one buffer a statement is rendered into: SQL text, quoted identifiers, and bound values, each
 * written through the dialect. Renderers and dialect hooks write to it; nothing else builds SQL text.
 */
public final class SqlWriter {
    private final Dialect dialect;
    private final StringBuilder text = new StringBuilder(128);
    private final List<Object> params = new ArrayList<>();

    public SqlWriter(Dialect dialect) {
        this.dialect = dialect;
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
     * Appends a {@code ?} placeholder and records the value, already in the dialect's stored form; while
     * {@link #inlineValues(boolean) inlining}, appends the value as an escaped literal instead.
     */
    public SqlWriter param(Object value) {
        if (inlineValues) {
            dialect.writeLiteral(text, value);
            return this;
        }
        text.append('?');
        params.add(value);
        return this;
    }

    // ---- literals in DDL (helper A) --------------------------------------------------------------

    private boolean inlineValues;

    /**
     * Turns inline values on or off: DDL takes no parameters, so a partial index's {@code WHERE} writes
     * its values as literals, escaped the dialect's way ({@link Dialect#writeLiteral}).
     */
    public SqlWriter inlineValues(boolean inline) {
        this.inlineValues = inline;
        return this;
    }

    /** Appends a value, already in the dialect's stored form, as an escaped literal: a column's DEFAULT. */
    public SqlWriter literal(Object value) {
        dialect.writeLiteral(text, value);
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
