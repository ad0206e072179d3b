package dev.sequelj.executor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.result.CountAndRows;
import dev.sequelj.executor.result.FindOrCreateResult;
import dev.sequelj.executor.result.GroupCount;
import dev.sequelj.executor.result.UpsertResult;
import dev.sequelj.render.ValueCodec;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code sequelj exec} prints: the value a model method's future completed with, as JSON, the way
 * Sequelize's {@code JSON.stringify} prints what its promise resolved to.
 *
 * <ul>
 *   <li>an instance is an object of its attribute values ({@code toJSON()}), in definition order; a list
 *       is an array; an empty {@code Optional} (findOne found nothing) is {@code null}</li>
 *   <li>findOrCreate's and upsert's results are {@code [instance, created]} ({@code created} null where the
 *       database cannot tell); findAndCountAll's {@code {"count": n, "rows": [...]}}; a group of
 *       {@code count} with {@code group} is {@code {<group keys>..., "count": n}}</li>
 *   <li>numbers are JSON numbers, exact ({@code DECIMAL(10,2)}'s {@code 12.50} stays {@code 12.50}; a
 *       BIGINT keeps every digit); a double that is not finite is {@code null}, as in JavaScript</li>
 *   <li>a DATE is {@code Date.toJSON()}'s text, UTC with milliseconds ({@code "2024-01-15T10:30:45.123Z"});
 *       DATEONLY {@code "2024-01-15"}; TIME {@code "10:30:00"}; a UUID its text; a BLOB lowercase hex
 *       (as {@code render --json} writes bytes); JSON attributes their JSON</li>
 * </ul>
 */
final class ResultJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter PRETTY = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
    private static final ObjectWriter COMPACT = new ObjectMapper().writer();
    /** JavaScript's {@code Date.prototype.toJSON}: always three fraction digits, more only when there are some. */
    private static final DateTimeFormatter DATE_JSON = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 3, 9, true)
            .appendLiteral('Z')
            .toFormatter();

    private ResultJson() {}

    /** The document, pretty-printed, with a final newline. */
    static String pretty(JsonNode document) {
        try {
            return PRETTY.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document on one line, with a final newline. */
    static String compact(JsonNode document) {
        try {
            return COMPACT.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A result value as JSON. */
    static JsonNode value(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case ModelInstance instance -> object(instance.toJSON());
            // The result records, as Sequelize's promises resolve: [instance, created], {count, rows}, ...
            case FindOrCreateResult found -> NODES.arrayNode().add(value(found.instance())).add(found.created());
            case UpsertResult upserted -> NODES.arrayNode().add(value(upserted.instance())).add(value(upserted.created()));
            case CountAndRows page -> {
                ObjectNode object = NODES.objectNode();
                object.put("count", page.count());
                object.set("rows", value(page.rows()));
                yield object;
            }
            case GroupCount group -> {
                ObjectNode object = object(group.group());
                object.put("count", group.count());
                yield object;
            }
            case Optional<?> optional -> value(optional.orElse(null));
            case String s -> NODES.textNode(s);
            case Boolean b -> NODES.booleanNode(b);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Short s -> NODES.numberNode(s);
            case Byte b -> NODES.numberNode(b);
            case BigInteger b -> NODES.numberNode(b);
            case BigDecimal b -> NODES.numberNode(b);
            case Double d -> Double.isFinite(d) ? NODES.numberNode(d) : NODES.nullNode();
            case Float f -> Float.isFinite(f) ? NODES.numberNode(f) : NODES.nullNode();
            case Instant i -> NODES.textNode(DATE_JSON.format(i.atOffset(ZoneOffset.UTC)));
            case OffsetDateTime o -> NODES.textNode(DATE_JSON.format(o.withOffsetSameInstant(ZoneOffset.UTC)));
            case LocalDateTime l -> NODES.textNode(l.toString());
            case LocalDate d -> NODES.textNode(d.toString());
            case LocalTime t -> NODES.textNode(ValueCodec.formatTime(t));
            case java.util.UUID u -> NODES.textNode(u.toString());
            case byte[] bytes -> NODES.textNode(HexFormat.of().formatHex(bytes));
            case Map<?, ?> map -> object(map);
            case Iterable<?> items -> {
                ArrayNode array = NODES.arrayNode();
                items.forEach(item -> array.add(value(item)));
                yield array;
            }
            case Object[] items -> {
                ArrayNode array = NODES.arrayNode();
                for (Object item : items) {
                    array.add(value(item));
                }
                yield array;
            }
            // A result type added to the Model API without a JSON form here: a bug, reported as one.
            default -> throw new IllegalStateException("no JSON form for a result of type " + value.getClass().getName());
        };
    }

    private static ObjectNode object(Map<?, ?> map) {
        ObjectNode object = NODES.objectNode();
        map.forEach((key, item) -> object.set(String.valueOf(key), value(item)));
        return object;
    }
}
