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

/** Reads the finder methods' options: {@code findAll}, {@code findOne}. */
final class FindCallReader {
    private static final List<String> FIND_OPTIONS = List.of("where", "attributes", "order", "limit", "offset");

    private FindCallReader() {}

    static Statement.Select select(ModelDefinition model, String method, List<JsonNode> args) {
        ObjectNode options = soleOptions(args, method);
        checkKeys(options, "args[0]", FIND_OPTIONS, "option");
        FindOptions find = FindOptions.options();
        try {
            if (options.has("where")) {
                find = find.where(WhereReader.where(model, object(options.get("where"), "args[0].where"), "args[0].where"));
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
            return method.equals("findOne") ? FindStatements.findOne(model, find) : FindStatements.findAll(model, find);
        } catch (ValidationError e) {
            // The where parser and FindOptions name their own path from the option on ("where.age.$gtt: ...",
            // "limit must be 0 or more"); errors of ours already start with "args".
            String message = e.getMessage();
            throw message.startsWith("args") ? e : new ValidationError("args[0]." + message);
        }
    }

    static Direction direction(String text, String path) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "ASC" -> Direction.ASC;
            case "DESC" -> Direction.DESC;
            default -> throw error(path, "unknown direction '" + text + "'; expected ASC or DESC");
        };
    }
}
