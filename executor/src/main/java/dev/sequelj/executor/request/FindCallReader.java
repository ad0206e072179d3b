package dev.sequelj.executor.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sequelj.ast.error.Suggestions;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.finder.Ordering;
import dev.sequelj.ast.finder.Selection;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.UuidGenerator;
import dev.sequelj.ast.statement.Lock;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.ast.statement.OrderItem.Nulls;
import dev.sequelj.ast.statement.Statement;
import io.vavr.Tuple2;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sequelj.executor.request.JsonShapes.*;

/**
 * Reads the finders' arguments, as Sequelize takes them: {@code findAll}, {@code findOne},
 * {@code findAndCountAll} and {@code count} ({@code [options]}), {@code findByPk} ({@code [key, options]}),
 * {@code findOrCreate} ({@code [{where, defaults, ...}]}), {@code max}/{@code min}/{@code sum}
 * ({@code [attribute, options]}).
 *
 * <p>Options: {@code where}; {@code attributes} as a list ({@code "age"}, {@code ["age", "years"]},
 * {@code [{"$fn": ...}, "n"]}) or {@code {"include": [...], "exclude": [...]}}; {@code order} as a list of
 * {@code "age"}, {@code ["age", "DESC NULLS LAST"]}, {@code [{"$fn": ...}, "DESC"]}, or one expression
 * ({@code {"$random": true}}); {@code group} (a name, an expression, or a list of them); {@code having};
 * {@code limit}; {@code offset}; {@code distinct} and {@code col} (count); {@code lock} ({@code true},
 * {@code "UPDATE"}, {@code "SHARE"}, {@code "KEY SHARE"}, {@code "NO KEY UPDATE"}); {@code paranoid};
 * {@code raw} (accepted, changes no SQL); {@code defaults} (findOrCreate). Names are checked against the
 * model here, so a mistake is reported with its JSON path.
 */
final class FindCallReader {
    private static final List<String> FIND_OPTIONS = List.of("where", "attributes", "order", "group", "having", "limit",
            "offset", "distinct", "col", "lock", "paranoid", "raw");
    private static final List<String> FIND_OR_CREATE_OPTIONS = concat(FIND_OPTIONS, "defaults");
    private static final List<String> ATTRIBUTE_SETS = List.of("include", "exclude");
    private static final Map<String, Lock> LOCKS = Map.of("UPDATE", Lock.UPDATE, "SHARE", Lock.SHARE,
            "KEY SHARE", Lock.KEY_SHARE, "NO KEY UPDATE", Lock.NO_KEY_UPDATE);

    /** The finder methods, as {@code RequestReader} dispatches them. */
    static final List<String> METHODS = List.of("findAll", "findOne", "findByPk", "findOrCreate", "findAndCountAll",
            "count", "max", "min", "sum");

    private FindCallReader() {}

    /** A finder call: its arguments, and its statements in the order Sequelize sends them. */
    static ModelCall call(ModelDefinition model, String method, List<JsonNode> args, Instant now, UuidGenerator uuids) {
        return switch (method) {
            case "findAll", "findOne", "count", "findAndCountAll" -> {
                FindOptions options = options(model, soleOptions(args, method), FIND_OPTIONS);
                try {
                    yield switch (method) {
                        case "findAll" -> new ModelCall(model, method, new CallArguments.FindAll(options),
                                List.of(FindStatements.findAll(model, options)));
                        case "findOne" -> new ModelCall(model, method, new CallArguments.FindOne(options),
                                List.of(FindStatements.findOne(model, options)));
                        case "count" -> new ModelCall(model, method, new CallArguments.Count(options),
                                List.of(FindStatements.count(model, options)));
                        default -> new ModelCall(model, method, new CallArguments.FindAndCountAll(options),
                                FindStatements.findAndCountAll(model, options).statements().toJavaList());
                    };
                } catch (ValidationError e) {
                    // Resolving against the model names its own path from the option on ("where.age (EQ): ...").
                    throw prefixed(e, "args[0]");
                }
            }
            case "findByPk" -> findByPk(model, args);
            case "findOrCreate" -> findOrCreate(model, args, now, uuids);
            case "max", "min", "sum" -> aggregate(model, method, args);
            default -> throw new IllegalArgumentException("not a finder: " + method);
        };
    }

    private static ModelCall findByPk(ModelDefinition model, List<JsonNode> args) {
        if (args.isEmpty() || args.size() > 2) {
            throw error("args", "findByPk takes the key and optionally options, e.g. [5] or [5, {\"attributes\": [\"id\"]}];"
                    + " got " + args.size() + " arguments");
        }
        if (args.size() == 2 && args.get(1).has("where")) {
            throw error("args[1].where", "findByPk finds by the key given as args[0]; leave out where"
                    + " (Sequelize would silently replace it), or use findOne");
        }
        FindOptions options = args.size() == 2 ? options(model, object(args.get(1), "args[1]"), FIND_OPTIONS, "args[1]")
                : FindOptions.options();
        Option<Attribute> key = model.primaryKey().headOption();
        JsonNode keyNode = args.get(0);
        if (keyNode.isContainerNode()) {
            throw error("args[0]", "findByPk takes one primary-key value, got " + describe(keyNode));
        }
        Object value = key.isDefined() ? JsonValues.value(keyNode, key.get().type(), "args[0]") : value(keyNode, false, "args[0]");
        try {
            return new ModelCall(model, "findByPk", new CallArguments.FindByPk(value, options),
                    FindStatements.findByPk(model, value, options).map(s -> (Statement) s).toJavaList());
        } catch (ValidationError e) {
            throw prefixed(e, "args[0]");
        }
    }

    private static ModelCall findOrCreate(ModelDefinition model, List<JsonNode> args, Instant now, UuidGenerator uuids) {
        if (args.size() != 1) {
            throw error("args", "findOrCreate takes one options object with where and defaults,"
                    + " e.g. [{\"where\": {\"email\": \"a@example.com\"}, \"defaults\": {\"age\": 30}}]");
        }
        ObjectNode node = object(args.get(0), "args[0]");
        FindOptions options = options(model, node, FIND_OR_CREATE_OPTIONS, "args[0]");
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (node.has("defaults")) {
            for (Map.Entry<String, JsonNode> entry : object(node.get("defaults"), "args[0].defaults").properties()) {
                String path = "args[0].defaults." + entry.getKey();
                Attribute attribute = attribute(model, entry.getKey(), path);
                defaults.put(entry.getKey(), JsonValues.value(entry.getValue(), attribute.type(), path));
            }
        }
        try {
            return new ModelCall(model, "findOrCreate", new CallArguments.FindOrCreate(options, defaults),
                    FindStatements.findOrCreate(model, options, defaults, now, uuids).statements().toJavaList());
        } catch (ValidationError e) {
            throw prefixed(e, "args[0]");
        }
    }

    private static ModelCall aggregate(ModelDefinition model, String method, List<JsonNode> args) {
        if (args.isEmpty() || args.size() > 2) {
            throw error("args", method + " takes the attribute and optionally options, e.g. [\"age\"] or"
                    + " [\"age\", {\"where\": {...}}]; got " + args.size() + " arguments");
        }
        String attribute = attribute(model, text(args.get(0), "args[0]"), "args[0]").name();
        FindOptions options = args.size() == 2 ? options(model, object(args.get(1), "args[1]"), FIND_OPTIONS, "args[1]")
                : FindOptions.options();
        try {
            CallArguments.Aggregate.Function function = switch (method) {
                case "max" -> CallArguments.Aggregate.Function.MAX;
                case "min" -> CallArguments.Aggregate.Function.MIN;
                default -> CallArguments.Aggregate.Function.SUM;
            };
            Statement statement = switch (function) {
                case MAX -> FindStatements.max(model, attribute, options);
                case MIN -> FindStatements.min(model, attribute, options);
                case SUM -> FindStatements.sum(model, attribute, options);
            };
            return new ModelCall(model, method, new CallArguments.Aggregate(function, attribute, options), List.of(statement));
        } catch (ValidationError e) {
            throw prefixed(e, "args[1]");
        }
    }

    private static FindOptions options(ModelDefinition model, ObjectNode node, List<String> known) {
        return options(model, node, known, "args[0]");
    }

    /** The finder options at {@code path}, every name checked against the model. */
    static FindOptions options(ModelDefinition model, ObjectNode node, List<String> known, String path) {
        checkKeys(node, path, known, "option");
        FindOptions find = FindOptions.options();
        try {
            if (node.has("where")) {
                find = find.where(WhereReader.where(model, object(node.get("where"), path + ".where"), path + ".where"));
            }
            List<String> aliases = new ArrayList<>();
            if (node.has("attributes")) {
                find = attributes(model, find, node.get("attributes"), path + ".attributes", aliases);
            }
            if (node.has("order")) {
                find = order(model, find, node.get("order"), path + ".order", aliases);
            }
            if (node.has("group")) {
                find = group(model, find, node.get("group"), path + ".group");
            }
            if (node.has("having")) {
                find = having(model, find, node.get("having"), path + ".having");
            }
            if (node.has("limit") && !node.get("limit").isNull()) {
                find = find.limit(integer(node.get("limit"), path + ".limit"));
            }
            if (node.has("offset") && !node.get("offset").isNull()) {
                find = find.offset(integer(node.get("offset"), path + ".offset"));
            }
            if (node.has("distinct")) {
                find = find.distinct(bool(node.get("distinct"), path + ".distinct"));
            }
            if (node.has("col")) {
                String col = text(node.get("col"), path + ".col");
                find = find.col(col.equals("*") ? col : attribute(model, col, path + ".col").name());
            }
            if (node.has("lock")) {
                find = lock(find, node.get("lock"), path + ".lock");
            }
            if (node.has("paranoid")) {
                find = find.paranoid(bool(node.get("paranoid"), path + ".paranoid"));
            }
            if (node.has("raw")) {
                find = find.raw(bool(node.get("raw"), path + ".raw"));
            }
            return find;
        } catch (ValidationError e) {
            throw prefixed(e, path);
        }
    }

    /** {@code [...]} or {@code {"include": [...], "exclude": [...]}}; aliases found are added to {@code aliases}. */
    private static FindOptions attributes(ModelDefinition model, FindOptions find, JsonNode node, String path,
                                          List<String> aliases) {
        if (node.isObject()) {
            checkKeys((ObjectNode) node, path, ATTRIBUTE_SETS, "key");
            if (node.has("exclude")) {
                List<String> excluded = new ArrayList<>();
                JsonNode list = array(node.get("exclude"), path + ".exclude");
                for (int i = 0; i < list.size(); i++) {
                    String itemPath = path + ".exclude[" + i + "]";
                    excluded.add(attribute(model, text(list.get(i), itemPath), itemPath).name());
                }
                find = find.excludeAttributes(excluded.toArray(String[]::new));
            }
            if (node.has("include")) {
                find = find.includeAttributes(selections(model, node.get("include"), path + ".include", aliases));
            }
            return find;
        }
        Selection[] selections = selections(model, node, path, aliases);
        if (selections.length == 0) {
            throw error(path, "select at least one attribute");
        }
        return find.attributes(selections);
    }

    private static Selection[] selections(ModelDefinition model, JsonNode node, String path, List<String> aliases) {
        JsonNode list = array(node, path);
        Selection[] selections = new Selection[list.size()];
        for (int i = 0; i < list.size(); i++) {
            String itemPath = path + "[" + i + "]";
            JsonNode item = list.get(i);
            if (item.isArray()) {
                if (item.size() != 2) {
                    throw error(itemPath, "expected [attribute or expression, alias], e.g. [\"age\", \"years\"]");
                }
                String alias = text(item.get(1), itemPath + "[1]");
                selections[i] = source(model, item.get(0), itemPath + "[0]").as(alias);
                aliases.add(alias);
            } else {
                selections[i] = source(model, item, itemPath);
            }
        }
        return selections;
    }

    private static Selection source(ModelDefinition model, JsonNode node, String path) {
        if (node.isTextual()) {
            return Selection.of(attribute(model, node.textValue(), path).name());
        }
        return Selection.of(SqlExpressionReader.expression(node, path));
    }

    /** A list of keys, or one expression; a key is a name, {@code [name or expression, direction]}, or an expression. */
    private static FindOptions order(ModelDefinition model, FindOptions find, JsonNode node, String path,
                                     List<String> aliases) {
        if (node.isObject()) {
            return find.order(SqlExpressionReader.expression(node, path));
        }
        if (!node.isArray()) {
            throw error(path, "expected a list such as [[\"age\", \"DESC\"]], or an expression such as {\"$random\": true};"
                    + " got " + describe(node));
        }
        for (int i = 0; i < node.size(); i++) {
            String itemPath = path + "[" + i + "]";
            JsonNode item = node.get(i);
            if (item.isArray()) {
                if (item.isEmpty() || item.size() > 2) {
                    throw error(itemPath, "expected [attribute, direction], e.g. [\"age\", \"DESC\"]");
                }
                Option<Direction> direction = Option.none();
                Option<Nulls> nulls = Option.none();
                if (item.size() == 2) {
                    try {
                        Tuple2<Option<Direction>, Option<Nulls>> parsed =
                                Ordering.parseDirection(text(item.get(1), itemPath + "[1]"));
                        direction = parsed._1;
                        nulls = parsed._2;
                    } catch (ValidationError e) {
                        throw prefixed(e, itemPath + "[1]");
                    }
                }
                find = find.order(new Ordering(orderKey(model, item.get(0), itemPath + "[0]", aliases), direction, nulls));
            } else {
                find = find.order(new Ordering(orderKey(model, item, itemPath, aliases), Option.none(), Option.none()));
            }
        }
        return find;
    }

    private static Either<String, dev.sequelj.ast.expression.Expression> orderKey(ModelDefinition model, JsonNode node,
                                                                                 String path, List<String> aliases) {
        if (!node.isTextual()) {
            return Either.right(SqlExpressionReader.expression(node, path));
        }
        String name = node.textValue();
        if (!aliases.contains(name) && !model.attributes().containsKey(name)) {
            throw error(path, "'" + name + "' is neither an attribute of model '" + model.name() + "' nor an alias in"
                    + " attributes" + Suggestions.didYouMean(name, model.attributes().keySet().toJavaList())
                    + "; attributes are " + model.attributes().keySet().mkString(", ")
                    + (aliases.isEmpty() ? "" : "; aliases are " + String.join(", ", aliases)));
        }
        return Either.left(name);
    }

    /** A name, an expression, or a list of them. */
    private static FindOptions group(ModelDefinition model, FindOptions find, JsonNode node, String path) {
        if (node.isTextual()) {
            return find.group(attribute(model, node.textValue(), path).name());
        }
        if (node.isObject()) {
            return find.group(SqlExpressionReader.expression(node, path));
        }
        JsonNode list = array(node, path);
        for (int i = 0; i < list.size(); i++) {
            String itemPath = path + "[" + i + "]";
            JsonNode item = list.get(i);
            find = item.isTextual()
                    ? find.group(attribute(model, item.textValue(), itemPath).name())
                    : find.group(SqlExpressionReader.expression(item, itemPath));
        }
        return find;
    }

    /** An object-form condition over attributes and aliases, or one {@code {"$where": ...}}. */
    private static FindOptions having(ModelDefinition model, FindOptions find, JsonNode node, String path) {
        ObjectNode object = object(node, path);
        if (object.has("$where")) {
            return find.having(SqlExpressionReader.expression(object, path));
        }
        return find.having(havingMap(model, object, path));
    }

    private static Map<String, Object> havingMap(ModelDefinition model, ObjectNode object, String path) {
        Map<String, Object> read = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String key = entry.getKey();
            String keyPath = path + "." + key;
            JsonNode value = entry.getValue();
            if (key.equals("$and") || key.equals("$or")) {
                if (value.isArray()) {
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i < value.size(); i++) {
                        items.add(havingItem(model, value.get(i), keyPath + "[" + i + "]"));
                    }
                    read.put(key, items);
                } else {
                    read.put(key, havingItem(model, value, keyPath));
                }
            } else if (key.equals("$not")) {
                read.put(key, havingItem(model, value, keyPath));
            } else {
                // A key that is not an attribute is a selected alias, whose values are untyped.
                read.put(key, WhereReader.condition(value, model.attributes().get(key).map(Attribute::type), keyPath));
            }
        }
        return read;
    }

    private static Object havingItem(ModelDefinition model, JsonNode item, String path) {
        ObjectNode object = object(item, path);
        return object.has("$where") ? SqlExpressionReader.expression(object, path) : havingMap(model, object, path);
    }

    private static FindOptions lock(FindOptions find, JsonNode node, String path) {
        if (node.isBoolean()) {
            return node.booleanValue() ? find.lock(Lock.UPDATE) : find;
        }
        String level = text(node, path);
        Lock lock = LOCKS.get(level);
        if (lock == null) {
            throw error(path, "unknown lock '" + level + "'; expected true, \"UPDATE\", \"SHARE\", \"KEY SHARE\" or \"NO KEY UPDATE\"");
        }
        return find.lock(lock);
    }

    /**
     * The error with the JSON path in front, unless it names a path already ({@code args[0].where.age: ...}):
     * {@code args[0].limit must be 0 or more} for a message that starts with an option's name,
     * {@code args[0]: findOrCreate needs a where} for others.
     */
    private static ValidationError prefixed(ValidationError e, String path) {
        String message = e.getMessage();
        if (message.startsWith("args")) {
            return e;
        }
        String first = message.split("[ .:\\[(]", 2)[0];
        return new ValidationError(path + (FIND_OR_CREATE_OPTIONS.contains(first) ? "." : ": ") + message);
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return List.copyOf(all);
    }
}
