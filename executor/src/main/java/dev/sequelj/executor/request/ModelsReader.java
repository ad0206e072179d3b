package dev.sequelj.executor.request;

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
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.finder.TableStatements;
import dev.sequelj.ast.finder.WriteStatements;
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

import static dev.sequelj.executor.request.JsonShapes.*;

/** Reads the request's {@code models}: attributes with their types and options, and model options. */
final class ModelsReader {
    private static final List<String> MODEL_KEYS = List.of("attributes", "options");
    private static final List<String> ATTRIBUTE_OPTIONS = List.of("type", "allowNull", "primaryKey", "autoIncrement", "field");
    private static final List<String> MODEL_OPTIONS = List.of("timestamps", "freezeTableName", "tableName");
    private static final List<String> TYPE_NAMES = List.of("STRING", "TEXT", "INTEGER", "BIGINT", "BOOLEAN", "DATE", "JSON", "JSONB");
    private static final String SUPPORTED_TYPES = "STRING, STRING(n), TEXT, INTEGER, BIGINT, BOOLEAN, DATE, JSON, JSONB";
    private static final Pattern STRING_OF_LENGTH = Pattern.compile("STRING\\((\\d{1,9})\\)");

    private ModelsReader() {}

    static Map<String, ModelDefinition> models(JsonNode node) {
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
    static Attribute attribute(String name, JsonNode spec, String path) {
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
    static DataType type(String spec, String path) {
        switch (spec) {
            case "STRING" -> { return DataTypes.STRING; }
            case "TEXT" -> { return DataTypes.TEXT; }
            case "INTEGER" -> { return DataTypes.INTEGER; }
            case "BIGINT" -> { return DataTypes.BIGINT; }
            case "BOOLEAN" -> { return DataTypes.BOOLEAN; }
            case "DATE" -> { return DataTypes.DATE; }
            case "JSON" -> { return DataTypes.JSON; }
            case "JSONB" -> { return DataTypes.JSONB; }
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
    static ModelOptions modelOptions(JsonNode node, String path) {
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
}
