package dev.sequelj.executor.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sequelj.ast.model.DataType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.sequelj.executor.request.JsonShapes.JSON;
import static dev.sequelj.executor.request.JsonShapes.describe;
import static dev.sequelj.executor.request.JsonShapes.error;
import static dev.sequelj.executor.request.JsonShapes.instant;

/**
 * A JSON value in a request as the Java value of an attribute's type, the way Sequelize reads the same
 * JavaScript value: ISO text for DATE (with an offset), DATEONLY ({@code 2024-01-15}) and TIME
 * ({@code 10:30:00}); text for UUID; a number or numeric text for DECIMAL (kept exact); any JSON for
 * JSON/JSONB; a JSON array for ARRAY; text for BLOB (its UTF-8 bytes, as Sequelize makes a Buffer of a
 * string). Whether the value fits the type is then {@code ValueChecker}'s question; only text that
 * cannot be read as the type at all is refused here, naming the JSON path.
 *
 * <pre>{@code
 * JsonValues.value(node, DataTypes.DATEONLY, "args[0].birthday");   // LocalDate 2024-01-15
 * }</pre>
 */
final class JsonValues {
    private JsonValues() {}

    static Object value(JsonNode node, DataType type, String path) {
        if (node.isNull()) {
            return null;
        }
        return switch (type) {
            case DataType.DateType d -> node.isTextual() ? instant(node.textValue(), path) : scalar(node, path);
            case DataType.DateOnlyType d -> node.isTextual() ? date(node.textValue(), path) : scalar(node, path);
            case DataType.TimeType t -> node.isTextual() ? time(node.textValue(), path) : scalar(node, path);
            case DataType.UuidType u -> node.isTextual() ? uuid(node.textValue(), path) : scalar(node, path);
            case DataType.DecimalType d -> node.isNumber() ? node.decimalValue() : node.isTextual() ? decimal(node.textValue(), path) : scalar(node, path);
            case DataType.JsonType j -> JSON.convertValue(node, Object.class);
            case DataType.JsonbType j -> JSON.convertValue(node, Object.class);
            case DataType.ArrayType a -> {
                if (!node.isArray()) {
                    throw error(path, "expected an array of " + dev.sequelj.ast.model.DataTypes.describe(a.element())
                            + " values, got " + describe(node));
                }
                List<Object> elements = new ArrayList<>();
                for (int i = 0; i < node.size(); i++) {
                    elements.add(value(node.get(i), a.element(), path + "[" + i + "]"));
                }
                yield elements;
            }
            case DataType.BlobType b -> node.isTextual() ? node.textValue().getBytes(StandardCharsets.UTF_8) : scalar(node, path);
            case DataType.VirtualType v -> JSON.convertValue(node, Object.class);
            case DataType.StringType s -> scalar(node, path);
            case DataType.CharType c -> scalar(node, path);
            case DataType.TextType t -> scalar(node, path);
            case DataType.CitextType c -> scalar(node, path);
            case DataType.EnumType e -> scalar(node, path);
            case DataType.IntegralType i -> scalar(node, path);
            case DataType.FloatingType f -> node.isNumber() ? (Object) node.doubleValue() : scalar(node, path);
            case DataType.BooleanType b -> scalar(node, path);
        };
    }

    private static Object scalar(JsonNode node, String path) {
        return JsonShapes.value(node, false, path);
    }

    private static LocalDate date(String text, String path) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error(path, "'" + text + "' is not a date such as 2024-01-15");
        }
    }

    private static LocalTime time(String text, String path) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw error(path, "'" + text + "' is not a time such as 10:30:00");
        }
    }

    private static UUID uuid(String text, String path) {
        try {
            if (text.length() != 36) {
                throw new IllegalArgumentException(text);
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw error(path, "'" + text + "' is not a UUID such as 00000000-0000-4000-8000-000000000001");
        }
    }

    private static BigDecimal decimal(String text, String path) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw error(path, "'" + text + "' is not a decimal number such as 10.25");
        }
    }
}
