package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.IndexDefinition;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.Naming;
import dev.sequelj.ast.statement.ColumnDefinition;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The statements of {@code Model.sync()}, {@code Model.drop()} and the QueryInterface: tables, columns
 * and indexes. Every check on the caller's definitions happens here or in {@link ModelDefinition#define},
 * before any SQL exists.
 *
 * <pre>{@code
 * Seq<Statement> sync = TableStatements.sync(user, false);   // CREATE TABLE, then CREATE INDEX ...
 * Statement add = TableStatements.addColumn(TableName.of("users"), "age", attribute("age", DataTypes.INTEGER));
 * }</pre>
 */
public final class TableStatements {
    private TableStatements() {}

    /** {@code Model.sync()}: the table with every stored attribute as a column, its keys and foreign keys. */
    public static Statement.CreateTable createTable(ModelDefinition model) {
        Seq<ColumnDefinition> columns = model.attributeList().map(TableStatements::column);
        Seq<Statement.UniqueKey> uniqueKeys = model.uniqueKeys().toVector()
                .map(key -> new Statement.UniqueKey(key._1, key._2.map(Attribute::field)));
        return new Statement.CreateTable(model.table(), columns, model.primaryKey().map(Attribute::field), uniqueKeys);
    }

    /**
     * {@code Model.drop()}. {@code sync({force: true})} drops with {@code cascade}, as Sequelize does,
     * so that a table other tables point at can be recreated; cascading on PostgreSQL also drops the
     * ENUM columns' types.
     */
    public static Statement.DropTable dropTable(ModelDefinition model, boolean cascade) {
        return new Statement.DropTable(model.table(), cascade, enumColumns(model));
    }

    /**
     * {@code Model.sync(options)} in Sequelize's order: with {@code force}, DROP TABLE ... CASCADE; then
     * CREATE TABLE; then each index of the {@code indexes} option.
     *
     * @param force drop the table first
     * @param alter Sequelize's {@code alter}, refused: it compares the table with the database's
     *              description of it, which a compiler without a connection cannot read
     */
    public static Seq<Statement> sync(ModelDefinition model, boolean force, boolean alter) {
        if (alter) {
            throw new UnsupportedFeatureError("sync({alter: true}) compares the model with the table the database"
                    + " describes, which Sequelj does not read; use sync({force: true}) or the queryInterface"
                    + " methods (addColumn, changeColumn, removeColumn, renameColumn)");
        }
        Vector<Statement> statements = Vector.empty();
        if (force) {
            statements = statements.append(dropTable(model, true));
        }
        return statements.append(createTable(model)).appendAll(createIndexes(model));
    }

    /**
     * The {@code indexes} option as CREATE INDEX statements: fields naming attributes become their
     * columns, and a where object is resolved against the model (then written without the table alias).
     */
    public static Seq<Statement.CreateIndex> createIndexes(ModelDefinition model) {
        return model.indexes().map(index -> {
            Seq<Statement.IndexColumn> columns = index.fields()
                    .map(f -> new Statement.IndexColumn(model.indexColumn(f.name()), f.order()));
            Option<Expression> where = index.where().map(w -> unqualified(WhereResolver.resolve(model, w)));
            return createIndex(model.table(), index, columns, where, true);
        });
    }

    // ---- the QueryInterface ----------------------------------------------------------------------

    /**
     * {@code queryInterface.addColumn(table, column, spec)}. The attribute's name is not used: the
     * column is named {@code column}, as in Sequelize.
     */
    public static Statement.AddColumn addColumn(TableName table, String column, Attribute spec) {
        return new Statement.AddColumn(table, column(table, column, spec));
    }

    /** {@code queryInterface.removeColumn(table, column)}. */
    public static Statement.RemoveColumn removeColumn(TableName table, String column) {
        return new Statement.RemoveColumn(table, nonEmpty("column", column));
    }

    /** {@code queryInterface.changeColumn(table, column, spec)}: the column's whole new definition. */
    public static Statement.ChangeColumn changeColumn(TableName table, String column, Attribute spec) {
        if (spec.primaryKey() || spec.autoIncrement()) {
            throw new UnsupportedFeatureError("changeColumn cannot make '" + column + "' a primary key or"
                    + " auto-increment column; only its type, allowNull, defaultValue, unique, references and comment");
        }
        return new Statement.ChangeColumn(table, column(table, column, spec));
    }

    /** {@code queryInterface.renameColumn(table, from, to)}. */
    public static Statement.RenameColumn renameColumn(TableName table, String from, String to) {
        return new Statement.RenameColumn(table, nonEmpty("old column name", from), nonEmpty("new column name", to));
    }

    /**
     * {@code queryInterface.addIndex(table, options)}: fields are columns, written as given; the name
     * defaults to Sequelize's ({@code users_first_name}); a where object is written as given.
     */
    public static Statement.CreateIndex addIndex(TableName table, IndexDefinition index) {
        Seq<Statement.IndexColumn> columns = index.fields().map(f -> new Statement.IndexColumn(f.name(), f.order()));
        return createIndex(table, index, columns, index.where(), false);
    }

    /** {@code queryInterface.removeIndex(table, name)}. */
    public static Statement.DropIndex removeIndex(TableName table, String name) {
        return new Statement.DropIndex(table, nonEmpty("index name", name));
    }

    /** {@code queryInterface.removeIndex(table, fields)}: the index Sequelize names after those fields. */
    public static Statement.DropIndex removeIndex(TableName table, Seq<String> fields) {
        if (fields.isEmpty()) {
            throw new ValidationError("removeIndex needs an index name or at least one field");
        }
        return new Statement.DropIndex(table, Naming.indexName(table.name(), fields));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Statement.CreateIndex createIndex(TableName table, IndexDefinition index,
                                                     Seq<Statement.IndexColumn> columns, Option<Expression> where,
                                                     boolean ifNotExists) {
        String name = index.name().getOrElse(() -> Naming.indexName(table.name(), index.fields().map(IndexDefinition.IndexField::name)));
        return new Statement.CreateIndex(table, name, columns, index.unique(), where, index.using(), index.type(),
                index.concurrently(), ifNotExists);
    }

    private static ColumnDefinition column(Attribute a) {
        return new ColumnDefinition(a.field(), a.type(), a.allowNull(), a.autoIncrement(), a.defaultValue(), a.unique(),
                a.references(), a.comment());
    }

    private static ColumnDefinition column(TableName table, String column, Attribute spec) {
        nonEmpty("column", column);
        if (!spec.stored()) {
            throw new ValidationError(table.name() + "." + column + ": a VIRTUAL attribute has no column to add or change");
        }
        if (spec.uniqueKey().isDefined()) {
            throw new ValidationError(table.name() + "." + column + ": unique: \"" + spec.uniqueKey().get()
                    + "\" names a composite key, which belongs to a model; use addIndex with unique: true");
        }
        Attribute checked = ModelDefinition.checkAttribute(table.name(), spec);
        return new ColumnDefinition(column, checked.type(), checked.allowNull(), checked.autoIncrement(),
                checked.defaultValue(), checked.unique(), checked.references(), checked.comment());
    }

    private static Seq<String> enumColumns(ModelDefinition model) {
        return model.attributeList().filter(a -> isEnum(a.type())).map(Attribute::field);
    }

    private static boolean isEnum(DataType type) {
        return type instanceof DataType.EnumType || type instanceof DataType.ArrayType a && isEnum(a.element());
    }

    /**
     * The condition with every column's table alias removed: an index's WHERE names the columns of the
     * indexed table alone ({@code WHERE "age" > 18}), and no alias exists in DDL.
     */
    static Expression unqualified(Expression expression) {
        return switch (expression) {
            case Expression.Column c -> new Expression.Column(Option.none(), c.name());
            case Expression.Param p -> p;
            case Expression.Comparison c -> new Expression.Comparison(unqualified(c.left()), c.operator(), unqualified(c.right()));
            case Expression.IsNull n -> new Expression.IsNull(unqualified(n.operand()), n.negated());
            case Expression.In in -> new Expression.In(unqualified(in.operand()), in.values().map(TableStatements::unqualified), in.negated());
            case Expression.And and -> new Expression.And(and.operands().map(TableStatements::unqualified));
            case Expression.Or or -> new Expression.Or(or.operands().map(TableStatements::unqualified));
            case Expression.Not not -> new Expression.Not(unqualified(not.operand()));
            case Expression.FunctionCall f -> new Expression.FunctionCall(f.name(), f.arguments().map(TableStatements::unqualified));
            case Expression.ColumnName c -> c; // written as the caller named it
            case Expression.Literal l -> l;
            case Expression.Cast c -> new Expression.Cast(unqualified(c.operand()), c.type());
            case Expression.Random r -> r;
            case Expression.Between b -> new Expression.Between(unqualified(b.operand()), unqualified(b.low()),
                    unqualified(b.high()), b.negated());
            case Expression.IsBoolean b -> new Expression.IsBoolean(unqualified(b.operand()), b.value(), b.negated());
            case Expression.Quantified q -> new Expression.Quantified(q.quantifier(), unqualifiedArray(q.array()));
            case Expression.ArrayValue a -> unqualifiedArray(a);
            case Expression.RangeValue r -> new Expression.RangeValue(unqualified(r.lower()), unqualified(r.upper()),
                    r.lowerInclusive(), r.upperInclusive(), r.subtype());
            case Expression.JsonPath j -> new Expression.JsonPath(new Expression.Column(Option.none(), j.column().name()),
                    j.path(), j.cast());
        };
    }

    private static Expression.ArrayValue unqualifiedArray(Expression.ArrayValue array) {
        return new Expression.ArrayValue(array.elements().map(TableStatements::unqualified), array.elementType());
    }

    private static String nonEmpty(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new ValidationError("the " + what + " must be a non-empty string");
        }
        return value;
    }
}
