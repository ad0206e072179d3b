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

/** Reads the write methods' arguments: {@code create}. */
final class WriteCallReader {
    private WriteCallReader() {}

    static Statement create(ModelDefinition model, List<JsonNode> args, Instant now) {
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
            return WriteStatements.create(model, values, now);
        } catch (ValidationError e) {
            throw error("args[0]", e.getMessage());
        }
    }
}
