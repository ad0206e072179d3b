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

/** Reads the table methods: {@code sync}, {@code drop}. */
final class TableCallReader {
    private TableCallReader() {}

    /** {@code sync()}: CREATE TABLE; {@code sync({force: true})}: DROP TABLE ... CASCADE first, as Sequelize does. */
    static List<Statement> sync(ModelDefinition model, List<JsonNode> args) {
        ObjectNode options = soleOptions(args, "sync");
        checkKeys(options, "args[0]", List.of("force"), "option");
        boolean force = options.has("force") && bool(options.get("force"), "args[0].force");
        Statement.CreateTable create = TableStatements.createTable(model);
        return force ? List.of(TableStatements.dropTable(model, true), create) : List.of(create);
    }

    static List<Statement> drop(ModelDefinition model, List<JsonNode> args) {
        ObjectNode options = soleOptions(args, "drop");
        checkKeys(options, "args[0]", List.of("cascade"), "option");
        boolean cascade = options.has("cascade") && bool(options.get("cascade"), "args[0].cascade");
        return List.of(TableStatements.dropTable(model, cascade));
    }
}
