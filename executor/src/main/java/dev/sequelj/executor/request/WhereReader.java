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
import io.vavr.control.Option;

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
import java.util.Set;

import static dev.sequelj.executor.request.JsonShapes.*;

/**
 * Reads a where object in Sequelize's object form into the maps {@code FindOptions.where(Map)} reads:
 * attribute names (and the attribute a JSON path such as {@code "meta.address.city"} starts from) are
 * checked here, so an unknown one is reported with its full JSON path, and ISO-8601 strings given to a
 * DATE attribute become instants, except where an operator takes text ({@code $like}, {@code $regexp},
 * {@code $col}, ...). Operators stay as written ({@code "$gt"}): the where parser understands them and
 * reports misspelt ones.
 */
final class WhereReader {
    /** Operators whose value is text whatever the attribute's type: a pattern, a query, another attribute's name. */
    private static final Set<String> TEXT_OPERATORS = Set.of("$like", "$notLike", "$iLike", "$notILike", "$startsWith",
            "$endsWith", "$substring", "$regexp", "$notRegexp", "$iRegexp", "$notIRegexp", "$match", "$col",
            // Sequelize's helpers as values: their arguments are SQL text or names, not the attribute's values.
            "$fn", "$literal", "$cast");

    private WhereReader() {}

    /** The where object as the plain maps, lists and values {@link FindOptions#where(Map)} reads. */
    static Map<String, Object> where(ModelDefinition model, ObjectNode where, String path) {
        Map<String, Object> read = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : where.properties()) {
            String key = entry.getKey();
            String keyPath = path + "." + key;
            if (key.startsWith("$")) {
                read.put(key, logicalOperand(model, entry.getValue(), keyPath));
            } else {
                // "meta.address.city" and "meta[0]" name a path inside the attribute "meta".
                int end = firstOf(key, '.', '[');
                boolean isPath = end > 0;
                DataType type = attribute(model, isPath ? key.substring(0, end) : key, keyPath).type();
                read.put(key, condition(entry.getValue(), isPath ? Option.none() : Option.some(type), keyPath));
            }
        }
        return read;
    }

    private static int firstOf(String key, char a, char b) {
        int i = key.indexOf(a);
        int j = key.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
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

    /**
     * An attribute's condition: a value, a list (IN, or the whole value of an ARRAY attribute), or a map
     * of operators to values; in a map, a key that is not an operator goes down into a JSON attribute,
     * where values are untyped. Each value is read as the attribute's type reads it ({@link JsonValues}:
     * ISO text for DATE, DATEONLY and TIME, text for UUID and DECIMAL), except under an operator that
     * takes text or an expression ({@code $like}, {@code $col}, ...).
     */
    static Object condition(JsonNode node, Option<DataType> type, String path) {
        if (node.isObject()) {
            Map<String, Object> operators = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String key = entry.getKey();
                boolean typed = key.startsWith("$") && !TEXT_OPERATORS.contains(key);
                operators.put(key, condition(entry.getValue(), typed ? type : Option.none(), path + "." + key));
            }
            return operators;
        }
        if (node.isArray()) {
            // The items of a list given to an ARRAY attribute are its elements; of any other, values of its type.
            Option<DataType> itemType = type.map(t -> t instanceof DataType.ArrayType array ? array.element() : t);
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                items.add(condition(node.get(i), itemType, path + "[" + i + "]"));
            }
            return items;
        }
        return type.isDefined() ? JsonValues.value(node, type.get(), path) : value(node, false, path);
    }
}
