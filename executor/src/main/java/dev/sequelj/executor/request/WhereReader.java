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

/** Reads a where object in Sequelize's object form into the maps {@code FindOptions.where(Map)} reads. */
final class WhereReader {
    private WhereReader() {}

    /**
     * The where object as the plain maps, lists and values {@link FindOptions#where(Map)} reads. Attribute
     * names are checked here, so an unknown one is reported with its full path, and strings given to a
     * DATE attribute become instants. Operators stay as written ({@code "$gt"}): the where parser
     * understands them and reports misspelt ones.
     */
    static Map<String, Object> where(ModelDefinition model, ObjectNode where, String path) {
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
    static Object logicalOperand(ModelDefinition model, JsonNode operand, String path) {
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
    static Object condition(JsonNode node, boolean isDate, String path) {
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
}
