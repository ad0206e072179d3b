package dev.sequelj.executor.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sequelj.ast.error.Suggestions;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.DefaultValue;
import dev.sequelj.ast.model.IndexDefinition;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.model.Pluralizer;
import dev.sequelj.ast.model.Reference;
import dev.sequelj.ast.model.ReferentialAction;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.ast.statement.TableName;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sequelj.executor.request.JsonShapes.array;
import static dev.sequelj.executor.request.JsonShapes.bool;
import static dev.sequelj.executor.request.JsonShapes.checkKeys;
import static dev.sequelj.executor.request.JsonShapes.describe;
import static dev.sequelj.executor.request.JsonShapes.error;
import static dev.sequelj.executor.request.JsonShapes.object;
import static dev.sequelj.executor.request.JsonShapes.required;
import static dev.sequelj.executor.request.JsonShapes.text;

/**
 * Reads the request's {@code models}: attributes with their types and options, and model options, as
 * Sequelize's {@code define} takes them. A reference names another model (or its table); the referenced
 * model's table and primary key are filled in, as a Model class in {@code references.model} does in
 * Sequelize, and a name that is neither is an error. {@code {"tableName": ..., "schema": ...}} names any
 * table outright.
 */
final class ModelsReader {
    private static final List<String> MODEL_KEYS = List.of("attributes", "options");
    static final List<String> ATTRIBUTE_OPTIONS = List.of("type", "allowNull", "defaultValue", "primaryKey",
            "autoIncrement", "unique", "field", "references", "onDelete", "onUpdate", "comment", "values");
    private static final List<String> MODEL_OPTIONS = List.of("timestamps", "freezeTableName", "tableName", "createdAt",
            "updatedAt", "deletedAt", "paranoid", "underscored", "schema", "indexes");
    private static final List<String> REFERENCE_KEYS = List.of("model", "key");
    private static final List<String> INDEX_KEYS = List.of("name", "fields", "unique", "where", "using", "method",
            "type", "concurrently");
    private static final List<String> INDEX_FIELD_KEYS = List.of("name", "attribute", "order");
    private static final List<String> TABLE_KEYS = List.of("tableName", "schema");

    private ModelsReader() {}

    /** An attribute as read, with its reference still by name. */
    private record AttributeSpec(Attribute attribute, Option<JsonNode> references, JsonNode spec, String path) {}

    /** A model as read: attributes, options without indexes, and the indexes' JSON. */
    private record ModelSpec(String name, String path, List<AttributeSpec> attributes, ModelOptions options,
                             Option<JsonNode> indexes) {}

    static Map<String, ModelDefinition> models(JsonNode node) {
        List<ModelSpec> specs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : object(node, "models").properties()) {
            specs.add(spec(entry.getKey(), entry.getValue()));
        }
        if (specs.isEmpty()) {
            throw error("models", "define at least one model");
        }
        // First without references, to learn every model's table and key; then with them resolved; then
        // with the indexes, whose where objects are read against the model.
        Map<String, ModelDefinition> plain = new LinkedHashMap<>();
        for (ModelSpec spec : specs) {
            plain.put(spec.name(), define(spec, spec.attributes().stream().map(AttributeSpec::attribute).toList(), spec.options()));
        }
        Map<String, ModelDefinition> models = new LinkedHashMap<>();
        for (ModelSpec spec : specs) {
            List<Attribute> attributes = new ArrayList<>();
            for (AttributeSpec attribute : spec.attributes()) {
                attributes.add(attribute.references().isEmpty() ? attribute.attribute()
                        : attribute.attribute().references(reference(attribute.references().get(), attribute, plain)));
            }
            ModelDefinition model = define(spec, attributes, spec.options());
            if (spec.indexes().isDefined()) {
                ModelOptions withIndexes = spec.options().indexes(
                        io.vavr.collection.Vector.ofAll(indexes(spec.indexes().get(), spec.path() + ".options.indexes", model)));
                model = define(spec, attributes, withIndexes);
            }
            models.put(spec.name(), model);
        }
        return models;
    }

    private static ModelSpec spec(String name, JsonNode node) {
        String path = "models." + name;
        ObjectNode definition = object(node, path);
        checkKeys(definition, path, MODEL_KEYS, "key");
        List<AttributeSpec> attributes = new ArrayList<>();
        ObjectNode attributesNode = object(required(definition, path, "attributes"), path + ".attributes");
        for (Map.Entry<String, JsonNode> attribute : attributesNode.properties()) {
            String attributePath = path + ".attributes." + attribute.getKey();
            JsonNode spec = attribute.getValue();
            Option<JsonNode> references = spec.isObject() && spec.has("references") ? Option.some(spec.get("references")) : Option.none();
            attributes.add(new AttributeSpec(attribute(name, attribute.getKey(), spec, attributePath), references, spec, attributePath));
        }
        ObjectNode options = definition.has("options") ? object(definition.get("options"), path + ".options") : null;
        ModelOptions read = options == null ? ModelOptions.options() : modelOptions(options, path + ".options");
        Option<JsonNode> indexes = options != null && options.has("indexes") ? Option.some(options.get("indexes")) : Option.none();
        return new ModelSpec(name, path, attributes, read, indexes);
    }

    private static ModelDefinition define(ModelSpec spec, List<Attribute> attributes, ModelOptions options) {
        try {
            return ModelDefinition.define(spec.name(), attributes, options, Pluralizer.SEQUELIZE);
        } catch (ValidationError e) {
            throw error(spec.path(), e.getMessage());
        }
    }

    /**
     * {@code "STRING"}, or {@code {"type": "INTEGER", "allowNull": false, ...}} with Sequelize's attribute
     * options. A {@code references} option is read by the caller, which knows the other models; the rest is here,
     * and checked as the model will check it (a default of the wrong type, say), so the error names this path.
     *
     * @param owner the model (or table) the attribute belongs to, for messages
     */
    static Attribute attribute(String owner, String name, JsonNode spec, String path) {
        if (spec.isTextual()) {
            return Attribute.attribute(name, DataTypeReader.type(spec.textValue(), path));
        }
        ObjectNode options = object(spec, path);
        checkKeys(options, path, ATTRIBUTE_OPTIONS, "attribute option");
        String typeSpec = text(required(options, path, "type"), path + ".type");
        // Sequelize's {type: DataTypes.ENUM, values: [...]}: the values beside the type.
        boolean bareEnum = typeSpec.strip().equals("ENUM") || typeSpec.strip().equals("DataTypes.ENUM");
        if (options.has("values") && !bareEnum) {
            throw error(path + ".values", "values belong to an ENUM written without its own values, {\"type\": \"ENUM\", \"values\": [...]}");
        }
        DataType type = options.has("values") ? enumValues(options.get("values"), path) : DataTypeReader.type(typeSpec, path + ".type");
        Attribute attribute = Attribute.attribute(name, type);
        try {
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
                attribute = attribute.field(text(options.get("field"), path + ".field"));
            }
            if (options.has("defaultValue")) {
                attribute = attribute.defaultValue(defaultValue(options.get("defaultValue"), type, path + ".defaultValue"));
            }
            if (options.has("unique")) {
                JsonNode unique = options.get("unique");
                if (unique.isBoolean()) {
                    attribute = attribute.unique(unique.booleanValue());
                } else if (unique.isTextual()) {
                    attribute = attribute.unique(unique.textValue());
                } else {
                    throw error(path + ".unique", "expected true, false or the name of a composite unique key, got " + describe(unique));
                }
            }
            if (options.has("comment")) {
                attribute = attribute.comment(text(options.get("comment"), path + ".comment"));
            }
            if ((options.has("onDelete") || options.has("onUpdate")) && !options.has("references")) {
                throw error(path, "onDelete and onUpdate belong to a foreign key; add references: {\"model\": ..., \"key\": ...}");
            }
            ModelDefinition.checkAttribute(owner, attribute);
        } catch (ValidationError e) {
            throw e.getMessage().startsWith(path) ? e : error(path, e.getMessage());
        }
        return attribute;
    }

    /** Sequelize's {@code {type: DataTypes.ENUM, values: [...]}}: the values given beside the type. */
    private static DataType enumValues(JsonNode node, String path) {
        List<String> values = new ArrayList<>();
        int i = 0;
        for (JsonNode value : array(node, path + ".values")) {
            values.add(text(value, path + ".values[" + i++ + "]"));
        }
        try {
            return DataTypes.ENUM(values);
        } catch (ValidationError e) {
            throw error(path + ".values", e.getMessage());
        }
    }

    /**
     * A default: {@code {"$fn": "NOW"}} (also {@code UUIDV1}, {@code UUIDV4}), {@code {"$literal": "SQL"}},
     * or a value read as the attribute's type would read it.
     */
    static Object defaultValue(JsonNode node, DataType type, String path) {
        boolean json = type instanceof DataType.JsonType || type instanceof DataType.JsonbType;
        if (node.isObject() && node.has("$fn") && node.size() == 1) {
            String fn = text(node.get("$fn"), path + ".$fn");
            return switch (fn) {
                case "NOW" -> DataTypes.NOW;
                case "UUIDV1" -> DataTypes.UUIDV1;
                case "UUIDV4" -> DataTypes.UUIDV4;
                default -> throw error(path + ".$fn", "unknown default '" + fn + "'"
                        + Suggestions.didYouMean(fn, List.of("NOW", "UUIDV1", "UUIDV4"))
                        + "; a default function is NOW, UUIDV1 or UUIDV4 (or {\"$literal\": \"SQL\"})");
            };
        }
        if (node.isObject() && node.has("$literal") && node.size() == 1) {
            return DefaultValue.literal(text(node.get("$literal"), path + ".$literal"));
        }
        if (node.isObject() && !json) {
            throw error(path, "expected a value, {\"$fn\": \"NOW\"}, {\"$fn\": \"UUIDV4\"} or {\"$literal\": \"SQL\"}, got "
                    + describe(node));
        }
        return JsonValues.value(node, type, path);
    }

    /** The referenced table and key: {@code {"model": "user"}} (a model or its table), {@code "key"} defaulting to its key. */
    private static Reference reference(JsonNode node, AttributeSpec attribute, Map<String, ModelDefinition> models) {
        String path = attribute.path() + ".references";
        ObjectNode references = object(node, path);
        checkKeys(references, path, REFERENCE_KEYS, "references option");
        JsonNode modelNode = required(references, path, "model");
        Reference reference;
        if (modelNode.isObject()) {
            reference = Reference.to(table(modelNode, path + ".model"));
        } else {
            String target = text(modelNode, path + ".model");
            ModelDefinition model = models.values().stream().filter(m -> m.tableName().equals(target)).findFirst()
                    .orElseGet(() -> models.get(target));
            if (model == null) {
                List<String> known = new ArrayList<>(models.keySet());
                models.values().forEach(m -> known.add(m.tableName()));
                throw error(path + ".model", "references an unknown model '" + target + "'"
                        + Suggestions.didYouMean(target, known) + "; defined models: " + String.join(", ", models.keySet())
                        + " (tables: " + String.join(", ", models.values().stream().map(ModelDefinition::tableName).toList())
                        + "); or name any table as {\"tableName\": \"...\"}");
            }
            reference = Reference.to(model);
        }
        if (references.has("key")) {
            reference = new Reference(reference.table(), text(references.get("key"), path + ".key"), Option.none(), Option.none());
        }
        return actions(reference, attribute.spec(), attribute.path());
    }

    /** A table in a request: {@code "users"} or {@code {"tableName": "users", "schema": "app"}}. */
    static TableName table(JsonNode node, String path) {
        if (node.isTextual()) {
            if (node.textValue().isEmpty()) {
                throw error(path, "a table name must be a non-empty string");
            }
            return TableName.of(node.textValue());
        }
        ObjectNode table = object(node, path);
        checkKeys(table, path, TABLE_KEYS, "key");
        String name = text(required(table, path, "tableName"), path + ".tableName");
        Option<String> schema = table.has("schema") ? Option.some(text(table.get("schema"), path + ".schema")) : Option.none();
        if (name.isEmpty() || schema.exists(String::isEmpty)) {
            throw error(path, "tableName and schema must be non-empty strings");
        }
        return new TableName(schema, name);
    }

    static ModelOptions modelOptions(ObjectNode options, String path) {
        checkKeys(options, path, MODEL_OPTIONS, "model option");
        ModelOptions read = ModelOptions.options();
        try {
            if (options.has("timestamps")) {
                read = read.timestamps(bool(options.get("timestamps"), path + ".timestamps"));
            }
            if (options.has("freezeTableName")) {
                read = read.freezeTableName(bool(options.get("freezeTableName"), path + ".freezeTableName"));
            }
            if (options.has("tableName")) {
                read = read.tableName(text(options.get("tableName"), path + ".tableName"));
            }
            if (options.has("createdAt")) {
                JsonNode stamp = stamp(options, path, "createdAt");
                read = stamp.isBoolean() ? read.createdAt(stamp.booleanValue()) : read.createdAt(stamp.textValue());
            }
            if (options.has("updatedAt")) {
                JsonNode stamp = stamp(options, path, "updatedAt");
                read = stamp.isBoolean() ? read.updatedAt(stamp.booleanValue()) : read.updatedAt(stamp.textValue());
            }
            if (options.has("deletedAt")) {
                JsonNode stamp = stamp(options, path, "deletedAt");
                read = stamp.isBoolean() ? read.deletedAt(stamp.booleanValue()) : read.deletedAt(stamp.textValue());
            }
            if (options.has("paranoid")) {
                read = read.paranoid(bool(options.get("paranoid"), path + ".paranoid"));
            }
            if (options.has("underscored")) {
                read = read.underscored(bool(options.get("underscored"), path + ".underscored"));
            }
            if (options.has("schema")) {
                read = read.schema(text(options.get("schema"), path + ".schema"));
            }
        } catch (ValidationError e) {
            throw e.getMessage().startsWith(path) ? e : error(path, e.getMessage());
        }
        return read;
    }

    private static JsonNode stamp(ObjectNode options, String path, String key) {
        JsonNode stamp = options.get(key);
        if (!stamp.isBoolean() && !stamp.isTextual()) {
            throw error(path + "." + key, "expected false (no " + key + ") or the attribute's name, got " + describe(stamp));
        }
        return stamp;
    }

    /**
     * The {@code indexes} option, or {@code queryInterface.addIndex}'s options: {@code fields} (attribute or
     * column names, or {@code {"name": "age", "order": "DESC"}}), {@code name}, {@code unique}, {@code where}
     * (read against {@code model} when there is one), {@code using}/{@code method}, {@code type},
     * {@code concurrently}.
     */
    static List<IndexDefinition> indexes(JsonNode node, String path, ModelDefinition model) {
        List<IndexDefinition> indexes = new ArrayList<>();
        int i = 0;
        for (JsonNode index : array(node, path)) {
            indexes.add(index(object(index, path + "[" + i + "]"), path + "[" + i + "]", Option.of(model), Option.none()));
            i++;
        }
        return indexes;
    }

    /** One index; {@code fields} may come from outside ({@code addIndex(table, fields, options)}). */
    static IndexDefinition index(ObjectNode options, String path, Option<ModelDefinition> model, Option<JsonNode> givenFields) {
        checkKeys(options, path, INDEX_KEYS, "index option");
        JsonNode fieldsNode = givenFields.isDefined() ? givenFields.get() : required(options, path, "fields");
        String fieldsPath = givenFields.isDefined() ? path.replaceAll("\\[\\d+]$", "") + "[1]" : path + ".fields";
        List<IndexDefinition.IndexField> fields = new ArrayList<>();
        int i = 0;
        for (JsonNode field : array(fieldsNode, fieldsPath)) {
            fields.add(indexField(field, fieldsPath + "[" + i++ + "]"));
        }
        try {
            IndexDefinition index = IndexDefinition.on(io.vavr.collection.Vector.ofAll(fields));
            if (options.has("name")) {
                index = index.name(text(options.get("name"), path + ".name"));
            }
            if (options.has("unique")) {
                index = index.unique(bool(options.get("unique"), path + ".unique"));
            }
            for (String using : List.of("using", "method")) {
                if (options.has(using)) {
                    index = index.using(text(options.get(using), path + "." + using));
                }
            }
            if (options.has("type")) {
                index = index.type(text(options.get("type"), path + ".type"));
            }
            if (options.has("concurrently")) {
                index = index.concurrently(bool(options.get("concurrently"), path + ".concurrently"));
            }
            if (options.has("where")) {
                ObjectNode where = object(options.get("where"), path + ".where");
                index = model.isDefined()
                        ? index.where(WhereReader.where(model.get(), where, path + ".where"))
                        : index.where(JsonShapes.JSON.convertValue(where, Map.class));
            }
            return index;
        } catch (ValidationError e) {
            throw e.getMessage().startsWith(path) ? e : error(path, e.getMessage());
        }
    }

    private static IndexDefinition.IndexField indexField(JsonNode field, String path) {
        if (field.isTextual()) {
            return new IndexDefinition.IndexField(field.textValue(), Option.none());
        }
        ObjectNode spec = object(field, path);
        checkKeys(spec, path, INDEX_FIELD_KEYS, "index field option");
        String name = spec.has("name") ? text(spec.get("name"), path + ".name")
                : text(required(spec, path, "attribute"), path + ".attribute");
        Option<Direction> order = spec.has("order")
                ? Option.some(direction(text(spec.get("order"), path + ".order"), path + ".order"))
                : Option.none();
        return new IndexDefinition.IndexField(name, order);
    }

    /** An index column's order: {@code ASC} or {@code DESC}. */
    private static Direction direction(String text, String path) {
        return switch (text.toUpperCase(java.util.Locale.ROOT)) {
            case "ASC" -> Direction.ASC;
            case "DESC" -> Direction.DESC;
            default -> throw error(path, "unknown direction '" + text + "'; expected ASC or DESC");
        };
    }

    /** {@code onDelete}/{@code onUpdate} beside {@code references}, as Sequelize has them on the attribute. */
    static Reference actions(Reference reference, JsonNode attributeSpec, String path) {
        Reference read = reference;
        try {
            if (attributeSpec.has("onDelete")) {
                read = read.onDelete(ReferentialAction.of(text(attributeSpec.get("onDelete"), path + ".onDelete")));
            }
            if (attributeSpec.has("onUpdate")) {
                read = read.onUpdate(ReferentialAction.of(text(attributeSpec.get("onUpdate"), path + ".onUpdate")));
            }
        } catch (ValidationError e) {
            throw e.getMessage().startsWith(path) ? e : error(path, e.getMessage());
        }
        return read;
    }
}
