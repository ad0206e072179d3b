package dev.sequelj.ast.finder;

import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Parameter;
import io.vavr.collection.Array;

/**
 * The typed where builder, the second form beside Sequelize's object form ({@link WhereObject}), with
 * one method per Sequelize operator. Columns are named by attribute (or by a JSON path into a JSON
 * attribute, as in the object form); the finder checks names and values against the model. Both forms
 * build the same conditions and refuse the same mistakes.
 *
 * <pre>{@code
 * import static dev.sequelj.ast.finder.Where.*;
 * users.findAll(options().where(or(col("age").gt(18), col("lastName").in("Hancock", "Adams"))));
 * users.findAll(options().where(col("age").between(18, 65).and(col("name").startsWith("Jo"))));
 * users.findAll(options().where(col("age").gt(col("minAge")).or(not(col("active").is(true)))));
 * users.findAll(options().where(col("meta.address.city").eq("Oslo")));       // a JSON path
 * users.findAll(options().where(col("age").gt(any(18, 21))));                // "age" > ANY (ARRAY[?, ?])
 * }</pre>
 *
 * A condition is an {@link Expression}; chain more with {@link Expression#and} and {@link Expression#or}.
 */
public final class Where {
    private Where() {}

    /**
     * Starts a condition on an attribute, or on a path inside a JSON attribute ({@code "meta.address.city"},
     * {@code "meta.items[0].name"}, {@code "meta.age::integer"}). Given as a value to another condition it
     * names that attribute's column: {@code col("a").gt(col("b"))}.
     */
    public static AttributeCondition col(String attribute) {
        return new AttributeCondition(attribute);
    }

    /**
     * A value given later, when the prepared statement is bound: {@code col("age").gt(param("age"))}. See
     * {@link Parameter}; it stands for one value (a list for {@code in} is a list of parameters).
     */
    public static Parameter param(String name) {
        return new Parameter(name);
    }

    /** All conditions hold. */
    public static Expression and(Expression... conditions) {
        // An Array, not a Vector: a few operands built once and read by index, on every finder call.
        return new Expression.And(Array.of(conditions));
    }

    /** Any condition holds. */
    public static Expression or(Expression... conditions) {
        return new Expression.Or(Array.of(conditions));
    }

    /** The condition does not hold. */
    public static Expression not(Expression condition) {
        return new Expression.Not(condition);
    }

    /** Compares with any of the values (Sequelize's {@code Op.any}, PostgreSQL): {@code col("age").gt(any(18, 21))}. */
    public static Expression any(Object... values) {
        return OperatorConditions.quantifier(Op.any, java.util.Arrays.asList(values), "where.$any");
    }

    /** Compares with all of the values (Sequelize's {@code Op.all}, PostgreSQL): {@code col("name").notLike(all("a%", "b%"))}. */
    public static Expression all(Object... values) {
        return OperatorConditions.quantifier(Op.all, java.util.Arrays.asList(values), "where.$all");
    }

    /**
     * Conditions on one attribute; each method returns the finished condition and refuses a value of the
     * wrong shape at once (a {@link dev.sequelj.ast.error.ValidationError} naming the operator).
     */
    public record AttributeCondition(String attribute) {
        /** {@code = value}; {@code IS NULL} when the value is null, {@code IN} for a list, as in Sequelize. */
        public Expression eq(Object value) {
            return op(Op.eq, value);
        }

        /** {@code != value}; {@code IS NOT NULL} when the value is null, as in Sequelize. */
        public Expression ne(Object value) {
            return op(Op.ne, value);
        }

        public Expression gt(Object value) {
            return ordered(Op.gt, ComparisonOperator.GT, value);
        }

        public Expression gte(Object value) {
            return ordered(Op.gte, ComparisonOperator.GTE, value);
        }

        public Expression lt(Object value) {
            return ordered(Op.lt, ComparisonOperator.LT, value);
        }

        public Expression lte(Object value) {
            return ordered(Op.lte, ComparisonOperator.LTE, value);
        }

        /** {@code IS NULL}, {@code IS TRUE} or {@code IS FALSE} ({@code Op.is}). */
        public Expression is(Boolean value) {
            return op(Op.is, value);
        }

        /**
         * Sequelize's {@code Op.not} on an attribute: {@code IS NOT NULL} for null, {@code IS NOT TRUE/FALSE}
         * for a boolean, {@code NOT IN} for a list, {@code !=} for anything else.
         */
        public Expression not(Object value) {
            return op(Op.not, value);
        }

        /** {@code LIKE pattern}; the pattern may also be {@code any(...)} or {@code all(...)} (PostgreSQL). */
        public Expression like(Object pattern) {
            return like(Op.like, ComparisonOperator.LIKE, pattern);
        }

        public Expression notLike(Object pattern) {
            return like(Op.notLike, ComparisonOperator.NOT_LIKE, pattern);
        }

        /** Case-insensitive LIKE (PostgreSQL's {@code ILIKE}). */
        public Expression iLike(Object pattern) {
            return like(Op.iLike, ComparisonOperator.ILIKE, pattern);
        }

        public Expression notILike(Object pattern) {
            return like(Op.notILike, ComparisonOperator.NOT_ILIKE, pattern);
        }

        /** {@code LIKE 'text%'}; as in Sequelize, {@code %} and {@code _} inside the text still match anything. */
        public Expression startsWith(String text) {
            return op(Op.startsWith, text);
        }

        /** {@code LIKE '%text'}. */
        public Expression endsWith(String text) {
            return op(Op.endsWith, text);
        }

        /** {@code LIKE '%text%'}. */
        public Expression substring(String text) {
            return op(Op.substring, text);
        }

        /** A regular-expression match ({@code ~} on PostgreSQL, {@code REGEXP} on MySQL and MariaDB). */
        public Expression regexp(String pattern) {
            return op(Op.regexp, pattern);
        }

        public Expression notRegexp(String pattern) {
            return op(Op.notRegexp, pattern);
        }

        /** A case-insensitive regular-expression match ({@code ~*}, PostgreSQL). */
        public Expression iRegexp(String pattern) {
            return op(Op.iRegexp, pattern);
        }

        public Expression notIRegexp(String pattern) {
            return op(Op.notIRegexp, pattern);
        }

        public Expression between(Object low, Object high) {
            return op(Op.between, java.util.Arrays.asList(low, high));
        }

        public Expression notBetween(Object low, Object high) {
            return op(Op.notBetween, java.util.Arrays.asList(low, high));
        }

        public Expression in(Object... values) {
            return OperatorConditions.inValues(WhereKeys.target(attribute, new Path(attribute, Op.in)), values, false);
        }

        public Expression notIn(Object... values) {
            return OperatorConditions.inValues(WhereKeys.target(attribute, new Path(attribute, Op.notIn)), values, true);
        }

        public Expression isNull() {
            return op(Op.is, null);
        }

        public Expression isNotNull() {
            return op(Op.not, null);
        }

        /** Equal to any of the values ({@code = ANY (ARRAY[...])}, PostgreSQL). */
        public Expression any(Object... values) {
            return op(Op.any, java.util.Arrays.asList(values));
        }

        /** Equal to all of the values ({@code = ALL (ARRAY[...])}, PostgreSQL). */
        public Expression all(Object... values) {
            return op(Op.all, java.util.Arrays.asList(values));
        }

        /** Shares an element with the array or range ({@code &&}, PostgreSQL). */
        public Expression overlap(Object value) {
            return op(Op.overlap, value);
        }

        /** Contains the array, range, element or JSONB document ({@code @>}, PostgreSQL). */
        public Expression contains(Object value) {
            return op(Op.contains, value);
        }

        /** Is contained in the array, range or JSONB document ({@code <@}, PostgreSQL). */
        public Expression contained(Object value) {
            return op(Op.contained, value);
        }

        /** The range is adjacent to {@code [low, high)} ({@code -|-}, PostgreSQL). */
        public Expression adjacent(Object low, Object high) {
            return op(Op.adjacent, java.util.Arrays.asList(low, high));
        }

        public Expression strictLeft(Object low, Object high) {
            return op(Op.strictLeft, java.util.Arrays.asList(low, high));
        }

        public Expression strictRight(Object low, Object high) {
            return op(Op.strictRight, java.util.Arrays.asList(low, high));
        }

        public Expression noExtendRight(Object low, Object high) {
            return op(Op.noExtendRight, java.util.Arrays.asList(low, high));
        }

        public Expression noExtendLeft(Object low, Object high) {
            return op(Op.noExtendLeft, java.util.Arrays.asList(low, high));
        }

        /** A full-text match ({@code @@}, PostgreSQL): the text against the query. */
        public Expression match(String query) {
            return op(Op.match, query);
        }

        /** Equal to another attribute's column ({@code Op.col}): {@code col("updatedAt").col("createdAt")}. */
        public Expression col(String otherAttribute) {
            return op(Op.col, java.util.Map.of(Op.col, otherAttribute));
        }

        private Expression op(Op op, Object value) {
            Path path = new Path(attribute, op);
            return OperatorConditions.condition(WhereKeys.target(attribute, path), op, value, path);
        }

        // The commonest operators skip condition()'s switch over every operator (see OperatorConditions.ordered).

        private Expression ordered(Op op, ComparisonOperator operator, Object value) {
            Path path = new Path(attribute, op);
            return OperatorConditions.ordered(WhereKeys.target(attribute, path), operator, op, value, path);
        }

        private Expression like(Op op, ComparisonOperator operator, Object pattern) {
            Path path = new Path(attribute, op);
            return OperatorConditions.like(WhereKeys.target(attribute, path), operator, op, pattern, path);
        }
    }

    /**
     * What errors name a condition by, {@code where.age.$gt}: put together only when an error is raised, as
     * conditions are built on every finder call and almost all are fine.
     */
    private record Path(String attribute, Op op) {
        @Override
        public String toString() {
            return "where." + attribute + "." + op.key();
        }
    }
}
