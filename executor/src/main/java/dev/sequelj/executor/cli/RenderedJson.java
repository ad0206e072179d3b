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
import dev.sequelj.render.Sql;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.literal.TemporalText;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code sequelj render --json}: {@code {"<dialect>": [{"sql": "...", "params": [...]}]}}, one key per
 * dialect in the order rendered.
 *
 * <p>Params are JSON values: strings, numbers (exact, {@code 12.50} stays {@code 12.50}), booleans,
 * null. Dates and times are strings in the text Sequelize writes for them on that dialect
 * ({@code "2024-01-15 10:30:45.123 +00:00"}; mysql and mariadb {@code "2024-01-15 10:30:45"}, the UTC
 * wall clock), which each database reads back as the same value; byte arrays are lowercase hex
 * strings; UUIDs their text; lists JSON arrays.
 */
final class RenderedJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private RenderedJson() {}

    /** The document, pretty-printed, with a final newline. */
    static String of(Map<Dialect, List<Sql>> rendered) {
        ObjectNode root = NODES.objectNode();
        rendered.forEach((dialect, statements) -> {
            ArrayNode array = root.putArray(dialect.name());
            for (Sql sql : statements) {
                ObjectNode statement = array.addObject();
                statement.put("sql", sql.text());
                ArrayNode params = statement.putArray("params");
                sql.params().forEach(value -> params.add(param(value)));
            }
        });
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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
            case OffsetDateTime o -> NODES.textNode(TemporalText.timestamp(o));
            case Instant i -> NODES.textNode(TemporalText.timestamp(OffsetDateTime.ofInstant(i, ZoneOffset.UTC)));
            case LocalDateTime l -> NODES.textNode(TemporalText.dateTime(l));
            case LocalDate d -> NODES.textNode(TemporalText.date(d));
            case LocalTime t -> NODES.textNode(TemporalText.time(t));
            case UUID u -> NODES.textNode(u.toString());
            case byte[] bytes -> NODES.textNode(HexFormat.of().formatHex(bytes));
            case List<?> list -> {
                ArrayNode array = NODES.arrayNode();
                list.forEach(item -> array.add(param(item)));
                yield array;
            }
            // A bound type added to the compiler without a JSON form here: a bug, reported as one.
            default -> throw new IllegalStateException("no JSON form for a bound " + value.getClass().getName());
        };
    }
}
