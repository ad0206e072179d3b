package dev.sequelj.executor;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The conversions of {@link RecordMapper}, offline: each attribute's Java value into each component type it fits. */
class RecordMapperTest {
    private static final ZoneOffset PLUS_TWO = ZoneOffset.ofHours(2);
    private static final Instant AT = Instant.parse("2024-01-15T10:30:45.123Z");
    private static final ModelDefinition MODEL = ModelDefinition.define("thing", List.of(
            attribute("big", DataTypes.BIGINT), attribute("small", DataTypes.INTEGER), attribute("at", DataTypes.DATE),
            attribute("price", DataTypes.DECIMAL(10, 2)), attribute("ratio", DataTypes.DOUBLE),
            attribute("token", DataTypes.UUID), attribute("meta", DataTypes.JSON), attribute("name", DataTypes.STRING)),
            ModelOptions.options().timestamps(false));

    public record Wide(BigInteger big, long small, OffsetDateTime at, double price, BigDecimal ratio, String token,
                       Map<String, Object> meta, CharSequence name) {}

    public record Temporal(ZonedDateTime at) {}

    public record Wall(LocalDateTime at) {}

    public record Legacy(Date at) {}

    public record Narrow(int big) {}

    public record ShortOne(short small) {}

    public record JsonList(List<Object> meta) {}

    public record Anything(Object meta, Object at) {}

    private static Map<String, Object> values() {
        Map<String, Object> values = new HashMap<>();
        values.put("id", 1);
        values.put("big", 9_007_199_254_740_993L);
        values.put("small", 40_000);
        values.put("at", AT);
        values.put("price", new BigDecimal("12.50"));
        values.put("ratio", 0.25);
        values.put("token", UUID.fromString("3f0c2f7e-8a4b-4c1d-9e2f-1a2b3c4d5e6f"));
        values.put("meta", Map.of("a", 1));
        values.put("name", "Ann");
        return values;
    }

    @Test
    void eachComponentTakesItsAttributesValueInItsOwnType() {
        Wide wide = RecordMapper.of(MODEL, Wide.class, PLUS_TWO).fromValues(values());
        assertThat(wide).isEqualTo(new Wide(BigInteger.valueOf(9_007_199_254_740_993L), 40_000L, AT.atOffset(PLUS_TWO),
                12.5, BigDecimal.valueOf(0.25), "3f0c2f7e-8a4b-4c1d-9e2f-1a2b3c4d5e6f", Map.of("a", 1), "Ann"));
        assertThat(RecordMapper.of(MODEL, Temporal.class, PLUS_TWO).fromValues(values()).at())
                .isEqualTo(AT.atZone(PLUS_TWO));
        assertThat(RecordMapper.of(MODEL, Wall.class, PLUS_TWO).fromValues(values()).at())
                .isEqualTo(LocalDateTime.parse("2024-01-15T12:30:45.123"));
        assertThat(RecordMapper.of(MODEL, Legacy.class, PLUS_TWO).fromValues(values()).at()).isEqualTo(Date.from(AT));
        assertThat(RecordMapper.of(MODEL, Anything.class, PLUS_TWO).fromValues(values())).isEqualTo(new Anything(Map.of("a", 1), AT));
        assertThat(RecordMapper.of(MODEL, Wide.class, PLUS_TWO).components()).containsExactly(
                "big", "small", "at", "price", "ratio", "token", "meta", "name");
    }

    @Test
    void aValueThatDoesNotFitItsComponentIsRefusedNamingIt() {
        assertThatThrownBy(() -> RecordMapper.of(MODEL, Narrow.class, PLUS_TWO).fromValues(values()))
                .isInstanceOf(ValidationError.class)
                .hasMessage("record Narrow component 'big' (int) cannot hold 9007199254740993: it does not fit; use a wider type");
        assertThatThrownBy(() -> RecordMapper.of(MODEL, ShortOne.class, PLUS_TWO).fromValues(values()))
                .isInstanceOf(ValidationError.class).hasMessageContaining("component 'small' (short) cannot hold 40000");
        assertThatThrownBy(() -> RecordMapper.of(MODEL, JsonList.class, PLUS_TWO).fromValues(values()))
                .isInstanceOf(ValidationError.class).hasMessageContaining("component 'meta' (List) cannot hold the");
        Map<String, Object> small = values();
        small.put("big", 7L);
        assertThat(RecordMapper.of(MODEL, Narrow.class, PLUS_TWO).fromValues(small)).isEqualTo(new Narrow(7));
    }

    @Test
    void onlyRecordClassesMap() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Record> notARecord = (Class) String.class;
        assertThatThrownBy(() -> RecordMapper.of(MODEL, notARecord, PLUS_TWO))
                .isInstanceOf(ValidationError.class).hasMessage("java.lang.String is not a record class; rows map onto records only");
    }
}
