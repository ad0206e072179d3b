package dev.sequelj.render;

import dev.sequelj.ast.model.DataType;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.collection.Array;

/**
 * The SQL of one statement shape ({@link dev.sequelj.render.shape.StatementShape}) for one dialect: its
 * text, and where each parameter's value comes from. Binding it to the values of any statement of that
 * shape gives what rendering that statement gives, without walking the renderers again.
 *
 * <p>Parameter {@code i} is the statement's value at {@code slots[i]}, stored as {@code types[i]} when
 * that is not null ({@code Dialect.toDatabaseValue}); a negative slot means the constant
 * {@code constants[i]} (a value the shape keeps, such as the {@code 'null'} MySQL compares JSON null
 * with). Three parallel arrays rather than one object per parameter: binding is a short loop.
 */
final class SqlTemplate {
    private final String text;
    private final int[] slots;
    private final DataType[] types;
    private final Object[] constants;
    private final Sql.Returns returns;

    SqlTemplate(String text, int[] slots, DataType[] types, Object[] constants, Sql.Returns returns) {
        this.text = text;
        this.slots = slots;
        this.types = types;
        this.constants = constants;
        this.returns = returns;
    }

    /** The SQL of the statement whose values are {@code values}, rendered for {@code dialect}. */
    Sql bind(Object[] values, Dialect dialect) {
        Object[] params = new Object[slots.length];
        // The last instant stored, its type and what it became: a bulk insert's rows stamp the same dates.
        Object lastInstant = null;
        DataType lastType = null;
        Object lastStored = null;
        for (int i = 0; i < params.length; i++) {
            int slot = slots[i];
            if (slot < 0) {
                params[i] = constants[i];
            } else if (types[i] == null) {
                params[i] = values[slot];
            } else if (values[slot] instanceof java.time.Instant instant) {
                if (types[i] != lastType || !instant.equals(lastInstant)) {
                    lastStored = dialect.toDatabaseValue(types[i], instant);
                    lastInstant = instant;
                    lastType = types[i];
                }
                params[i] = lastStored;
            } else {
                params[i] = dialect.toDatabaseValue(types[i], values[slot]);
            }
        }
        return new Sql(text, Array.of(params), returns);
    }

    @Override
    public String toString() {
        return text;
    }
}
