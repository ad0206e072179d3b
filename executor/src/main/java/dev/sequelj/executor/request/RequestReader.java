package dev.sequelj.executor.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sequelj.ast.error.Suggestions;
import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.finder.TableStatements;
import dev.sequelj.ast.finder.WriteStatements;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.model.Pluralizer;
import dev.sequelj.ast.model.UuidGenerator;
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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.sequelj.executor.request.JsonShapes.*;

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
 *   <li>attribute types as Sequelize's {@code DataTypes} spell them ({@code "STRING(100)"}, {@code "DECIMAL(10,2)"},
 *       {@code "ENUM('a','b')"}, {@code "ARRAY(DataTypes.INTEGER)"}, ...) and attribute options {@code type},
 *       {@code allowNull}, {@code defaultValue}, {@code primaryKey}, {@code autoIncrement}, {@code unique},
 *       {@code field}, {@code references}, {@code onDelete}, {@code onUpdate}, {@code comment}
 *       ({@link ModelsReader}, {@link DataTypeReader})</li>
 *   <li>model options {@code timestamps}, {@code createdAt}/{@code updatedAt}/{@code deletedAt},
 *       {@code paranoid}, {@code underscored}, {@code freezeTableName}, {@code tableName}, {@code schema},
 *       {@code indexes}</li>
 *   <li>{@code sync} ({@code [{"force": true}]} or no argument), {@code drop} ({@code [{"cascade": true}]} or none),
 *       and the QueryInterface basics as methods {@code queryInterface.addColumn} etc. ({@link TableCallReader})</li>
 *   <li>the finders {@code findAll}, {@code findOne}, {@code findByPk}, {@code findOrCreate},
 *       {@code findAndCountAll}, {@code count}, {@code max}, {@code min}, {@code sum}, with Sequelize's
 *       arguments and finder options (see {@code FindCallReader}): {@code where} in object form with
 *       operators written {@code "$gt"}, {@code attributes}, {@code order}, {@code group}, {@code having},
 *       {@code limit}, {@code offset}, {@code distinct}, {@code col}, {@code lock}, {@code paranoid},
 *       {@code raw}; Sequelize's helpers as {@code {"$fn": ..., "args": [...]}}, {@code {"$col": ...}},
 *       {@code {"$literal": ...}}, {@code {"$cast": ..., "type": ...}}, {@code {"$random": true}}</li>
 *   <li>the writes, with their Sequelize options as {@link WriteCallReader} lists them: {@code create}
 *       ({@code [values, options]}), {@code bulkCreate}, {@code update}, {@code destroy}, {@code restore},
 *       {@code truncate}, {@code upsert}, {@code increment}, {@code decrement}</li>
 * </ul>
 * A DATE value is written as an ISO-8601 string with an offset ({@code "2024-01-15T10:30:45.123Z"}), in
 * {@code create} values and in where clauses alike. Anything else is a {@link ValidationError} that names
 * the JSON path, e.g. {@code args[0].limitt: unknown option; did you mean limit?}.
 */
public final class RequestReader {
    /** The instant the Sequelize oracle fixes its clock at, so that both stamp created rows alike. */
    public static final Instant ORACLE_NOW = Instant.parse("2024-01-15T10:30:45.123Z");

    private static final List<String> REQUEST_KEYS = List.of("models", "model", "method", "args");
    private static final List<String> REQUEST_LIST_KEYS = List.of("models", "requests");
    private static final List<String> CALL_KEYS = List.of("model", "method", "args");
    private static final List<String> METHODS = concat(List.of("sync", "drop", "create"), FindCallReader.METHODS,
            List.of("bulkCreate", "update", "destroy", "restore", "truncate", "upsert", "increment", "decrement"),
            // DDL: the QueryInterface (helper A)
            List.of("queryInterface.addColumn", "queryInterface.removeColumn", "queryInterface.changeColumn",
                    "queryInterface.renameColumn", "queryInterface.addIndex", "queryInterface.removeIndex"));

    private final Clock clock;
    private final Supplier<UuidGenerator> uuids;

    /**
     * A reader whose writes stamp {@code createdAt}/{@code updatedAt} with the clock's time and fill in
     * UUIDV1/UUIDV4 defaults with random UUIDs, as Sequelize does.
     */
    public RequestReader(Clock clock) {
        this(clock, () -> UuidGenerator.RANDOM);
    }

    /**
     * A reader whose writes stamp the clock's time and take UUIDV1/UUIDV4 defaults from a generator
     * {@code uuids} gives for each request read.
     */
    public RequestReader(Clock clock, Supplier<UuidGenerator> uuids) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.uuids = Objects.requireNonNull(uuids, "uuids");
    }

    /**
     * A reader that says what the Sequelize oracle says: its clock stands still at {@link #ORACLE_NOW}, and
     * UUIDV1/UUIDV4 defaults count from {@code 00000000-0000-4000-8000-000000000001} anew for each request
     * ({@link UuidGenerator#sequential()}), as the oracle's do for each dialect.
     */
    public static RequestReader atOracleTime() {
        return new RequestReader(Clock.fixed(ORACLE_NOW, ZoneOffset.UTC), UuidGenerator::sequential);
    }

    /** Reads a request from JSON text. */
    public ModelCall read(String json) {
        return read(parse(json));
    }

    /**
     * Parses JSON text strictly (a key given twice, or anything after the value, is an error) into the tree
     * {@link #read(JsonNode)} and {@link #readAll(JsonNode)} take.
     */
    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ValidationError("request: not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads a request already parsed into a JSON tree. */
    public ModelCall read(JsonNode request) {
        ObjectNode root = object(request, "request");
        checkKeys(root, "", REQUEST_KEYS, "key");
        Map<String, ModelDefinition> models = ModelsReader.models(required(root, "", "models"));
        return call(models, root);
    }

    /**
     * Reads several requests sharing one set of models, as {@code sequelj exec} takes them:
     * {@code {"models": {...}, "requests": [{"model": ..., "method": ..., "args": [...]}, ...]}}. Every
     * request is read and checked before this returns, and an error names its request:
     * {@code requests[1].args[0].where.age.$gtt: unknown operator; did you mean $gt?}.
     *
     * <pre>{@code
     * List<ModelCall> calls = reader.readAll(RequestReader.parse("""
     *     { "models": { "user": { "attributes": { "firstName": "STRING" } } },
     *       "requests": [ { "model": "user", "method": "sync" },
     *                     { "model": "user", "method": "create", "args": [ { "firstName": "Ada" } ] } ] }"""));
     * }</pre>
     */
    public List<ModelCall> readAll(JsonNode requests) {
        ObjectNode root = object(requests, "request");
        checkKeys(root, "", REQUEST_LIST_KEYS, "key");
        Map<String, ModelDefinition> models = ModelsReader.models(required(root, "", "models"));
        JsonNode list = array(required(root, "", "requests"), "requests");
        if (list.isEmpty()) {
            throw error("requests", "empty; give at least one request such as {\"model\": \"user\", \"method\": \"findAll\"}");
        }
        List<ModelCall> calls = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "requests[" + i + "]";
            ObjectNode request = object(list.get(i), path);
            checkKeys(request, path, CALL_KEYS, "key");
            try {
                calls.add(call(models, request));
            } catch (UnsupportedFeatureError e) {
                throw new UnsupportedFeatureError(path + "." + e.getMessage());
            } catch (ValidationError e) {
                // The readers name paths from the request's own keys (model, method, args...).
                throw new ValidationError(path + "." + e.getMessage());
            }
        }
        return calls;
    }

    /** The call of one request's {@code model}, {@code method} and {@code args}. */
    private ModelCall call(Map<String, ModelDefinition> models, ObjectNode root) {
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
        UuidGenerator requestUuids = uuids.get();
        return switch (method) {
            case "sync" -> TableCallReader.sync(model, args);
            case "drop" -> TableCallReader.drop(model, args);
            case "create" -> WriteCallReader.create(model, args, clock.instant(), requestUuids);
            case "findAll", "findOne", "findByPk", "findOrCreate", "findAndCountAll", "count", "max", "min", "sum" ->
                    FindCallReader.call(model, method, args, clock.instant(), requestUuids);
            // ---- writes (helper D) ----
            case "bulkCreate" -> WriteCallReader.bulkCreate(model, args, clock.instant(), requestUuids);
            case "update" -> WriteCallReader.update(model, args, clock.instant());
            case "destroy" -> WriteCallReader.destroy(model, args, clock.instant());
            case "restore" -> WriteCallReader.restore(model, args);
            case "truncate" -> WriteCallReader.truncate(model, args, clock.instant());
            case "upsert" -> WriteCallReader.upsert(model, args, clock.instant(), requestUuids);
            case "increment", "decrement" -> WriteCallReader.increment(model, method, args, clock.instant());
            // DDL: the QueryInterface (helper A)
            case "queryInterface.addColumn", "queryInterface.removeColumn", "queryInterface.changeColumn",
                 "queryInterface.renameColumn", "queryInterface.addIndex", "queryInterface.removeIndex" ->
                    TableCallReader.queryInterface(model, method, models, args);
            default -> throw error("method", "unknown method '" + method + "'" + Suggestions.didYouMean(method, METHODS)
                    + "; supported: " + String.join(", ", METHODS));
        };
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return List.copyOf(all);
    }
}
