package dev.sequelj.render;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.shape.StatementShape;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Renders any statement for any dialect into {@link Sql}: text with {@code ?} placeholders plus the
 * bound values, written into one {@link SqlWriter}.
 *
 * <p>{@link #render} and {@link #renderAll} keep the text of each statement shape they render (the
 * statement with its values replaced by slots, {@link StatementShape}) for each dialect: a statement of a
 * shape rendered before only has its values read and bound, so a finder called again with new values
 * renders once. At most {@value ShapeCache#CAPACITY} shapes are kept, the least recently used dropped
 * first; SELECT, INSERT, upsert, UPDATE and DELETE are cached, DDL, TRUNCATE and bulk INSERTs rendered
 * every time. The cache changes nothing in the result ({@link #renderUncached} renders the same), and
 * {@link #inline} never uses it: inlined values are text.
 *
 * <pre>{@code
 * Sql sql = SqlRenderer.render(FindStatements.findAll(user, options()), Dialects.POSTGRES);
 * sql.text();   // SELECT "id", "firstName", ... FROM "users" AS "user";
 * }</pre>
 */
public final class SqlRenderer {
    private static final ShapeCache<StatementShape, SqlTemplate> SHAPES = new ShapeCache<>(StatementShape::withoutValues);
    /** One shape reader per thread, read into on every render: looking a shape up allocates nothing. */
    private static final ThreadLocal<StatementShape> READERS = ThreadLocal.withInitial(StatementShape::reader);

    private SqlRenderer() {}

    /**
     * The one statement to send. A statement that takes several on this dialect (see
     * {@link #renderAll}) is refused with an {@link IllegalArgumentException}: sending only part of it
     * would be wrong.
     */
    public static Sql render(Statement statement, Dialect dialect) {
        if (statement instanceof Statement.BulkInsert || statement instanceof Statement.Truncate) {
            Seq<Sql> all = renderAll(statement, dialect);
            if (all.size() != 1) {
                throw new IllegalArgumentException("this " + statement.getClass().getSimpleName() + " takes "
                        + all.size() + " statements on " + dialect.name() + "; render it with SqlRenderer.renderAll");
            }
            return all.head();
        }
        return renderCached(statement, dialect);
    }

    /**
     * {@link #render} without the shape cache: the renderers walk the statement every time. The result is
     * the same; this is for comparing with the cache and for measuring it.
     */
    public static Sql renderUncached(Statement statement, Dialect dialect) {
        return renderOne(statement, dialect, SqlWriter.Values.BOUND);
    }

    /**
     * Renders the statement once, for binding many times: its {@link dev.sequelj.ast.expression.Parameter}s
     * ({@code Where.param("age")}) are filled in by {@link PreparedSql#bind}, which builds and renders nothing.
     * SELECT, INSERT, upsert, UPDATE and DELETE can be prepared.
     *
     * <pre>{@code
     * PreparedSql byAge = SqlRenderer.prepare(FindStatements.findAll(user, options().where(col("age").gt(param("age")))),
     *                                         Dialects.POSTGRES);
     * executor.execute(byAge.bind(30));
     * }</pre>
     *
     * @throws ValidationError for a statement of another kind, or one whose text on this
     *                                               dialect holds one of its values
     */
    public static PreparedSql prepare(Statement statement, Dialect dialect) {
        Option<StatementShape> shape = StatementShape.of(statement, dialect);
        if (shape.isEmpty()) {
            throw new ValidationError(statement.getClass().getSimpleName() + " cannot be prepared;"
                    + " a SELECT, INSERT, upsert, UPDATE or DELETE can");
        }
        SqlWriter out = SqlWriter.forShape(dialect);
        Sql.Returns returns = write(StatementShape.strip(statement), out);
        return out.toPrepared(returns, shape.get().values());
    }

    /** How many statement shapes the cache holds now, at most {@value ShapeCache#CAPACITY}. */
    public static int cachedShapes() {
        return SHAPES.size();
    }

    /** Drops every cached shape (for tests and measurements that must start cold). */
    public static void clearShapeCache() {
        SHAPES.clear();
    }

    /**
     * The statement through the shape cache: its shape's template bound to its values, the template
     * rendered first if this shape is new. A shape whose text turns out to depend on a value, or whose
     * rendering fails, is rendered from the statement itself, so errors name the real values.
     */
    private static Sql renderCached(Statement statement, Dialect dialect) {
        StatementShape shape = READERS.get();
        try {
            if (!shape.readAgain(statement, dialect)) {
                return renderOne(statement, dialect, SqlWriter.Values.BOUND);
            }
            return bindTemplate(statement, dialect, shape);
        } finally {
            shape.forget();
        }
    }

    /** The template of the shape just read (rendered now if the shape is new), bound to its values. */
    private static Sql bindTemplate(Statement statement, Dialect dialect, StatementShape shape) {
        SqlTemplate template = SHAPES.get(shape);
        if (template == null) {
            Option<SqlTemplate> rendered;
            try {
                SqlWriter out = SqlWriter.forShape(dialect);
                rendered = out.toTemplate(write(StatementShape.strip(statement), out));
            } catch (RuntimeException e) {
                rendered = Option.none();
            }
            if (rendered.isEmpty()) {
                return renderOne(statement, dialect, SqlWriter.Values.BOUND);
            }
            template = rendered.get();
            SHAPES.put(shape.withoutValues(), template);
        }
        return template.bind(shape.values(), dialect);
    }

    /**
     * Every statement to send for one statement, in order. Usually one; a bulk INSERT is split where the
     * dialect caps one statement's parameters or rows (SQLite 32,766 values, SQL Server 1,000 rows), and a
     * SQLite TRUNCATE with {@code restartIdentity} is followed by the counter's reset. None for a bulk
     * INSERT of no rows.
     *
     * <pre>{@code
     * for (Sql sql : SqlRenderer.renderAll(bulkInsert, Dialects.SQLITE)) executor.execute(sql);
     * }</pre>
     */
    public static Seq<Sql> renderAll(Statement statement, Dialect dialect) {
        return renderAll(statement, dialect, SqlWriter.Values.BOUND);
    }

    private static Seq<Sql> renderAll(Statement statement, Dialect dialect, SqlWriter.Values values) {
        // Only these two kinds can take several statements; every other renders to exactly one.
        if (statement instanceof Statement.BulkInsert bulk) {
            return InsertRenderer.renderAll(bulk, dialect, values);
        }
        if (statement instanceof Statement.Truncate truncate) {
            return TruncateRenderer.renderAll(truncate, dialect, values);
        }
        return Vector.of(values == SqlWriter.Values.BOUND ? renderCached(statement, dialect) : renderOne(statement, dialect, values));
    }

    /** Exactly the statement given, as one SQL statement. */
    static Sql renderOne(Statement statement, Dialect dialect, SqlWriter.Values values) {
        SqlWriter out = new SqlWriter(dialect, values);
        return out.toSql(write(statement, out));
    }

    /**
     * The statement rendered once as a template: its values must be {@link dev.sequelj.render.shape.Slot}s,
     * bound later ({@link SqlTemplate#bind}). None when its text would depend on a value.
     */
    static Option<SqlTemplate> template(Statement statementOfSlots, Dialect dialect) {
        SqlWriter out = SqlWriter.forShape(dialect);
        return out.toTemplate(write(statementOfSlots, out));
    }

    /** Writes the statement and its closing {@code ;}; what running it returns. */
    private static Sql.Returns write(Statement statement, SqlWriter out) {
        Sql.Returns returns = switch (statement) {
            case Statement.Select select -> SelectRenderer.render(out, select);
            case Statement.Insert insert -> InsertRenderer.render(out, insert);
            case Statement.CreateTable create -> TableRenderer.create(out, create);
            case Statement.DropTable drop -> TableRenderer.drop(out, drop);
            // ---- writes (helper D) ----
            case Statement.BulkInsert insert -> InsertRenderer.render(out, insert);
            case Statement.Upsert upsert -> UpsertRenderer.render(out, upsert);
            case Statement.Update update -> UpdateRenderer.render(out, update);
            case Statement.Delete delete -> DeleteRenderer.render(out, delete);
            case Statement.Truncate truncate -> TruncateRenderer.render(out, truncate);
            // DDL: indexes and the QueryInterface (helper A)
            case Statement.CreateIndex index -> TableRenderer.createIndex(out, index);
            case Statement.DropIndex drop -> TableRenderer.dropIndex(out, drop);
            case Statement.AddColumn add -> TableRenderer.addColumn(out, add);
            case Statement.RemoveColumn remove -> TableRenderer.removeColumn(out, remove);
            case Statement.ChangeColumn change -> TableRenderer.changeColumn(out, change);
            case Statement.RenameColumn rename -> TableRenderer.renameColumn(out, rename);
            case Statement.ShowIndexes show -> TableRenderer.showIndexes(out, show);
        };
        out.sql(';');
        return returns;
    }

    // ---- inline literals (sequelj render --inline) ---------------------------------------------

    /**
     * Renders the statement with every value written as a literal of the dialect instead of {@code ?},
     * for offline scripts; the result has no params. The text is that of {@link #render} with each
     * placeholder replaced by its value, escaped by the dialect's one literal writer
     * ({@code dialect.literals()}) so that no value can change the statement's structure. When
     * executing, use {@link #render}: values are bound.
     *
     * <pre>{@code
     * SqlRenderer.inline(FindStatements.findAll(user, options().where(Map.of("firstName", "O'Brien")).limit(10)),
     *                    Dialects.POSTGRES).text();
     * // SELECT "id", "firstName", ... FROM "users" AS "user" WHERE "user"."firstName" = 'O''Brien' LIMIT 10;
     * }</pre>
     *
     * @throws dev.sequelj.ast.error.UnsupportedFeatureError for a value the dialect has no literal for
     *                                                       (NUL in PostgreSQL text, say)
     */
    public static Sql inline(Statement statement, Dialect dialect) {
        Seq<Sql> all = inlineAll(statement, dialect);
        if (all.size() != 1) {
            throw new IllegalArgumentException("this " + statement.getClass().getSimpleName() + " takes "
                    + all.size() + " statements on " + dialect.name() + "; render it with SqlRenderer.inlineAll");
        }
        return all.head();
    }

    /** {@link #renderAll} with every value written as a literal, as {@link #inline} writes them. */
    public static Seq<Sql> inlineAll(Statement statement, Dialect dialect) {
        return renderAll(statement, dialect, SqlWriter.Values.INLINE);
    }
}
