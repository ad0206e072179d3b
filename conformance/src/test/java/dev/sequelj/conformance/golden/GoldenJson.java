package dev.sequelj.conformance.golden;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sequelj.render.Sql;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The JSON of golden files: rendered statements as {@code {"sql": ..., "params": [...]}}, and one
 * fixed layout for writing, so that a regenerated file differs from the stored one only where the
 * output did.
 *
 * <p>Params that JSON has a type for are written as they are; any other value is written as an
 * object naming its Java type, so a change of bound type shows up in the diff:
 * <pre>{@code
 * "params": ["John", 5, true, null, {"OffsetDateTime": "2024-01-15T10:30:45.123Z"}]
 * }</pre>
 */
final class GoldenJson {
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String INDENT = "  ";

    private GoldenJson() {}

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code [{"sql": ..., "params": [...]}, ...]}. */
    static ArrayNode statements(List<Sql> statements) {
        ArrayNode array = NODES.arrayNode();
        for (Sql sql : statements) {
            ObjectNode statement = array.addObject();
            statement.put("sql", sql.text());
            ArrayNode params = statement.putArray("params");
            sql.params().forEach(value -> params.add(param(value)));
        }
        return array;
    }

    /** {@code {"error": message}}, stored in place of statements when a request is refused. */
    static ObjectNode error(String message) {
        return NODES.objectNode().put("error", message);
    }

    static JsonNode param(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case String s -> NODES.textNode(s);
            case Boolean b -> NODES.booleanNode(b);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Short s -> NODES.numberNode(s);
            case Byte b -> NODES.numberNode(b);
            case BigInteger b -> NODES.numberNode(b);
            case BigDecimal b -> NODES.numberNode(b);
            case Double d -> NODES.numberNode(d);
            case Float f -> NODES.numberNode(f);
            // ISO formatters rather than toString(), which leaves out zero seconds (10:30 for 10:30:00).
            case OffsetDateTime o -> typed("OffsetDateTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(o));
            case LocalDateTime l -> typed("LocalDateTime", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(l));
            case Instant i -> typed("Instant", DateTimeFormatter.ISO_INSTANT.format(i));
            case byte[] bytes -> typed("byte[]", HexFormat.of().formatHex(bytes));
            default -> typed(value.getClass().getSimpleName(), value.toString());
        };
    }

    private static ObjectNode typed(String type, String text) {
        return NODES.objectNode().put(type, text);
    }

    // ---- writing ---------------------------------------------------------------------------------

    /**
     * The tree as golden files are laid out: two-space indents, {@code "key": value}, keys in the order
     * the tree holds them, a newline at the end. Arrays of short things stay on one line
     * ({@code "params": ["John", 5]}, {@code "order": [["age", "DESC"]]}); everything else gets a line
     * per entry, so that each SQL statement sits on a line of its own and diffs line up by statement.
     */
    static String pretty(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(out, node, "");
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, JsonNode node, String indent) {
        if (isShort(node)) {
            writeInline(out, node);
        } else if (node.isObject()) {
            out.append("{\n");
            String inner = indent + INDENT;
            boolean first = true;
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                out.append(first ? "" : ",\n").append(inner).append(scalar(NODES.textNode(entry.getKey()))).append(": ");
                write(out, entry.getValue(), inner);
                first = false;
            }
            out.append('\n').append(indent).append('}');
        } else {
            out.append("[\n");
            String inner = indent + INDENT;
            boolean first = true;
            for (JsonNode element : node) {
                out.append(first ? "" : ",\n").append(inner);
                write(out, element, inner);
                first = false;
            }
            out.append('\n').append(indent).append(']');
        }
    }

    /**
     * Scalars; objects of a single scalar entry ({@code {"$gt": 18}}, a typed param); and arrays made only of
     * those or of such arrays. Empty containers count as short.
     */
    private static boolean isShort(JsonNode node) {
        if (node.isValueNode() || node.isEmpty()) {
            return true;
        }
        if (node.isObject()) {
            return node.size() == 1 && node.elements().next().isValueNode();
        }
        for (JsonNode element : node) {
            if (!isShort(element)) {
                return false;
            }
        }
        return true;
    }

    private static void writeInline(StringBuilder out, JsonNode node) {
        if (node.isValueNode()) {
            out.append(scalar(node));
        } else if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                out.append(first ? "" : ", ").append(scalar(NODES.textNode(entry.getKey()))).append(": ");
                writeInline(out, entry.getValue());
                first = false;
            }
            out.append('}');
        } else {
            out.append('[');
            boolean first = true;
            for (JsonNode element : node) {
                out.append(first ? "" : ", ");
                writeInline(out, element);
                first = false;
            }
            out.append(']');
        }
    }

    /** A scalar as JSON text, escaped by Jackson. */
    private static String scalar(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
