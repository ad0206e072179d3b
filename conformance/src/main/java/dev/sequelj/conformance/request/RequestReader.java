package dev.sequelj.conformance.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sequelj.ast.error.Suggestions;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.ModelStatements;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.model.Pluralizer;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.ast.statement.Statement;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a request, the JSON form shared with the Sequelize oracle and {@code sequelj render}, into the
 * statements Sequelj sends for that model method call.
 *
 * <pre>{@code
 * ModelCall call = RequestReader.atOracleTime().read("""
 *     { "models": { "user": { "attributes": { "firstName": "STRING",
 *                                             "age": {"type": "INTEGER", "allowNull": false} },
 *                             "options": { "timestamps": true } } },
 *       "model": "user", "method": "findAll",
 *       "args": [ { "where": { "age": { "$gt": 18 } }, "limit": 10 } ] }""");
 * SqlRenderer.render(call.statements().get(0), Dialects.POSTGRES).text();
 * // SELECT "id", "firstName", "age", "createdAt", "updatedAt" FROM "users" AS "user" WHERE "user"."age" > ? LIMIT ?;
 * }</pre>
 *
 * <p>What can be said is what the compiler supports:
 * <ul>
 *   <li>attribute types {@code STRING}, {@code STRING(n)}, {@code TEXT}, {@code INTEGER}, {@code BIGINT},
 *       {@code BOOLEAN}, {@code DATE}; attribute options {@code type}, {@code allowNull}, {@code primaryKey},
 *       {@code autoIncrement}, {@code field}</li>
 *   <li>model options {@code timestamps}, {@code freezeTableName}, {@code tableName}</li>
 *   <li>{@code sync} ({@code [{"force": true}]} or no argument), {@code drop} ({@code [{"cascade": true}]} or
 *       none), {@code create} ({@code [values]}), {@code findAll} and {@code findOne} ({@code where} in object
 *       form with operators written {@code "$gt"}, {@code attributes}, {@code order} as
 *       {@code [["age", "DESC"]]}, {@code limit}, {@code offset})</li>
 * </ul>
 * A DATE value is written as an ISO-8601 string with an offset ({@code "2024-01-15T10:30:45.123Z"}), in
 * {@code create} values and in where clauses alike. Anything else is a {@link ValidationError} that names
 * the JSON path, e.g. {@code args[0].limitt: unknown option; did you mean limit?}.
 */
public final class RequestReader {
    /** The instant the Sequelize oracle fixes its clock at, so that both stamp created rows alike. */
    public static final Instant ORACLE_NOW = Instant.parse("2024-01-15T10:30:45.123Z");

    // Duplicate keys would otherwise silently keep the last value.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final List<String> REQUEST_KEYS = List.of("models", "model", "method", "args");
    private static final List<String> MODEL_KEYS = List.of("attributes", "options");
    private static final List<String> ATTRIBUTE_OPTIONS = List.of("type", "allowNull", "primaryKey", "autoIncrement", "field");
    private static final List<String> MODEL_OPTIONS = List.of("timestamps", "freezeTableName", "tableName");
    private static final List<String> METHODS = List.of("sync", "drop", "create", "findAll", "findOne");
    private static final List<String> FIND_OPTIONS = List.of("where", "attributes", "order", "limit", "offset");
    private static final List<String> TYPE_NAMES = List.of("STRING", "TEXT", "INTEGER", "BIGINT", "BOOLEAN", "DATE");
    private static final String SUPPORTED_TYPES = "STRING, STRING(n), TEXT, INTEGER, BIGINT, BOOLEAN, DATE";
    private static final Pattern STRING_OF_LENGTH = Pattern.compile("STRING\\((\\d{1,9})\\)");

    private final Clock clock;

    /** A reader whose {@code create} stamps {@code createdAt}/{@code updatedAt} with the clock's time. */
    public RequestReader(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A reader whose clock stands still at {@link #ORACLE_NOW}, as the Sequelize oracle's does. */
    public static RequestReader atOracleTime() {
        return new RequestReader(Clock.fixed(ORACLE_NOW, ZoneOffset.UTC));
    }

    /** Reads a request from JSON text. */
    public ModelCall read(String json) {
        JsonNode request;
        try {
            request = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ValidationError("request: not valid JSON: " + e.getOriginalMessage());
        }
        return read(request);
    }

    /** Reads a request already parsed into a JSON tree. */
    public ModelCall read(JsonNode request) {
        ObjectNode root = object(request, "request");
        checkKeys(root, "", REQUEST_KEYS, "key");
        Map<String, ModelDefinition> models = models(required(root, "", "models"));
        String modelName = text(required(root, "", "model"), "model");
        ModelDefinition model = models.get(modelName);
        if (model == null) {
            throw error("model", "no model '" + modelName + "' in models" + Suggestions.didYouMean(modelName, models.keySet())
                    + "; defined: " + String.join(", ", models.keySet()));
        }
        String method = text(required(root, "", "method"), "method");
        List<JsonNode> args = new ArrayList<>();
        if (root.has("args")) {
            array(root.get("args"), "args").forEach(args::add);
        }
        List<Statement> statements = switch (method) {
            case "sync" -> sync(model, args);
            case "drop" -> drop(model, args);
            case "create" -> List.of(create(model, args));
            case "findAll", "findOne" -> List.of(select(model, method, args));
            default -> throw error("method", "unknown method '" + method + "'" + Suggestions.didYouMean(method, METHODS)
                    + "; supported: " + String.join(", ", METHODS));
        };
        return new ModelCall(model, method, statements);
    }

    // ---- models ---------------------------------------------------------------------------------

    private static Map<String, ModelDefinition> models(JsonNode node) {
        Map<String, ModelDefinition> models = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object(node, "models").properties()) {
            String name = entry.getKey();
            String path = "models." + name;
            ObjectNode definition = object(entry.getValue(), path);
            checkKeys(definition, path, MODEL_KEYS, "key");
            List<Attribute> attributes = new ArrayList<>();
            for (Map.Entry<String, JsonNode> attribute : object(required(definition, path, "attributes"), path + ".attributes").properties()) {
                attributes.add(attribute(attribute.getKey(), attribute.getValue(), path + ".attributes." + attribute.getKey()));
            }
            ModelOptions options = definition.has("options")
                    ? modelOptions(definition.get("options"), path + ".options")
                    : ModelOptions.options();
            try {
                models.put(name, ModelDefinition.define(name, attributes, options, Pluralizer.SEQUELIZE));
            } catch (ValidationError e) {
                throw error(path, e.getMessage());
            }
        }
        if (models.isEmpty()) {
            throw error("models", "define at least one model");
        }
        return models;
    }

    /** {@code "STRING"}, or {@code {"type": "INTEGER", "allowNull": false, ...}}. */
    private static Attribute attribute(String name, JsonNode spec, String path) {
        if (spec.isTextual()) {
            return Attribute.attribute(name, type(spec.textValue(), path));
        }
        ObjectNode options = object(spec, path);
        checkKeys(options, path, ATTRIBUTE_OPTIONS, "attribute option");
        Attribute attribute = Attribute.attribute(name, type(text(required(options, path, "type"), path + ".type"), path + ".type"));
        // allowNull before primaryKey: a primary key never allows null, whatever allowNull says.
        if (options.has("allowNull")) {
            attribute = attribute.allowNull(bool(options.get("allowNull"), path + ".allowNull"));
        }
        if (options.has("primaryKey")) {
            attribute = attribute.primaryKey(bool(options.get("primaryKey"), path + ".primaryKey"));
        }
        if (options.has("autoIncrement")) {
            attribute = attribute.autoIncrement(bool(options.get("autoIncrement"), path + ".autoIncrement"));
        }
        if (options.has("field")) {
            String field = text(options.get("field"), path + ".field");
            try {
                attribute = attribute.field(field);
            } catch (ValidationError e) {
                throw error(path + ".field", e.getMessage());
            }
        }
        return attribute;
    }

    private static DataType type(String spec, String path) {
        switch (spec) {
            case "STRING" -> { return DataTypes.STRING; }
            case "TEXT" -> { return DataTypes.TEXT; }
            case "INTEGER" -> { return DataTypes.INTEGER; }
            case "BIGINT" -> { return DataTypes.BIGINT; }
            case "BOOLEAN" -> { return DataTypes.BOOLEAN; }
            case "DATE" -> { return DataTypes.DATE; }
            default -> {
                Matcher length = STRING_OF_LENGTH.matcher(spec);
                if (length.matches()) {
                    try {
                        return DataTypes.STRING(Integer.parseInt(length.group(1)));
                    } catch (ValidationError e) {
                        throw error(path, e.getMessage());
                    }
                }
                throw error(path, "unknown type '" + spec + "'" + Suggestions.didYouMean(spec, TYPE_NAMES)
                        + "; supported: " + SUPPORTED_TYPES);
            }
        }
    }

    private static ModelOptions modelOptions(JsonNode node, String path) {
        ObjectNode options = object(node, path);
        checkKeys(options, path, MODEL_OPTIONS, "model option");
        ModelOptions read = ModelOptions.options();
        if (options.has("timestamps")) {
            read = read.timestamps(bool(options.get("timestamps"), path + ".timestamps"));
        }
        if (options.has("freezeTableName")) {
            read = read.freezeTableName(bool(options.get("freezeTableName"), path + ".freezeTableName"));
        }
        if (options.has("tableName")) {
            String tableName = text(options.get("tableName"), path + ".tableName");
            try {
                read = read.tableName(tableName);
            } catch (ValidationError e) {
                throw error(path + ".tableName", e.getMessage());
            }
        }
        return read;
    }

    // ---- methods --------------------------------------------------------------------------------

    /** {@code sync()}: CREATE TABLE; {@code sync({force: true})}: DROP TABLE ... CASCADE first, as Sequelize does. */
    private static List<Statement> sync(ModelDefinition model, List<JsonNode> args) {
        ObjectNode options = soleOptions(args, "sync");
        checkKeys(options, "args[0]", List.of("force"), "option");
        boolean force = options.has("force") && bool(options.get("force"), "args[0].force");
        Statement.CreateTable create = ModelStatements.createTable(model);
        return force ? List.of(ModelStatements.dropTable(model, true), create) : List.of(create);
    }

    private static List<Statement> drop(ModelDefinition model, List<JsonNode> args) {
        ObjectNode options = soleOptions(args, "drop");
        checkKeys(options, "args[0]", List.of("cascade"), "option");
        boolean cascade = options.has("cascade") && bool(options.get("cascade"), "args[0].cascade");
        return List.of(ModelStatements.dropTable(model, cascade));
    }

    private Statement create(ModelDefinition model, List<JsonNode> args) {
        if (args.size() != 1) {
            throw error("args", "create takes exactly one argument, the values, e.g. [{\"firstName\": \"John\"}]"
                    + (args.size() > 1 ? "; create options are not supported" : ""));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object(args.get(0), "args[0]").properties()) {
            String path = "args[0]." + entry.getKey();
            Attribute attribute = attribute(model, entry.getKey(), path);
            values.put(entry.getKey(), value(entry.getValue(), attribute.type() instanceof DataType.DateType, path));
        }
        try {
            return ModelStatements.create(model, values, clock.instant());
        } catch (ValidationError e) {
            throw error("args[0]", e.getMessage());
        }
    }

    private static Statement.Select select(ModelDefinition model, String method, List<JsonNode> args) {
        ObjectNode options = soleOptions(args, method);
        checkKeys(options, "args[0]", FIND_OPTIONS, "option");
        FindOptions find = FindOptions.options();
        try {
            if (options.has("where")) {
                find = find.where(where(model, object(options.get("where"), "args[0].where"), "args[0].where"));
            }
            if (options.has("attributes")) {
                List<String> names = new ArrayList<>();
                int i = 0;
                for (JsonNode name : array(options.get("attributes"), "args[0].attributes")) {
                    String path = "args[0].attributes[" + i++ + "]";
                    names.add(attribute(model, text(name, path), path).name());
                }
                find = find.attributes(names.toArray(String[]::new));
            }
            if (options.has("order")) {
                int i = 0;
                for (JsonNode item : array(options.get("order"), "args[0].order")) {
                    String path = "args[0].order[" + i++ + "]";
                    if (!item.isArray() || item.size() != 2) {
                        throw error(path, "expected [attribute, direction], e.g. [\"age\", \"DESC\"]");
                    }
                    String name = attribute(model, text(item.get(0), path + "[0]"), path + "[0]").name();
                    find = find.order(name, direction(text(item.get(1), path + "[1]"), path + "[1]"));
                }
            }
            if (options.has("limit")) {
                find = find.limit(integer(options.get("limit"), "args[0].limit"));
            }
            if (options.has("offset")) {
                find = find.offset(integer(options.get("offset"), "args[0].offset"));
            }
            return method.equals("findOne") ? ModelStatements.findOne(model, find) : ModelStatements.findAll(model, find);
        } catch (ValidationError e) {
            // The where parser and FindOptions name their own path from the option on ("where.age.$gtt: ...",
            // "limit must be 0 or more"); errors of ours already start with "args".
            String message = e.getMessage();
            throw message.startsWith("args") ? e : new ValidationError("args[0]." + message);
        }
    }

    private static Direction direction(String text, String path) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "ASC" -> Direction.ASC;
            case "DESC" -> Direction.DESC;
            default -> throw error(path, "unknown direction '" + text + "'; expected ASC or DESC");
        };
    }

    /**
     * The where object as the plain maps, lists and values {@link FindOptions#where(Map)} reads. Attribute
     * names are checked here, so an unknown one is reported with its full path, and strings given to a
     * DATE attribute become instants. Operators stay as written ({@code "$gt"}): the where parser
     * understands them and reports misspelt ones.
     */
    private static Map<String, Object> where(ModelDefinition model, ObjectNode where, String path) {
        Map<String, Object> read = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : where.properties()) {
            String key = entry.getKey();
            String keyPath = path + "." + key;
            if (key.startsWith("$")) {
                read.put(key, logicalOperand(model, entry.getValue(), keyPath));
            } else {
                boolean isDate = attribute(model, key, keyPath).type() instanceof DataType.DateType;
                read.put(key, condition(entry.getValue(), isDate, keyPath));
            }
        }
        return read;
    }

    /** The operand of {@code $and}/{@code $or} (a list of where objects, or one) or {@code $not} (one). */
    private static Object logicalOperand(ModelDefinition model, JsonNode operand, String path) {
        if (operand.isObject()) {
            return where(model, (ObjectNode) operand, path);
        }
        if (operand.isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < operand.size(); i++) {
                JsonNode item = operand.get(i);
                String itemPath = path + "[" + i + "]";
                items.add(item.isObject() ? where(model, (ObjectNode) item, itemPath) : value(item, false, itemPath));
            }
            return items;
        }
        return value(operand, false, path);
    }

    /** An attribute's condition: a value, a list (IN), or a map of operators to values. */
    private static Object condition(JsonNode node, boolean isDate, String path) {
        if (node.isObject()) {
            Map<String, Object> operators = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                // A LIKE pattern on a date column is text, not a date.
                boolean pattern = entry.getKey().equals("$like") || entry.getKey().equals("$notLike");
                operators.put(entry.getKey(), condition(entry.getValue(), isDate && !pattern, path + "." + entry.getKey()));
            }
            return operators;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                items.add(condition(node.get(i), isDate, path + "[" + i + "]"));
            }
            return items;
        }
        return value(node, isDate, path);
    }

    // ---- values and JSON shapes -----------------------------------------------------------------

    /** A JSON scalar as Java: String, Boolean, Integer/Long/BigInteger, Double, null; for a DATE, text becomes an Instant. */
    private static Object value(JsonNode node, boolean isDate, String path) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return isDate ? instant(node.textValue(), path) : node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        throw error(path, "expected a string, number, boolean or null, got " + describe(node));
    }

    private static Instant instant(String text, String path) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw error(path, "'" + text + "' is not an ISO-8601 date-time with an offset, such as 2024-01-15T10:30:45.123Z");
        }
    }

    private static Attribute attribute(ModelDefinition model, String name, String path) {
        try {
            return model.attribute(name);
        } catch (ValidationError e) {
            throw error(path, e.getMessage());
        }
    }

    /** The options object of a method that takes at most one argument; empty when none is given. */
    private static ObjectNode soleOptions(List<JsonNode> args, String method) {
        if (args.size() > 1) {
            throw error("args", method + " takes at most one argument, an options object; got " + args.size());
        }
        return args.isEmpty() ? JSON.createObjectNode() : object(args.get(0), "args[0]");
    }

    private static void checkKeys(ObjectNode node, String path, List<String> known, String what) {
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String key = property.getKey();
            if (!known.contains(key)) {
                throw error(path.isEmpty() ? key : path + "." + key, "unknown " + what
                        + Suggestions.nearest(key, known).map(s -> "; did you mean " + s + "?")
                                .getOrElse(() -> "; expected one of " + String.join(", ", known)));
            }
        }
    }

    private static JsonNode required(ObjectNode node, String path, String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw error(path.isEmpty() ? key : path + "." + key, "missing");
        }
        return value;
    }

    private static ObjectNode object(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw error(path, "expected an object, got " + describe(node));
    }

    private static JsonNode array(JsonNode node, String path) {
        if (node.isArray()) {
            return node;
        }
        throw error(path, "expected an array, got " + describe(node));
    }

    private static String text(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue();
        }
        throw error(path, "expected a string, got " + describe(node));
    }

    private static boolean bool(JsonNode node, String path) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        throw error(path, "expected true or false, got " + describe(node));
    }

    private static int integer(JsonNode node, String path) {
        if (node.isInt()) {
            return node.intValue();
        }
        throw error(path, "expected a whole number, got " + describe(node));
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING, NUMBER, BOOLEAN -> node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static ValidationError error(String path, String detail) {
        return new ValidationError(path + ": " + detail);
    }
}
