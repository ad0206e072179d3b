package dev.sequelj.render;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Parameter;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.shape.Slot;
import dev.sequelj.render.shape.StatementShape;
import io.vavr.control.Option;

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
    private final StringBuilder text = new StringBuilder(256); // a typical finder's text fits without growing
    private final List<Object> params = new ArrayList<>();
    /** Rendering a statement's shape ({@link #forShape}): params are slots, recorded as where each value comes from. */
    private final boolean shape;
    /** A slot was written as a literal: the shape's text would depend on its value, so it cannot be reused. */
    private boolean valueDependent;

    /** A writer that binds every value. */
    public SqlWriter(Dialect dialect) {
        this(dialect, Values.BOUND);
    }

    public SqlWriter(Dialect dialect, Values values) {
        this(dialect, values, false);
    }

    private SqlWriter(Dialect dialect, Values values, boolean shape) {
        this.dialect = dialect;
        this.values = values;
        this.shape = shape;
    }

    /**
     * A writer for a statement's shape ({@link StatementShape#strip}): each {@link Slot} written as a
     * parameter is a {@code ?} whose value {@link #toTemplate} takes from the statement's values later.
     */
    static SqlWriter forShape(Dialect dialect) {
        return new SqlWriter(dialect, Values.BOUND, true);
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
        if (!shape && value instanceof Parameter parameter) {
            throw unbound(parameter);
        }
        text.append('?');
        params.add(value);
        return this;
    }

    /**
     * A value of a data type in the form the dialect stores it ({@code Dialect.toDatabaseValue}), ready for
     * {@link #param}. For a slot of a shape the conversion is noted instead, and made when the shape's
     * template is bound to a statement's values.
     */
    public Object databaseValue(DataType type, Object value) {
        if (value instanceof Slot slot) {
            return new StoredSlot(slot.index(), type);
        }
        if (value instanceof Parameter parameter) {
            if (!shape) {
                throw unbound(parameter);
            }
            return new StoredParameter(parameter, type);
        }
        if (!(value instanceof java.time.Instant instant)) {
            return dialect.toDatabaseValue(type, value);
        }
        // Every row of a bulk insert stamps the same createdAt and updatedAt: each instant is formatted once.
        if (type == lastDateType && instant.equals(lastDate)) {
            return lastStoredDate;
        }
        Object stored = dialect.toDatabaseValue(type, value);
        lastDate = instant;
        lastDateType = type;
        lastStoredDate = stored;
        return stored;
    }

    /** The last instant {@link #databaseValue} converted (an {@code Instant} is immutable), its type, and what it became. */
    private java.time.Instant lastDate;
    private DataType lastDateType;
    private Object lastStoredDate;

    /** A slot whose value is bound as {@code type} stores it. */
    record StoredSlot(int index, DataType type) {}

    /** A parameter whose value is bound as {@code type} stores it, once checked against the type. */
    record StoredParameter(Parameter parameter, DataType type) {}

    /** Whether a value written is not one yet: a slot of a shape, or a parameter of a prepared statement. */
    private static boolean isSlot(Object value) {
        return value instanceof Slot || value instanceof StoredSlot || value == StatementShape.LIMIT
                || value == StatementShape.OFFSET || value instanceof Parameter || value instanceof StoredParameter;
    }

    private static ValidationError unbound(Parameter parameter) {
        return new ValidationError("the statement has parameter '" + parameter.name() + "', which has no value here;"
                + " prepare it (SqlRenderer.prepare) and bind a value to it");
    }

    /**
     * Appends a value as a literal through the dialect's literal writer. A negative number right after
     * a {@code -} gets a space first: {@code "age" - -5}, never {@code "age"--5}, which would start a
     * comment.
     */
    public SqlWriter literal(Object value) {
        if (shape && isSlot(value)) {
            valueDependent = true; // the text would hold the value: this shape is rendered afresh every time
            text.append('?');
            return this;
        }
        if (value instanceof Parameter parameter) {
            throw unbound(parameter);
        }
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

    /**
     * What a {@link #forShape shape writer} wrote, as a statement prepared for binding: its parameters are
     * bound later, every other slot takes its value from {@code values} (the statement's own) now.
     */
    PreparedSql toPrepared(Sql.Returns returns, Object[] values) {
        if (valueDependent) {
            throw new ValidationError("this statement writes a value into its text on " + dialect.name()
                    + ", so it cannot be prepared; render it with its values");
        }
        return PreparedSql.of(text.toString(), params, values, dialect, returns);
    }

    /** What a {@link #forShape shape writer} wrote, as a template; none when its text depends on a value. */
    Option<SqlTemplate> toTemplate(Sql.Returns returns) {
        if (valueDependent || params.stream().anyMatch(p -> p instanceof Parameter || p instanceof StoredParameter)) {
            return Option.none(); // a statement with parameters is prepared, not rendered
        }
        int count = params.size();
        int[] slots = new int[count];
        DataType[] types = new DataType[count];
        Object[] constants = new Object[count];
        for (int i = 0; i < count; i++) {
            Object param = params.get(i);
            slots[i] = -1;
            if (param instanceof Slot slot) {
                slots[i] = slot.index();
            } else if (param instanceof StoredSlot stored) {
                slots[i] = stored.index();
                types[i] = stored.type();
            } else if (param == StatementShape.LIMIT) {
                slots[i] = StatementShape.LIMIT_SLOT;
            } else if (param == StatementShape.OFFSET) {
                slots[i] = StatementShape.OFFSET_SLOT;
            } else {
                constants[i] = param;
            }
        }
        return Option.some(new SqlTemplate(text.toString(), slots, types, constants, returns));
    }
}
