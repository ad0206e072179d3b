package dev.sequelj.render.shape;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Parameter;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.statement.Assignment;
import dev.sequelj.ast.statement.OrderItem;
import dev.sequelj.ast.statement.SelectColumn;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Arrays;

/**
 * A statement's shape for one dialect: the statement with its values replaced by {@link Slot}s, which is
 * what its SQL text depends on. Statements that differ only in their values have equal shapes and render
 * the same text; their params are their own {@link #values()}, read in the same walk. This is the key of
 * the renderer's cache of SQL text.
 *
 * <p>A shape is kept as the flat sequence of what a walk over the statement meets (node kinds, names,
 * operators, types, list sizes, and a slot marker for each value), so reading one allocates no tree and
 * comparing two is a loop. Every node writes a fixed layout after its own kind (the two commonest, an
 * unqualified column and a parameter, in a shorter form no other node starts with), so equal sequences
 * are equal shapes.
 *
 * <p>Values are slotted except where the text, or an error, depends on them: a {@code Boolean} stays in the
 * shape (MySQL compares a JSON boolean as the text {@code 'true'}), and so does a limit of 0 (refused on
 * SQL Server). A {@link Parameter} is no value yet and stays too (such a statement is prepared, not cached). Slots 0 and 1 are the statement's limit and offset; its parameter values follow in walk
 * order. Only the statements a program repeats with new values have a shape (SELECT, INSERT, upsert,
 * UPDATE, DELETE); DDL writes its values as literals, and a bulk INSERT is split by its size.
 *
 * <pre>{@code
 * StatementShape shape = StatementShape.of(select, Dialects.POSTGRES).get();
 * shape.values();                          // [10, 20, 30, "Hancock", ...]: limit, offset, then the params
 * Statement template = StatementShape.strip(select);   // the same select, a Slot where each value was
 * }</pre>
 */
public final class StatementShape {
    /** The limit of a stripped statement: slot 0. Compared by identity; negative, so never a real limit. */
    public static final Integer LIMIT = Integer.valueOf(-1_000_000_001);
    /** The offset of a stripped statement: slot 1. Compared by identity, as {@link #LIMIT}. */
    public static final Integer OFFSET = Integer.valueOf(-1_000_000_002);
    /** Slot index of the limit in {@link #values()}. */
    public static final int LIMIT_SLOT = 0;
    /** Slot index of the offset in {@link #values()}. */
    public static final int OFFSET_SLOT = 1;

    private static final Object NONE = new Marker("none");
    private static final Object VALUE = new Marker("value");

    private Object[] tokens;
    private int tokenCount;
    private int hash;
    private Object[] values;
    private int valueCount;

    private StatementShape() {
        tokens = new Object[96]; // a typical finder has about 70
        values = new Object[16];
        reset();
    }

    private void reset() {
        Arrays.fill(values, 0, valueCount, null); // a reader kept for reuse must not hold on to a caller's values
        tokenCount = 0;
        hash = 1;
        valueCount = 2; // limit, offset
    }

    private StatementShape(Object[] tokens, int hash) {
        this.tokens = tokens;
        this.tokenCount = tokens.length;
        this.hash = hash;
    }

    /**
     * The shape of {@code statement} rendered for {@code dialect}, with its values; none for the statements
     * that are not cached (DDL, TRUNCATE, bulk INSERT).
     */
    public static Option<StatementShape> of(Statement statement, Dialect dialect) {
        StatementShape shape = new StatementShape();
        return shape.read(statement, dialect) ? Option.some(shape) : Option.none();
    }

    /**
     * A shape to read statements into again and again ({@link #readAgain}), for one thread: reading a shape
     * on every render then allocates nothing.
     */
    public static StatementShape reader() {
        return new StatementShape();
    }

    /**
     * Reads {@code statement} into this reader, forgetting what it read before; false for a statement that
     * is not cached. The values read stay here until the next read or {@link #forget()}.
     */
    public boolean readAgain(Statement statement, Dialect dialect) {
        reset();
        return read(statement, dialect);
    }

    /** Drops the tokens and values read, so that a reader kept for reuse holds none of a caller's values. */
    public void forget() {
        reset();
    }

    private boolean read(Statement statement, Dialect dialect) {
        token(dialect);
        return statement(statement);
    }

    /** The statement's values: its limit, its offset (null when absent), then each slotted value in walk order. */
    public Object[] values() {
        return values;
    }

    /** This shape without the values it was read with, trimmed: what a cache keeps. */
    public StatementShape withoutValues() {
        return new StatementShape(Arrays.copyOf(tokens, tokenCount), hash);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof StatementShape shape) || shape.hash != hash || shape.tokenCount != tokenCount) {
            return false;
        }
        return Arrays.equals(tokens, 0, tokenCount, shape.tokens, 0, tokenCount);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "StatementShape" + Arrays.toString(Arrays.copyOf(tokens, tokenCount));
    }

    // ---- reading a shape: one walk, tokens and values -----------------------------------------------

    private void token(Object token) {
        if (tokenCount == tokens.length) {
            tokens = Arrays.copyOf(tokens, tokenCount * 2);
        }
        tokens[tokenCount++] = token;
        hash = 31 * hash + hashOf(token);
    }

    /**
     * The token's hash, taken directly for the kinds most tokens are (names, node kinds, markers, sizes):
     * a walk reads a hundred tokens on every render, and a call through {@code Object.hashCode} for each
     * would cost about what rendering does. Node kinds, markers and enum constants equal only themselves.
     */
    private static int hashOf(Object token) {
        if (token instanceof String name) {
            return name.hashCode();
        }
        if (token instanceof Class<?> || token instanceof Marker || token instanceof Enum<?>) {
            return System.identityHashCode(token);
        }
        if (token instanceof Integer size) {
            return size;
        }
        if (token instanceof TableName table) {
            return table.name().hashCode(); // a record's own hashCode goes through ObjectMethods: slower
        }
        if (token instanceof DataType type) {
            return System.identityHashCode(type.getClass()); // equal types are of one class; equals tells them apart
        }
        return token == null ? 0 : token.hashCode();
    }

    private void option(Option<?> option) {
        token(option.isDefined() ? option.get() : NONE);
    }

    private void value(Object value) {
        if (value instanceof Boolean || value instanceof Parameter) {
            token(value); // the text may depend on a Boolean; a parameter is no value yet: both kept in the shape
            return;
        }
        token(VALUE);
        if (valueCount == values.length) {
            values = Arrays.copyOf(values, valueCount * 2);
        }
        values[valueCount++] = value;
    }

    private void limit(Option<Integer> limit, int slot) {
        if (limit.isEmpty()) {
            token(NONE);
        } else if (slot == LIMIT_SLOT && limit.get() == 0) {
            token(0); // SQL Server refuses a limit of 0: kept in the shape
        } else {
            token(VALUE);
            values[slot] = limit.get();
        }
    }

    private boolean statement(Statement statement) {
        token(statement.getClass());
        switch (statement) {
            case Statement.Select select -> {
                token(select.columns().size());
                for (SelectColumn column : select.columns()) {
                    expression(column.expression());
                    option(column.alias());
                }
                token(select.table());
                token(select.alias());
                optionalExpression(select.where());
                expressions(select.group());
                optionalExpression(select.having());
                order(select.order());
                limit(select.limit(), LIMIT_SLOT);
                limit(select.offset(), OFFSET_SLOT);
                order(select.keyOrder());
                option(select.lock());
            }
            case Statement.Insert insert -> {
                token(insert.table());
                option(insert.autoIncrementColumn());
                token(insert.columns());
                expressions(insert.values());
                token(insert.returning());
                token(insert.onDuplicate());
                token(insert.returningRequired());
            }
            case Statement.Upsert upsert -> {
                token(upsert.table());
                option(upsert.autoIncrementColumn());
                token(upsert.columns());
                expressions(upsert.values());
                token(upsert.conflictColumns());
                token(upsert.updateColumns());
                token(upsert.returning());
            }
            case Statement.Update update -> {
                token(update.table());
                token(update.assignments().size());
                for (Assignment assignment : update.assignments()) {
                    token(assignment.getClass());
                    token(assignment.column());
                    switch (assignment) {
                        case Assignment.ToValue to -> expression(to.value());
                        case Assignment.Increment increment -> {
                            expression(increment.amount());
                            token(increment.subtract());
                        }
                    }
                }
                optionalExpression(update.where());
                limit(update.limit(), LIMIT_SLOT);
                token(update.keyColumns());
                token(update.returning());
            }
            case Statement.Delete delete -> {
                token(delete.table());
                optionalExpression(delete.where());
                limit(delete.limit(), LIMIT_SLOT);
                token(delete.keyColumns());
            }
            // Not cached. A bulk INSERT is split by its size and is seldom repeated at the same size; a
            // TRUNCATE has no values; DDL writes its values (defaults, a partial index's WHERE) as literals,
            // and so does reading a table's indexes (its name).
            case Statement.BulkInsert bulk -> {
                return false;
            }
            case Statement.Truncate truncate -> {
                return false;
            }
            case Statement.CreateTable create -> {
                return false;
            }
            case Statement.DropTable drop -> {
                return false;
            }
            case Statement.CreateIndex index -> {
                return false;
            }
            case Statement.DropIndex drop -> {
                return false;
            }
            case Statement.AddColumn add -> {
                return false;
            }
            case Statement.RemoveColumn remove -> {
                return false;
            }
            case Statement.ChangeColumn change -> {
                return false;
            }
            case Statement.RenameColumn rename -> {
                return false;
            }
            case Statement.ShowIndexes show -> {
                return false;
            }
        }
        return true;
    }

    private void order(Seq<OrderItem> order) {
        token(order.size());
        for (OrderItem item : order) {
            expression(item.expression());
            option(item.direction());
            option(item.nulls());
        }
    }

    private void optionalExpression(Option<Expression> expression) {
        if (expression.isEmpty()) {
            token(NONE);
        } else {
            expression(expression.get());
        }
    }

    private void expressions(Seq<Expression> expressions) {
        token(expressions.size());
        for (Expression expression : expressions) {
            expression(expression);
        }
    }

    private void expression(Expression expression) {
        // The two commonest nodes in short: an unqualified column is its name, a parameter its type (or
        // nothing) and its value's token. Every other node starts with its kind, so no reading is ambiguous:
        // a node starts with a String only if it is such a column, with a DataType or a value's token only if
        // it is a parameter.
        if (expression instanceof Expression.Column column && column.qualifier().isEmpty()) {
            token(column.name());
            return;
        }
        if (expression instanceof Expression.Param param) {
            if (param.type().isDefined()) {
                token(param.type().get());
            }
            value(param.value());
            return;
        }
        token(expression.getClass());
        switch (expression) {
            case Expression.Column column -> {
                token(column.qualifier().get());
                token(column.name());
            }
            case Expression.Param param -> throw new IllegalStateException("read above");
            case Expression.Comparison comparison -> {
                expression(comparison.left());
                token(comparison.operator());
                expression(comparison.right());
            }
            case Expression.IsNull isNull -> {
                expression(isNull.operand());
                token(isNull.negated());
            }
            case Expression.In in -> {
                expression(in.operand());
                expressions(in.values());
                token(in.negated());
            }
            case Expression.And and -> expressions(and.operands());
            case Expression.Or or -> expressions(or.operands());
            case Expression.Not not -> expression(not.operand());
            case Expression.FunctionCall call -> {
                token(call.name());
                expressions(call.arguments());
            }
            case Expression.ColumnName name -> token(name.parts());
            case Expression.Literal literal -> token(literal.sql());
            case Expression.Cast cast -> {
                expression(cast.operand());
                token(cast.type());
            }
            case Expression.Random random -> { }
            case Expression.Between between -> {
                expression(between.operand());
                expression(between.low());
                expression(between.high());
                token(between.negated());
            }
            case Expression.IsBoolean is -> {
                expression(is.operand());
                token(is.value());
                token(is.negated());
            }
            case Expression.Quantified quantified -> {
                token(quantified.quantifier());
                expression(quantified.array());
            }
            case Expression.ArrayValue array -> {
                expressions(array.elements());
                option(array.elementType());
            }
            case Expression.RangeValue range -> {
                expression(range.lower());
                expression(range.upper());
                token(range.lowerInclusive());
                token(range.upperInclusive());
                token(range.subtype());
            }
            case Expression.JsonPath json -> {
                expression(json.column());
                token(json.path());
                option(json.cast());
            }
        }
    }

    // ---- stripping: the statement with a Slot for each value, numbered as values() numbers them ------

    /**
     * {@code statement} with each value {@link #of} slots replaced by a {@link Slot} of the same index, and
     * its limit and offset by {@link #LIMIT} and {@link #OFFSET}: what the renderer renders once per shape.
     *
     * @throws IllegalArgumentException for a statement that has no shape
     */
    public static Statement strip(Statement statement) {
        return new Stripper().statement(statement);
    }

    /** Numbers the values in the order {@link #statement} reads them. */
    private static final class Stripper {
        private int next = 2;

        Statement statement(Statement statement) {
            return switch (statement) {
                case Statement.Select s -> new Statement.Select(
                        s.columns().map(c -> new SelectColumn(expression(c.expression()), c.alias())), s.table(), s.alias(),
                        s.where().map(this::expression), expressions(s.group()), s.having().map(this::expression),
                        order(s.order()), limit(s.limit(), LIMIT), limit(s.offset(), OFFSET), order(s.keyOrder()), s.lock());
                case Statement.Insert i -> new Statement.Insert(i.table(), i.autoIncrementColumn(), i.columns(),
                        expressions(i.values()), i.returning(), i.onDuplicate(), i.returningRequired());
                case Statement.Upsert u -> new Statement.Upsert(u.table(), u.autoIncrementColumn(), u.columns(),
                        expressions(u.values()), u.conflictColumns(), u.updateColumns(), u.returning());
                case Statement.Update u -> new Statement.Update(u.table(), u.assignments().map(a -> switch (a) {
                    case Assignment.ToValue to -> (Assignment) new Assignment.ToValue(to.column(), expression(to.value()));
                    case Assignment.Increment inc -> new Assignment.Increment(inc.column(), expression(inc.amount()), inc.subtract());
                }), u.where().map(this::expression), limit(u.limit(), LIMIT), u.keyColumns(), u.returning());
                case Statement.Delete d -> new Statement.Delete(d.table(), d.where().map(this::expression),
                        limit(d.limit(), LIMIT), d.keyColumns());
                case Statement.BulkInsert b -> throw noShape(b);
                case Statement.Truncate t -> throw noShape(t);
                case Statement.CreateTable c -> throw noShape(c);
                case Statement.DropTable d -> throw noShape(d);
                case Statement.CreateIndex c -> throw noShape(c);
                case Statement.DropIndex d -> throw noShape(d);
                case Statement.AddColumn a -> throw noShape(a);
                case Statement.RemoveColumn r -> throw noShape(r);
                case Statement.ChangeColumn c -> throw noShape(c);
                case Statement.RenameColumn r -> throw noShape(r);
                case Statement.ShowIndexes s -> throw noShape(s);
            };
        }

        private static IllegalArgumentException noShape(Statement statement) {
            return new IllegalArgumentException(statement.getClass().getSimpleName() + " has no cached shape");
        }

        private static Option<Integer> limit(Option<Integer> limit, Integer slot) {
            return limit.map(n -> slot == LIMIT && n == 0 ? n : slot);
        }

        private Seq<OrderItem> order(Seq<OrderItem> order) {
            return order.map(item -> new OrderItem(expression(item.expression()), item.direction(), item.nulls()));
        }

        private Seq<Expression> expressions(Seq<Expression> expressions) {
            return expressions.map(this::expression);
        }

        Expression expression(Expression expression) {
            return switch (expression) {
                case Expression.Column c -> c;
                case Expression.Param p -> p.value() instanceof Boolean || p.value() instanceof Parameter
                        ? p : new Expression.Param(new Slot(next++), p.type());
                case Expression.Comparison c -> new Expression.Comparison(expression(c.left()), c.operator(), expression(c.right()));
                case Expression.IsNull n -> new Expression.IsNull(expression(n.operand()), n.negated());
                case Expression.In in -> new Expression.In(expression(in.operand()), expressions(in.values()), in.negated());
                case Expression.And and -> new Expression.And(expressions(and.operands()));
                case Expression.Or or -> new Expression.Or(expressions(or.operands()));
                case Expression.Not not -> new Expression.Not(expression(not.operand()));
                case Expression.FunctionCall call -> new Expression.FunctionCall(call.name(), expressions(call.arguments()));
                case Expression.ColumnName name -> name;
                case Expression.Literal literal -> literal;
                case Expression.Cast cast -> new Expression.Cast(expression(cast.operand()), cast.type());
                case Expression.Random random -> random;
                case Expression.Between b -> new Expression.Between(expression(b.operand()), expression(b.low()),
                        expression(b.high()), b.negated());
                case Expression.IsBoolean is -> new Expression.IsBoolean(expression(is.operand()), is.value(), is.negated());
                case Expression.Quantified q -> new Expression.Quantified(q.quantifier(), (Expression.ArrayValue) expression(q.array()));
                case Expression.ArrayValue a -> new Expression.ArrayValue(expressions(a.elements()), a.elementType());
                case Expression.RangeValue r -> new Expression.RangeValue(expression(r.lower()), expression(r.upper()),
                        r.lowerInclusive(), r.upperInclusive(), r.subtype());
                case Expression.JsonPath json -> json;
            };
        }
    }
}
