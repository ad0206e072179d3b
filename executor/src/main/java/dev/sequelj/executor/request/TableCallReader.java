package dev.sequelj.executor.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.finder.TableStatements;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.IndexDefinition;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.Reference;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sequelj.executor.request.JsonShapes.JSON;
import static dev.sequelj.executor.request.JsonShapes.bool;
import static dev.sequelj.executor.request.JsonShapes.checkKeys;
import static dev.sequelj.executor.request.JsonShapes.describe;
import static dev.sequelj.executor.request.JsonShapes.error;
import static dev.sequelj.executor.request.JsonShapes.object;
import static dev.sequelj.executor.request.JsonShapes.soleOptions;
import static dev.sequelj.executor.request.JsonShapes.text;

/**
 * Reads the table methods: {@code sync}, {@code drop}, and the QueryInterface basics, which a request
 * calls as methods named {@code queryInterface.<name>} with the arguments Sequelize's queryInterface
 * takes:
 * <ul>
 *   <li>{@code queryInterface.addColumn}: {@code [table, column, spec]}, spec as an attribute in
 *       {@code models} ({@code "INTEGER"} or {@code {"type": ..., "allowNull": ..., ...}})</li>
 *   <li>{@code queryInterface.removeColumn}: {@code [table, column]}</li>
 *   <li>{@code queryInterface.changeColumn}: {@code [table, column, spec]}</li>
 *   <li>{@code queryInterface.renameColumn}: {@code [table, oldName, newName]}</li>
 *   <li>{@code queryInterface.addIndex}: {@code [table, fields]}, {@code [table, fields, options]} or
 *       {@code [table, options]} with {@code options.fields}</li>
 *   <li>{@code queryInterface.removeIndex}: {@code [table, indexName]} or {@code [table, fields]}</li>
 * </ul>
 * A table is {@code "users"} or {@code {"tableName": "users", "schema": "app"}}. In a column spec,
 * {@code references.model} names a model of the request (its table is used) or any table.
 */
final class TableCallReader {
    static final String QUERY_INTERFACE = "queryInterface.";
    static final List<String> QUERY_INTERFACE_METHODS = List.of("queryInterface.addColumn", "queryInterface.removeColumn",
            "queryInterface.changeColumn", "queryInterface.renameColumn", "queryInterface.addIndex",
            "queryInterface.removeIndex");

    private TableCallReader() {}

    /**
     * {@code sync()}: CREATE TABLE, then the model's indexes; {@code sync({force: true})}: DROP TABLE ...
     * CASCADE first, as Sequelize does. {@code sync({alter: true})} is refused (see {@link TableStatements#sync}).
     */
    static ModelCall sync(ModelDefinition model, List<JsonNode> args) {
        ObjectNode options = soleOptions(args, "sync");
        checkKeys(options, "args[0]", List.of("force", "alter"), "option");
        boolean force = options.has("force") && bool(options.get("force"), "args[0].force");
        boolean alter = options.has("alter") && bool(options.get("alter"), "args[0].alter");
        try {
            return new ModelCall(model, "sync", new CallArguments.Sync(force, alter),
                    TableStatements.sync(model, force, alter).toJavaList());
        } catch (UnsupportedFeatureError e) {
            throw new UnsupportedFeatureError("args[0].alter: " + e.getMessage());
        } catch (ValidationError e) {
            throw error("model", e.getMessage());
        }
    }

    static ModelCall drop(ModelDefinition model, List<JsonNode> args) {
        ObjectNode options = soleOptions(args, "drop");
        checkKeys(options, "args[0]", List.of("cascade"), "option");
        boolean cascade = options.has("cascade") && bool(options.get("cascade"), "args[0].cascade");
        return new ModelCall(model, "drop", new CallArguments.Drop(cascade), List.of(TableStatements.dropTable(model, cascade)));
    }

    /** A {@code queryInterface.<name>} method, called with the request's {@code model}: one statement. */
    static ModelCall queryInterface(ModelDefinition model, String method, Map<String, ModelDefinition> models,
                                    List<JsonNode> args) {
        String name = method.substring(QUERY_INTERFACE.length());
        try {
            Statement statement = switch (name) {
                case "addColumn" -> {
                    arity(method, args, 3, 3, "[table, column, spec]");
                    String column = text(args.get(1), "args[1]");
                    yield TableStatements.addColumn(table(args), column, columnSpec(table(args), column, args.get(2), models));
                }
                case "removeColumn" -> {
                    arity(method, args, 2, 2, "[table, column]");
                    yield TableStatements.removeColumn(table(args), text(args.get(1), "args[1]"));
                }
                case "changeColumn" -> {
                    arity(method, args, 3, 3, "[table, column, spec]");
                    String column = text(args.get(1), "args[1]");
                    yield TableStatements.changeColumn(table(args), column, columnSpec(table(args), column, args.get(2), models));
                }
                case "renameColumn" -> {
                    arity(method, args, 3, 3, "[table, oldName, newName]");
                    yield TableStatements.renameColumn(table(args), text(args.get(1), "args[1]"), text(args.get(2), "args[2]"));
                }
                case "addIndex" -> {
                    arity(method, args, 2, 3, "[table, fields], [table, fields, options] or [table, options]");
                    yield TableStatements.addIndex(table(args), addIndexOptions(args));
                }
                case "removeIndex" -> {
                    arity(method, args, 2, 2, "[table, indexName] or [table, fields]");
                    JsonNode target = args.get(1);
                    if (target.isTextual()) {
                        yield TableStatements.removeIndex(table(args), target.textValue());
                    }
                    if (!target.isArray()) {
                        throw error("args[1]", "expected an index name or an array of fields, got " + describe(target));
                    }
                    List<String> fields = new ArrayList<>();
                    for (int i = 0; i < target.size(); i++) {
                        fields.add(text(target.get(i), "args[1][" + i + "]"));
                    }
                    yield TableStatements.removeIndex(table(args), io.vavr.collection.Vector.ofAll(fields));
                }
                default -> throw error("method", "unknown method '" + method + "'"
                        + dev.sequelj.ast.error.Suggestions.didYouMean(method, QUERY_INTERFACE_METHODS)
                        + "; the queryInterface methods are " + String.join(", ", QUERY_INTERFACE_METHODS));
            };
            return new ModelCall(model, method, new CallArguments.QueryInterface(method), List.of(statement));
        } catch (ValidationError e) {
            throw e.getMessage().startsWith("args") || e.getMessage().startsWith("method") ? e : error("args", e.getMessage());
        }
    }

    private static void arity(String method, List<JsonNode> args, int least, int most, String form) {
        if (args.size() < least || args.size() > most) {
            throw error("args", method + " takes " + form + "; got " + args.size() + " argument" + (args.size() == 1 ? "" : "s"));
        }
    }

    private static TableName table(List<JsonNode> args) {
        return ModelsReader.table(args.get(0), "args[0]");
    }

    /** A column spec as an attribute in {@code models} reads it; a reference names a model of the request or any table. */
    private static Attribute columnSpec(TableName table, String column, JsonNode spec, Map<String, ModelDefinition> models) {
        Attribute attribute = ModelsReader.attribute(table.name(), column, spec, "args[2]");
        if (!spec.isObject() || !spec.has("references")) {
            return attribute;
        }
        ObjectNode references = object(spec.get("references"), "args[2].references");
        checkKeys(references, "args[2].references", List.of("model", "key"), "references option");
        JsonNode target = JsonShapes.required(references, "args[2].references", "model");
        Reference reference;
        if (target.isTextual()) {
            String name = target.textValue();
            Option<ModelDefinition> model = Option.ofOptional(models.values().stream()
                    .filter(m -> m.tableName().equals(name)).findFirst()).orElse(Option.of(models.get(name)));
            reference = model.isDefined() ? Reference.to(model.get()) : Reference.to(ModelsReader.table(target, "args[2].references.model"));
        } else {
            reference = Reference.to(ModelsReader.table(target, "args[2].references.model"));
        }
        if (references.has("key")) {
            reference = Reference.to(reference.table(), text(references.get("key"), "args[2].references.key"));
        }
        return attribute.references(ModelsReader.actions(reference, spec, "args[2]"));
    }

    private static IndexDefinition addIndexOptions(List<JsonNode> args) {
        JsonNode second = args.get(1);
        if (second.isArray()) {
            ObjectNode options = args.size() == 3 ? object(args.get(2), "args[2]") : JSON.createObjectNode();
            if (options.has("fields")) {
                throw error("args[2].fields", "the fields are already given as args[1]");
            }
            return ModelsReader.index(options, "args[2]", Option.none(), Option.some(second));
        }
        if (args.size() == 3) {
            throw error("args", "addIndex takes [table, fields, options] or [table, options], not two option objects");
        }
        return ModelsReader.index(object(second, "args[1]"), "args[1]", Option.none(), Option.none());
    }
}
