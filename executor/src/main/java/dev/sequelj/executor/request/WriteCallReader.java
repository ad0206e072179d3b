package dev.sequelj.executor.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.finder.BulkCreateOptions;
import dev.sequelj.ast.finder.CreateOptions;
import dev.sequelj.ast.finder.DestroyOptions;
import dev.sequelj.ast.finder.IncrementOptions;
import dev.sequelj.ast.finder.RestoreOptions;
import dev.sequelj.ast.finder.Returning;
import dev.sequelj.ast.finder.UpdateOptions;
import dev.sequelj.ast.finder.UpsertOptions;
import dev.sequelj.ast.finder.WriteStatements;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.UuidGenerator;
import dev.sequelj.ast.statement.Statement;
import io.vavr.control.Either;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dev.sequelj.executor.request.JsonShapes.*;

/**
 * Reads the write methods' arguments, positional as in Sequelize, and builds their statements:
 * <ul>
 *   <li>{@code create: [values, {fields, returning, ignoreDuplicates, silent}]}</li>
 *   <li>{@code bulkCreate: [[values, ...], {fields, returning, ignoreDuplicates, updateOnDuplicate, conflictAttributes}]}</li>
 *   <li>{@code update: [values, {where, returning, limit, fields, silent, paranoid}]}</li>
 *   <li>{@code destroy: [{where, force, limit, truncate, cascade, restartIdentity}]}</li>
 *   <li>{@code restore: [{where, limit}]}</li>
 *   <li>{@code truncate: [{cascade, restartIdentity, force}]}</li>
 *   <li>{@code upsert: [values, {fields, returning, conflictFields}]}</li>
 *   <li>{@code increment}/{@code decrement}: {@code [fields, {where, by, silent, returning}]}, fields being a
 *       name, a list of names, or {@code {"age": 2, ...}}</li>
 * </ul>
 * {@code returning} is {@code true}, {@code false} or a list of attribute names. Every error names the
 * JSON path of the offender: {@code args[1].where: missing ...}, {@code args[0][2].firstName: ...}.
 */
final class WriteCallReader {
    private static final List<String> CREATE_OPTIONS = List.of("fields", "returning", "ignoreDuplicates", "silent");
    private static final List<String> BULK_CREATE_OPTIONS =
            List.of("fields", "returning", "ignoreDuplicates", "updateOnDuplicate", "conflictAttributes");
    private static final List<String> UPDATE_OPTIONS = List.of("where", "returning", "limit", "fields", "silent", "paranoid");
    private static final List<String> DESTROY_OPTIONS = List.of("where", "force", "limit", "truncate", "cascade", "restartIdentity");
    private static final List<String> RESTORE_OPTIONS = List.of("where", "limit");
    private static final List<String> TRUNCATE_OPTIONS = List.of("cascade", "restartIdentity", "force");
    private static final List<String> UPSERT_OPTIONS = List.of("fields", "returning", "conflictFields");
    private static final List<String> INCREMENT_OPTIONS = List.of("where", "by", "silent", "returning");

    private WriteCallReader() {}

    static ModelCall create(ModelDefinition model, List<JsonNode> args, Instant now, UuidGenerator uuids) {
        ObjectNode options = valuesAndOptions(args, "create", "values, e.g. [{\"firstName\": \"John\"}]");
        checkKeys(options, "args[1]", CREATE_OPTIONS, "option");
        Map<String, Object> values = values(model, args.get(0), "args[0]");
        CreateOptions create = CreateOptions.options();
        if (options.has("fields")) {
            create = create.fields(attributes(model, options.get("fields"), "args[1].fields"));
        }
        if (options.has("returning")) {
            create = create.returning(returning(model, options.get("returning"), "args[1].returning"));
        }
        if (options.has("ignoreDuplicates")) {
            create = create.ignoreDuplicates(bool(options.get("ignoreDuplicates"), "args[1].ignoreDuplicates"));
        }
        if (options.has("silent")) {
            create = create.silent(bool(options.get("silent"), "args[1].silent"));
        }
        CreateOptions checked = create;
        return new ModelCall(model, "create", new CallArguments.Create(values, checked),
                List.of(build("args[0]", "args[1]", () -> WriteStatements.create(model, values, checked, now, uuids))));
    }

    /** None for an empty list of rows: Sequelize sends nothing then. */
    static ModelCall bulkCreate(ModelDefinition model, List<JsonNode> args, Instant now, UuidGenerator uuids) {
        ObjectNode options = valuesAndOptions(args, "bulkCreate", "list of rows, e.g. [[{\"firstName\": \"John\"}]]");
        checkKeys(options, "args[1]", BULK_CREATE_OPTIONS, "option");
        List<Map<String, Object>> rows = new ArrayList<>();
        JsonNode list = array(args.get(0), "args[0]");
        for (int i = 0; i < list.size(); i++) {
            rows.add(values(model, list.get(i), "args[0][" + i + "]"));
        }
        if (options.has("ignoreDuplicates") && options.has("updateOnDuplicate")
                && options.get("ignoreDuplicates").asBoolean(false)) {
            throw error("args[1]", "ignoreDuplicates and updateOnDuplicate exclude each other; give one of them");
        }
        BulkCreateOptions bulk = BulkCreateOptions.options();
        if (options.has("fields")) {
            bulk = bulk.fields(attributes(model, options.get("fields"), "args[1].fields"));
        }
        if (options.has("returning")) {
            bulk = bulk.returning(returning(model, options.get("returning"), "args[1].returning"));
        }
        if (options.has("ignoreDuplicates")) {
            bulk = bulk.ignoreDuplicates(bool(options.get("ignoreDuplicates"), "args[1].ignoreDuplicates"));
        }
        if (options.has("updateOnDuplicate")) {
            List<String> names = attributes(model, options.get("updateOnDuplicate"), "args[1].updateOnDuplicate");
            if (names.isEmpty()) {
                throw error("args[1].updateOnDuplicate", "give at least one attribute to update, as Sequelize requires");
            }
            bulk = bulk.updateOnDuplicate(names);
        }
        if (options.has("conflictAttributes")) {
            bulk = bulk.conflictAttributes(attributes(model, options.get("conflictAttributes"), "args[1].conflictAttributes"));
        }
        BulkCreateOptions checked = bulk;
        return new ModelCall(model, "bulkCreate", new CallArguments.BulkCreate(rows, checked),
                build("args[0]", "args[1]", () -> WriteStatements.bulkCreate(model, rows, checked, now, uuids)).<Statement>map(s -> s).toJavaList());
    }

    /** None when no value is left to write: Sequelize sends nothing then. */
    static ModelCall update(ModelDefinition model, List<JsonNode> args, Instant now) {
        ObjectNode options = valuesAndOptions(args, "update", "values, e.g. [{\"lastName\": \"Doe\"}, {\"where\": {\"id\": 1}}]");
        checkKeys(options, "args[1]", UPDATE_OPTIONS, "option");
        requireWhere(options, "args[1]");
        Map<String, Object> values = values(model, args.get(0), "args[0]");
        UpdateOptions update = options("args[1]", () -> UpdateOptions.options().where(where(model, options, "args[1]")));
        if (options.has("returning")) {
            update = update.returning(returning(model, options.get("returning"), "args[1].returning"));
        }
        if (options.has("limit")) {
            int limit = integer(options.get("limit"), "args[1].limit");
            UpdateOptions before = update;
            update = options("args[1]", () -> before.limit(limit));
        }
        if (options.has("fields")) {
            update = update.fields(attributes(model, options.get("fields"), "args[1].fields"));
        }
        if (options.has("silent")) {
            update = update.silent(bool(options.get("silent"), "args[1].silent"));
        }
        if (options.has("paranoid")) {
            update = update.paranoid(bool(options.get("paranoid"), "args[1].paranoid"));
        }
        UpdateOptions checked = update;
        return new ModelCall(model, "update", new CallArguments.Update(values, checked),
                build("args[0]", "args[1]", () -> WriteStatements.update(model, values, checked, now)).<Statement>map(s -> s).toJavaList());
    }

    static ModelCall destroy(ModelDefinition model, List<JsonNode> args, Instant now) {
        ObjectNode options = soleOptions(args, "destroy");
        checkKeys(options, "args[0]", DESTROY_OPTIONS, "option");
        DestroyOptions destroy = DestroyOptions.options();
        if (options.has("where")) {
            destroy = options("args[0]", () -> DestroyOptions.options().where(where(model, options, "args[0]")));
        }
        if (options.has("force")) {
            destroy = destroy.force(bool(options.get("force"), "args[0].force"));
        }
        if (options.has("limit")) {
            int limit = integer(options.get("limit"), "args[0].limit");
            DestroyOptions before = destroy;
            destroy = options("args[0]", () -> before.limit(limit));
        }
        if (options.has("truncate")) {
            destroy = destroy.truncate(bool(options.get("truncate"), "args[0].truncate"));
        }
        destroy = truncateOptions(destroy, options, "args[0]");
        if (destroy.where().isEmpty() && !destroy.truncate()) {
            throw error("args[0]", "missing where or truncate attribute in the options parameter of destroy;"
                    + " give a where clause (an empty one, {}, deletes every row) or \"truncate\": true");
        }
        DestroyOptions checked = destroy;
        return new ModelCall(model, "destroy", new CallArguments.Destroy(checked),
                List.of(build("args[0]", "args[0]", () -> WriteStatements.destroy(model, checked, now))));
    }

    static ModelCall restore(ModelDefinition model, List<JsonNode> args) {
        ObjectNode options = soleOptions(args, "restore");
        checkKeys(options, "args[0]", RESTORE_OPTIONS, "option");
        RestoreOptions restore = RestoreOptions.options();
        if (options.has("where")) {
            restore = options("args[0]", () -> RestoreOptions.options().where(where(model, options, "args[0]")));
        }
        if (options.has("limit")) {
            int limit = integer(options.get("limit"), "args[0].limit");
            RestoreOptions before = restore;
            restore = options("args[0]", () -> before.limit(limit));
        }
        RestoreOptions checked = restore;
        return new ModelCall(model, "restore", new CallArguments.Restore(checked),
                List.of(build("args[0]", "args[0]", () -> WriteStatements.restore(model, checked))));
    }

    static ModelCall truncate(ModelDefinition model, List<JsonNode> args, Instant now) {
        ObjectNode options = soleOptions(args, "truncate");
        checkKeys(options, "args[0]", TRUNCATE_OPTIONS, "option");
        DestroyOptions truncate = truncateOptions(DestroyOptions.options(), options, "args[0]");
        if (options.has("force")) {
            truncate = truncate.force(bool(options.get("force"), "args[0].force"));
        }
        DestroyOptions checked = truncate;
        return new ModelCall(model, "truncate", new CallArguments.Truncate(checked),
                List.of(build("args[0]", "args[0]", () -> WriteStatements.truncate(model, checked, now))));
    }

    static ModelCall upsert(ModelDefinition model, List<JsonNode> args, Instant now, UuidGenerator uuids) {
        ObjectNode options = valuesAndOptions(args, "upsert", "values, e.g. [{\"id\": 1, \"firstName\": \"John\"}]");
        checkKeys(options, "args[1]", UPSERT_OPTIONS, "option");
        Map<String, Object> values = values(model, args.get(0), "args[0]");
        UpsertOptions upsert = UpsertOptions.options();
        if (options.has("fields")) {
            upsert = upsert.fields(attributes(model, options.get("fields"), "args[1].fields"));
        }
        if (options.has("returning")) {
            upsert = upsert.returning(returning(model, options.get("returning"), "args[1].returning"));
        }
        if (options.has("conflictFields")) {
            upsert = upsert.conflictFields(attributes(model, options.get("conflictFields"), "args[1].conflictFields"));
        }
        UpsertOptions checked = upsert;
        return new ModelCall(model, "upsert", new CallArguments.Upsert(values, checked),
                List.of(build("args[0]", "args[1]", () -> WriteStatements.upsert(model, values, checked, now, uuids))));
    }

    /** {@code increment} and {@code decrement}. */
    static ModelCall increment(ModelDefinition model, String method, List<JsonNode> args, Instant now) {
        ObjectNode options = valuesAndOptions(args, method,
                "attributes: a name, a list of names, or {\"age\": 2}, e.g. [\"age\", {\"where\": {\"id\": 1}}]");
        checkKeys(options, "args[1]", INCREMENT_OPTIONS, "option");
        requireWhere(options, "args[1]");
        IncrementOptions increment = options("args[1]", () -> IncrementOptions.options().where(where(model, options, "args[1]")));
        if (options.has("by")) {
            increment = increment.by(number(options.get("by"), "args[1].by"));
        }
        if (options.has("silent")) {
            increment = increment.silent(bool(options.get("silent"), "args[1].silent"));
        }
        if (options.has("returning")) {
            increment = increment.returning(returning(model, options.get("returning"), "args[1].returning"));
        }
        IncrementOptions checked = increment;
        boolean decrement = method.equals("decrement");
        JsonNode fields = args.get(0);
        if (fields.isObject()) {
            Map<String, Number> amounts = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : fields.properties()) {
                String path = "args[0]." + entry.getKey();
                amounts.put(attribute(model, entry.getKey(), path).name(), number(entry.getValue(), path));
            }
            Statement statement = build("args[0]", "args[1]", () -> decrement
                    ? WriteStatements.decrement(model, amounts, checked, now)
                    : WriteStatements.increment(model, amounts, checked, now));
            return new ModelCall(model, method, new CallArguments.Increment(decrement, Either.right(amounts), checked),
                    List.of(statement));
        }
        List<String> names = fields.isTextual()
                ? List.of(attribute(model, fields.textValue(), "args[0]").name())
                : attributes(model, fields, "args[0]");
        try {
            Statement statement = decrement
                    ? WriteStatements.decrement(model, names, checked, now)
                    : WriteStatements.increment(model, names, checked, now);
            return new ModelCall(model, method, new CallArguments.Increment(decrement, Either.left(names), checked),
                    List.of(statement));
        } catch (ValidationError e) {
            // An amount that does not fit is the by option's when given, the default 1's (args[0]'s type) when not.
            String message = e.getMessage();
            if (message.startsWith("by: ") && !options.has("by")) {
                throw error("args[0]", method + ": " + message.substring("by: ".length()));
            }
            throw message.startsWith("by: ") || message.startsWith("where")
                    ? new ValidationError("args[1]." + message)
                    : error("args[0]", message);
        }
    }

    // ---- shapes ---------------------------------------------------------------------------------

    /** {@code [values]} or {@code [values, options]}: the options, empty when not given. */
    private static ObjectNode valuesAndOptions(List<JsonNode> args, String method, String first) {
        if (args.isEmpty() || args.size() > 2) {
            throw error("args", method + " takes its " + first + ", then optionally an options object; got "
                    + args.size() + " argument" + (args.size() == 1 ? "" : "s"));
        }
        return args.size() == 2 ? object(args.get(1), "args[1]") : JSON.createObjectNode();
    }

    /**
     * An attribute → value object, each value read as its attribute's type reads it ({@link JsonValues}): ISO
     * text for DATE, DATEONLY and TIME, text for UUID and DECIMAL, any JSON for JSON attributes.
     */
    private static Map<String, Object> values(ModelDefinition model, JsonNode node, String path) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object(node, path).properties()) {
            String valuePath = path + "." + entry.getKey();
            Attribute attribute = attribute(model, entry.getKey(), valuePath);
            values.put(entry.getKey(), JsonValues.value(entry.getValue(), attribute.type(), valuePath));
        }
        return values;
    }

    /** A list of attribute names, each checked against the model. */
    private static List<String> attributes(ModelDefinition model, JsonNode node, String path) {
        List<String> names = new ArrayList<>();
        JsonNode list = array(node, path);
        for (int i = 0; i < list.size(); i++) {
            String itemPath = path + "[" + i + "]";
            names.add(attribute(model, text(list.get(i), itemPath), itemPath).name());
        }
        return names;
    }

    /** {@code true}, {@code false}, or a non-empty list of attribute names. */
    private static Returning returning(ModelDefinition model, JsonNode node, String path) {
        if (node.isBoolean()) {
            return node.booleanValue() ? Returning.ALL : Returning.NONE;
        }
        if (!node.isArray()) {
            throw error(path, "expected true, false or a list of attribute names, got " + describe(node));
        }
        List<String> names = attributes(model, node, path);
        if (names.isEmpty()) {
            throw error(path, "give at least one attribute name, or true/false");
        }
        return Returning.attributes(names);
    }

    private static Number number(JsonNode node, String path) {
        if (node.isNumber()) {
            return node.numberValue();
        }
        throw error(path, "expected a number, got " + describe(node));
    }

    private static void requireWhere(ObjectNode options, String path) {
        if (!options.has("where")) {
            throw error(path + ".where", "missing where attribute in the options parameter, as Sequelize requires;"
                    + " give a where clause (an empty one, {}, matches every row)");
        }
    }

    private static Map<String, Object> where(ModelDefinition model, ObjectNode options, String path) {
        return WhereReader.where(model, object(options.get("where"), path + ".where"), path + ".where");
    }

    private static DestroyOptions truncateOptions(DestroyOptions options, ObjectNode node, String path) {
        DestroyOptions read = options;
        if (node.has("cascade")) {
            read = read.cascade(bool(node.get("cascade"), path + ".cascade"));
        }
        if (node.has("restartIdentity")) {
            read = read.restartIdentity(bool(node.get("restartIdentity"), path + ".restartIdentity"));
        }
        return read;
    }

    /**
     * Builds options, naming the options' path in an error from the builders ({@code where.age.$gtt: ...},
     * {@code limit must be 0 or more}), whose own messages start from the option.
     */
    private static <T> T options(String path, Supplier<T> build) {
        try {
            return build.get();
        } catch (ValidationError e) {
            throw e.getMessage().startsWith("args") ? e : new ValidationError(path + "." + e.getMessage());
        }
    }

    /**
     * Builds the statement, naming the JSON path in an error from {@code WriteStatements}: a where
     * clause's values under the options' path, a bulk row ({@code rows[2]: ...}) under {@code args[0][2]},
     * anything else under the values' path.
     */
    private static <T> T build(String valuesPath, String optionsPath, Supplier<T> build) {
        try {
            return build.get();
        } catch (ValidationError e) {
            String message = e.getMessage();
            if (message.startsWith("where")) {
                throw new ValidationError(optionsPath + "." + message);
            }
            if (message.startsWith("rows[")) {
                throw new ValidationError(valuesPath + message.substring("rows".length()));
            }
            throw error(valuesPath, message);
        }
    }
}
