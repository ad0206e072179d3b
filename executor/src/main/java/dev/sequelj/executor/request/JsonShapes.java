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


/** Reading JSON shapes with errors that name the JSON path: objects, arrays, scalars, known keys. */
final class JsonShapes {
    // Duplicate keys would otherwise silently keep the last value.
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonShapes() {}

    /** A JSON scalar as Java: String, Boolean, Integer/Long/BigInteger, Double, null; for a DATE, text becomes an Instant. */
    static Object value(JsonNode node, boolean isDate, String path) {
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
    static Instant instant(String text, String path) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw error(path, "'" + text + "' is not an ISO-8601 date-time with an offset, such as 2024-01-15T10:30:45.123Z");
        }
    }
    static Attribute attribute(ModelDefinition model, String name, String path) {
        try {
            return model.attribute(name);
        } catch (ValidationError e) {
            throw error(path, e.getMessage());
        }
    }
    /** The options object of a method that takes at most one argument; empty when none is given. */
    static ObjectNode soleOptions(List<JsonNode> args, String method) {
        if (args.size() > 1) {
            throw error("args", method + " takes at most one argument, an options object; got " + args.size());
        }
        return args.isEmpty() ? JSON.createObjectNode() : object(args.get(0), "args[0]");
    }
    static void checkKeys(ObjectNode node, String path, List<String> known, String what) {
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String key = property.getKey();
            if (!known.contains(key)) {
                throw error(path.isEmpty() ? key : path + "." + key, "unknown " + what
                        + Suggestions.nearest(key, known).map(s -> "; did you mean " + s + "?")
                                .getOrElse(() -> "; expected one of " + String.join(", ", known)));
            }
        }
    }
    static JsonNode required(ObjectNode node, String path, String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw error(path.isEmpty() ? key : path + "." + key, "missing");
        }
        return value;
    }
    static ObjectNode object(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw error(path, "expected an object, got " + describe(node));
    }
    static JsonNode array(JsonNode node, String path) {
        if (node.isArray()) {
            return node;
        }
        throw error(path, "expected an array, got " + describe(node));
    }
    static String text(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue();
        }
        throw error(path, "expected a string, got " + describe(node));
    }
    static boolean bool(JsonNode node, String path) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        throw error(path, "expected true or false, got " + describe(node));
    }
    static int integer(JsonNode node, String path) {
        if (node.isInt()) {
            return node.intValue();
        }
        throw error(path, "expected a whole number, got " + describe(node));
    }
    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING, NUMBER, BOOLEAN -> node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
    static ValidationError error(String path, String detail) {
        return new ValidationError(path + ": " + detail);
    }
}
