package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Expression.ArrayValue;
import dev.sequelj.ast.expression.Expression.Column;
import dev.sequelj.ast.expression.Expression.JsonPath;
import dev.sequelj.ast.expression.Expression.Param;
import dev.sequelj.ast.expression.Expression.Quantified;
import dev.sequelj.ast.expression.JsonCast;
import dev.sequelj.ast.expression.Parameter;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.EnumSet;
import java.util.Set;

/**
 * Binds a where clause to a model: attribute names become qualified columns ({@code "user"."first_name"}),
 * JSON paths are checked to start from a JSON attribute and get the cast Sequelize gives the compared
 * value, and every value is checked against its attribute's type and given that type. Unknown
 * attributes, ill-typed values and operators that do not apply to an attribute's type are
 * {@link ValidationError}s naming the attribute (or JSON path) and the operator, raised before any SQL
 * exists. Whether a database has an operator at all is the dialect's question, asked when rendering.
 */
final class WhereResolver {
    private final ModelDefinition model;
    /** What columns are qualified by: the model's alias in a SELECT, nothing in an UPDATE or DELETE. */
    private final Option<String> qualifier;

    private WhereResolver(ModelDefinition model, Option<String> qualifier) {
        this.model = model;
        this.qualifier = qualifier;
    }

    /** Resolves with columns qualified by the model's name, the alias its SELECT gives the table. */
    static Expression resolve(ModelDefinition model, Expression where) {
        return resolve(model, where, Option.some(model.name()));
    }

    /**
     * Resolves with columns qualified by {@code qualifier}, or not qualified at all when it is empty:
     * an UPDATE or DELETE names its one table without an alias ({@code WHERE "id" = ?}), as Sequelize's do.
     */
    static Expression resolve(ModelDefinition model, Expression where, Option<String> qualifier) {
        return new WhereResolver(model, qualifier).resolve(where);
    }

    /** The comparisons that make sense on a scalar: a column's value or a value inside JSON. */
    private static final Set<ComparisonOperator> SCALAR = EnumSet.of(ComparisonOperator.EQ, ComparisonOperator.NE,
            ComparisonOperator.GT, ComparisonOperator.GTE, ComparisonOperator.LT, ComparisonOperator.LTE);
    /** The comparisons that take a text pattern or query. */
    private static final Set<ComparisonOperator> TEXTUAL = EnumSet.of(ComparisonOperator.LIKE, ComparisonOperator.NOT_LIKE,
            ComparisonOperator.ILIKE, ComparisonOperator.NOT_ILIKE, ComparisonOperator.REGEXP, ComparisonOperator.NOT_REGEXP,
            ComparisonOperator.IREGEXP, ComparisonOperator.NOT_IREGEXP, ComparisonOperator.MATCH);
    /** The comparisons that can be quantified over an array ({@code > ANY (...)}, {@code LIKE ALL (...)}). */
    private static final Set<ComparisonOperator> QUANTIFIABLE = EnumSet.of(ComparisonOperator.EQ, ComparisonOperator.NE,
            ComparisonOperator.GT, ComparisonOperator.GTE, ComparisonOperator.LT, ComparisonOperator.LTE,
            ComparisonOperator.LIKE, ComparisonOperator.NOT_LIKE, ComparisonOperator.ILIKE, ComparisonOperator.NOT_ILIKE);

    /**
     * What kind of values an attribute holds, which decides the operators that apply to it. BYTES (BLOB)
     * compare only for equality; ARRAY with a list ({@code = ARRAY[...]}) and by {@code $contains},
     * {@code $contained}, {@code $overlap}; VIRTUAL has no column and takes no condition.
     */
    private enum Family { TEXT, NUMBER, BOOLEAN, DATE, JSON, JSONB, ARRAY, BYTES, VIRTUAL }

    private static Family family(DataType type) {
        return switch (type) {
            case DataType.StringType s -> Family.TEXT;
            case DataType.CharType c -> Family.TEXT;
            case DataType.TextType t -> Family.TEXT;
            case DataType.CitextType c -> Family.TEXT;
            case DataType.EnumType e -> Family.TEXT;
            case DataType.UuidType u -> Family.TEXT;
            case DataType.IntegralType i -> Family.NUMBER;
            case DataType.FloatingType f -> Family.NUMBER;
            case DataType.DecimalType d -> Family.NUMBER;
            case DataType.BooleanType b -> Family.BOOLEAN;
            case DataType.DateType d -> Family.DATE;
            case DataType.DateOnlyType d -> Family.DATE;
            case DataType.TimeType t -> Family.DATE;
            case DataType.JsonType j -> Family.JSON;
            case DataType.JsonbType j -> Family.JSONB;
            case DataType.ArrayType a -> Family.ARRAY;
            case DataType.BlobType b -> Family.BYTES;
            case DataType.VirtualType v -> Family.VIRTUAL;
        };
    }

    /**
     * What a condition is on: an attribute's column, or a path inside a JSON attribute.
     *
     * @param name how messages name it: {@code age}, {@code meta.address.city}
     */
    private record Target(Attribute attribute, Column column, Option<JsonPath> json, String name) {
        boolean isJson() {
            return json.isDefined();
        }

        /** The left side of the resolved condition: the column, or the path with the given cast. */
        Expression left(Option<JsonCast> cast) {
            return json.isDefined() ? new JsonPath(column, json.get().path(), cast) : column;
        }

        Option<JsonCast> explicitCast() {
            return json.flatMap(JsonPath::cast);
        }

        ValidationError error(String operator, String detail) {
            return new ValidationError("where." + name + " (" + operator + "): " + detail);
        }
    }

    private Expression resolve(Expression where) {
        return switch (where) {
            case Column c -> column(c);
            case Param p -> throw new ValidationError("a where clause compares attributes; a bare value "
                    + WhereObject.describe(p.value()) + " cannot stand on its own");
            case Expression.Comparison c -> comparison(c);
            case Expression.IsNull n -> new Expression.IsNull(target(n.operand()).left(Option.none()), n.negated());
            case Expression.IsBoolean b -> isBoolean(b);
            case Expression.In in -> in(in);
            case Expression.Between between -> between(between);
            case Expression.And and -> new Expression.And(and.operands().map(e -> resolve(e)));
            case Expression.Or or -> new Expression.Or(or.operands().map(e -> resolve(e)));
            case Expression.Not not -> new Expression.Not(resolve(not.operand()));
            case Quantified q -> throw standsAlone(q);
            case ArrayValue a -> throw standsAlone(a);
            case Expression.RangeValue r -> throw standsAlone(r);
            case JsonPath j -> throw standsAlone(j);
            // ---- finder expressions (fn, col, literal, cast, random): built by SqlExpressions, resolved already
            case Expression.FunctionCall f -> f;
            case Expression.ColumnName c -> c;
            case Expression.Literal l -> l;
            case Expression.Cast c -> c;
            case Expression.Random r -> r;
        };
    }

    private static ValidationError standsAlone(Expression expression) {
        return new ValidationError("a where clause is made of conditions; " + expression + " cannot stand on its own");
    }

    // ---- comparisons --------------------------------------------------------------------------------

    private Expression comparison(Expression.Comparison comparison) {
        Target target = target(comparison.left());
        ComparisonOperator operator = comparison.operator();
        return switch (comparison.right()) {
            case Column other -> {
                if (!SCALAR.contains(operator) && !TEXTUAL.contains(operator)) {
                    throw target.error(operator.name(), operator.sequelizeKey() + " cannot compare with another attribute's column");
                }
                yield new Expression.Comparison(target.left(target.explicitCast()), operator, column(other, target, operator));
            }
            case Quantified quantified -> quantified(target, operator, quantified);
            case Param param -> target.isJson()
                    ? jsonComparison(target, operator, param.value())
                    : columnComparison(target, operator, param);
            default -> throw target.error(operator.name(), "compares with a value, got " + comparison.right());
        };
    }

    private Expression columnComparison(Target target, ComparisonOperator operator, Param value) {
        Attribute attribute = target.attribute();
        Family family = family(attribute.type());
        String context = operator.name();
        if (SCALAR.contains(operator)) {
            if (value.value() == null) {
                throw target.error(context, operator + " needs a value to compare with, not null (use IS NULL: {\""
                        + attribute.name() + "\": null})");
            }
            requireScalar(target, family, operator);
            if (family == Family.BYTES && operator != ComparisonOperator.EQ && operator != ComparisonOperator.NE) {
                throw target.error(context, operator.sequelizeKey() + " does not order bytes; " + typeOf(attribute)
                        + ", which compares only with $eq, $ne, $in or null");
            }
            return new Expression.Comparison(target.column(), operator, param(attribute, value, context));
        }
        if (TEXTUAL.contains(operator)) {
            if (family != Family.TEXT) {
                throw target.error(context, operator.sequelizeKey() + " compares text; " + typeOf(attribute)
                        + (family == Family.DATE ? " (compare dates with $gte/$lt or $between)" : ""));
            }
            // A parameter's pattern is text whatever the attribute's type (LIKE 'J%' on an ENUM): checked as TEXT when bound.
            DataType type = value.value() instanceof Parameter ? DataTypes.TEXT : attribute.type();
            return new Expression.Comparison(target.column(), operator, new Param(value.value(), Option.some(type)));
        }
        if (family == Family.ARRAY && (operator == ComparisonOperator.CONTAINS || operator == ComparisonOperator.CONTAINED
                || operator == ComparisonOperator.OVERLAP)) {
            return new Expression.Comparison(target.column(), operator, arrayValue(target, context, value.value()));
        }
        return switch (operator) {
            case CONTAINS, CONTAINED -> {
                if (family == Family.JSONB) {
                    // The document is checked as a value of the attribute, as create checks it.
                    yield new Expression.Comparison(target.column(), operator, param(attribute, value, context));
                }
                if (family == Family.JSON) {
                    throw target.error(context, operator.sequelizeKey() + " compares JSON documents by containment, which"
                            + " only JSONB can; " + typeOf(attribute) + " (declare it DataTypes.JSONB)");
                }
                throw target.error(context, operator.sequelizeKey() + " compares arrays, ranges and JSONB documents;"
                        + " " + typeOf(attribute));
            }
            case OVERLAP -> throw target.error(context, "$overlap compares arrays and ranges; " + typeOf(attribute));
            default -> throw target.error(context, operator.sequelizeKey() + " compares ranges; " + typeOf(attribute));
        };
    }

    private static void requireScalar(Target target, Family family, ComparisonOperator operator) {
        if (family == Family.JSON || family == Family.JSONB) {
            throw target.error(operator.name(), operator.sequelizeKey() + " does not compare a whole JSON document;"
                    + " compare a value inside it, e.g. {\"" + target.name() + "\": {\"key\": value}}, or test it for null");
        }
        if (family == Family.ARRAY) {
            throw target.error(operator.name(), operator.sequelizeKey() + " does not compare an ARRAY attribute; compare it"
                    + " with a whole list ({\"" + target.name() + "\": [1, 2]}), by $contains, $contained or $overlap,"
                    + " or test it for null");
        }
    }

    /**
     * A list compared with an ARRAY attribute: {@code ARRAY[?, ?]::INTEGER[]}, each element checked against
     * the element type, as Sequelize writes {@code "tags" @> ARRAY['a']::VARCHAR(255)[]}.
     */
    private ArrayValue arrayValue(Target target, String context, Object list) {
        DataType.ArrayType type = (DataType.ArrayType) target.attribute().type();
        if (!OperatorConditions.isList(list)) {
            throw target.error(context, typeOf(target.attribute()) + " and compares with a list of "
                    + DataTypes.describe(type.element()) + " values, e.g. [1, 2]; got " + WhereObject.describe(list));
        }
        if (type.element() instanceof DataType.EnumType || type.element() instanceof DataType.ArrayType) {
            // PostgreSQL names an ENUM's type after its table and column, which a value's cast cannot say.
            throw target.error(context, typeOf(target.attribute()) + "; comparing it with a list is not supported for"
                    + " ENUM or nested ARRAY elements");
        }
        Seq<Expression> elements = OperatorConditions.list(list).zipWithIndex().map(item -> {
            try {
                return (Expression) new Param(ValueChecker.checkValue(model.name() + "." + target.attribute().name() + "["
                        + item._2 + "]", type.element(), item._1), Option.some(type.element()));
            } catch (ValidationError e) {
                throw target.error(context, e.getMessage());
            }
        });
        return new ArrayValue(elements, Option.some(type.element()));
    }

    /** {@code op ANY (ARRAY[...])}; an empty list stays empty, for the renderer to write as the constant it is. */
    private Expression quantified(Target target, ComparisonOperator operator, Quantified quantified) {
        String context = operator.name();
        if (!QUANTIFIABLE.contains(operator)) {
            throw target.error(context, operator.sequelizeKey() + " cannot be combined with $any/$all");
        }
        Seq<Expression> values = quantified.array().elements();
        Seq<Object> raw = values.map(v -> asParam(v).value());
        if (target.isJson()) {
            raw.forEach(v -> jsonScalar(target, context, v));
            Option<JsonCast> cast = target.explicitCast().orElse(() -> raw.headOption().flatMap(WhereResolver::implicitCast));
            return new Expression.Comparison(target.left(cast), operator,
                    new Quantified(quantified.quantifier(), new ArrayValue(raw.map(v -> new Param(v, Option.none())), Option.none())));
        }
        Attribute attribute = target.attribute();
        Family family = family(attribute.type());
        requireScalar(target, family, operator);
        if (family == Family.BYTES && operator != ComparisonOperator.EQ && operator != ComparisonOperator.NE) {
            throw target.error(context, operator.sequelizeKey() + " does not order bytes; " + typeOf(attribute));
        }
        if (TEXTUAL.contains(operator) && family != Family.TEXT) {
            throw target.error(context, operator.sequelizeKey() + " compares text; " + typeOf(attribute));
        }
        Seq<Expression> typed = values.map(v -> param(attribute, asParam(v), context));
        return new Expression.Comparison(target.column(), operator,
                new Quantified(quantified.quantifier(), new ArrayValue(typed, Option.none())));
    }

    // ---- values inside JSON -------------------------------------------------------------------------

    /**
     * A value inside JSON compared as Sequelize compares it: text as text, numbers after a cast to double
     * precision, booleans after a cast to boolean, unless the path names its own cast ({@code ::integer}).
     */
    private Expression jsonComparison(Target target, ComparisonOperator operator, Object value) {
        String context = operator.name();
        if (!SCALAR.contains(operator) && !TEXTUAL.contains(operator)) {
            throw target.error(context, operator.sequelizeKey() + " does not apply to a value inside JSON; use $eq, $ne,"
                    + " $gt, $gte, $lt, $lte, $in, $between, $like or $regexp there");
        }
        if (value == null) {
            throw target.error(context, operator + " needs a value to compare with, not null (use IS NULL: {\"$is\": null})");
        }
        jsonScalar(target, context, value);
        Option<JsonCast> cast = TEXTUAL.contains(operator) ? target.explicitCast()
                : target.explicitCast().orElse(() -> implicitCast(value));
        return new Expression.Comparison(target.left(cast), operator, new Param(value, Option.none()));
    }

    private Object jsonScalar(Target target, String context, Object value) {
        if (value instanceof Parameter parameter) {
            throw target.error(context, "parameter '" + parameter.name() + "' cannot stand for a value inside JSON, whose"
                    + " comparison is cast by the value's type; give the value itself");
        }
        boolean finite = !(value instanceof Double d && !Double.isFinite(d)) && !(value instanceof Float f && !Float.isFinite(f));
        if (value == null || value instanceof CharSequence || value instanceof Boolean || (value instanceof Number && finite)) {
            return value instanceof CharSequence text ? text.toString() : value;
        }
        throw target.error(context, "a value inside JSON compares with a String, a finite Number, a Boolean or null; got "
                + WhereObject.describe(value));
    }

    /** Sequelize's cast for a compared value: numbers as double precision, booleans as boolean, text as it is. */
    private static Option<JsonCast> implicitCast(Object value) {
        return switch (value) {
            case Number n -> Option.some(JsonCast.DOUBLE_PRECISION);
            case Boolean b -> Option.some(JsonCast.BOOLEAN);
            case null, default -> Option.none();
        };
    }

    // ---- IS TRUE, IN, BETWEEN -----------------------------------------------------------------------

    private Expression isBoolean(Expression.IsBoolean is) {
        Target target = target(is.operand());
        if (target.isJson()) {
            return new Expression.IsBoolean(target.left(target.explicitCast().orElse(Option.some(JsonCast.BOOLEAN))),
                    is.value(), is.negated());
        }
        if (family(target.attribute().type()) != Family.BOOLEAN) {
            throw target.error(is.negated() ? "IS NOT" : "IS", "IS " + (is.negated() ? "NOT " : "") + is.value()
                    + " tests a BOOLEAN; " + typeOf(target.attribute()) + " (compare it with $eq, or test it for null)");
        }
        return new Expression.IsBoolean(target.column(), is.value(), is.negated());
    }

    private Expression in(Expression.In in) {
        Target target = target(in.operand());
        if (target.isJson()) {
            Seq<Object> values = in.values().map(v -> jsonScalar(target, "IN", asParam(v).value()));
            Option<JsonCast> cast = target.explicitCast()
                    .orElse(() -> values.find(v -> v != null).flatMap(WhereResolver::implicitCast));
            return new Expression.In(target.left(cast), values.map(v -> new Param(v, Option.none())), in.negated());
        }
        Attribute attribute = target.attribute();
        if (family(attribute.type()) == Family.ARRAY) {
            // A list given to an ARRAY attribute is the whole array: "tags" = ARRAY[...], as in Sequelize.
            String context = in.negated() ? "NE" : "EQ";
            return new Expression.Comparison(target.column(), in.negated() ? ComparisonOperator.NE : ComparisonOperator.EQ,
                    arrayValue(target, context, in.values().map(v -> asParam(v).value()).toJavaList()));
        }
        requireScalar(target, family(attribute.type()), ComparisonOperator.EQ);
        return new Expression.In(target.column(), in.values().map(v -> param(attribute, asParam(v), "IN")), in.negated());
    }

    private Expression between(Expression.Between between) {
        Target target = target(between.operand());
        Object low = asParam(between.low()).value();
        Object high = asParam(between.high()).value();
        String context = between.negated() ? "NOT BETWEEN" : "BETWEEN";
        if (target.isJson()) {
            jsonScalar(target, context, low);
            jsonScalar(target, context, high);
            return new Expression.Between(target.left(target.explicitCast().orElse(() -> implicitCast(low))),
                    new Param(low, Option.none()), new Param(high, Option.none()), between.negated());
        }
        Attribute attribute = target.attribute();
        requireScalar(target, family(attribute.type()), ComparisonOperator.GTE);
        if (family(attribute.type()) == Family.BYTES) {
            throw target.error(context, context + " does not order bytes; " + typeOf(attribute)
                    + ", which compares only with $eq, $ne, $in or null");
        }
        return new Expression.Between(target.column(), param(attribute, asParam(between.low()), context),
                param(attribute, asParam(between.high()), context), between.negated());
    }

    // ---- names and values -------------------------------------------------------------------------

    /** The attribute (and JSON path) a condition is on; a path must start from a JSON attribute. */
    private Target target(Expression operand) {
        return switch (operand) {
            case Column c when c.qualifier().isEmpty() -> {
                Attribute attribute = model.attribute(c.name());
                if (family(attribute.type()) == Family.VIRTUAL) {
                    throw new ValidationError("where." + attribute.name() + ": " + typeOf(attribute)
                            + ", which has no column, so no condition can be on it");
                }
                yield new Target(attribute, qualified(attribute), Option.none(), attribute.name());
            }
            case JsonPath p when p.column().qualifier().isEmpty() -> {
                String name = p.column().name() + "." + p.path().mkString(".");
                Attribute attribute;
                try {
                    attribute = model.attribute(p.column().name());
                } catch (ValidationError e) {
                    throw new ValidationError("where." + name + ": " + e.getMessage());
                }
                Family family = family(attribute.type());
                if (family != Family.JSON && family != Family.JSONB) {
                    throw new ValidationError("where." + name + ": " + typeOf(attribute) + ", not JSON; a path such as "
                            + attribute.name() + ".key reaches only into a JSON or JSONB attribute");
                }
                yield new Target(attribute, qualified(attribute), Option.some(p), name);
            }
            default -> throw new ValidationError("a condition must start from an attribute, got " + operand);
        };
    }

    /**
     * The column {@code $col} names: an attribute of this model, by name or as {@code "<model>.<attribute>"}.
     */
    private Column column(Column other, Target target, ComparisonOperator operator) {
        String name = other.name();
        String prefix = model.name() + ".";
        if (name.startsWith(prefix)) {
            name = name.substring(prefix.length());
        } else if (name.contains(".") && !model.attributes().containsKey(name)) {
            throw target.error(operator.name(), "$col '" + other.name() + "' names another model's attribute; only "
                    + model.name() + "'s attributes can be compared here (\"" + model.name() + ".<attribute>\" or \"<attribute>\")");
        }
        try {
            return qualified(model.attribute(name));
        } catch (ValidationError e) {
            throw target.error(operator.name(), "$col: " + e.getMessage());
        }
    }

    private Param param(Attribute attribute, Param param, String context) {
        if (param.value() instanceof Parameter) {
            return new Param(param.value(), Option.some(attribute.type())); // its value is checked when it is bound
        }
        try {
            return new Param(ValueChecker.check(model.name(), attribute, param.value()), Option.some(attribute.type()));
        } catch (ValidationError e) {
            throw new ValidationError("where." + attribute.name() + " (" + context + "): " + e.getMessage());
        }
    }

    /** A bare column given as a condition resolves to its qualified column (kept from the first where form). */
    private Column column(Column column) {
        return qualified(model.attribute(column.name()));
    }

    private Column qualified(Attribute attribute) {
        return new Column(qualifier, attribute.field());
    }

    private String typeOf(Attribute attribute) {
        return model.name() + "." + attribute.name() + " is " + DataTypes.describe(attribute.type());
    }

    private static Param asParam(Expression expression) {
        if (expression instanceof Param param) {
            return param;
        }
        throw new ValidationError("a condition compares an attribute with a value, got " + expression);
    }
}
