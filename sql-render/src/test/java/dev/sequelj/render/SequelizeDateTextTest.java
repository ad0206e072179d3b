package dev.sequelj.render;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written DATE text agrees with the formatters it stands in for, and leaves every other form to them. */
class SequelizeDateTextTest {
    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx");
    private static final List<ZoneOffset> OFFSETS = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(2), ZoneOffset.ofHours(-5),
            ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHoursMinutes(-9, -30), ZoneOffset.ofHours(14), ZoneOffset.ofHours(-18));

    @Test
    void writesAndReadsWhatTheFormattersDoForInstantsAcrossTheYears() {
        SplittableRandom random = new SplittableRandom(7);
        long first = Instant.parse("0001-01-02T00:00:00Z").toEpochMilli();
        long last = Instant.parse("9999-12-30T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(first, last));
            ZoneOffset offset = OFFSETS.get(i % OFFSETS.size());
            String expected = WRITE.withZone(offset).format(instant);

            assertThat(SequelizeDateText.format(instant, offset)).isEqualTo(expected);
            assertThat(SequelizeDateText.parse(expected)).isEqualTo(OffsetDateTime.parse(expected, ValueCodec.SEQUELIZE_DATE).toInstant());
        }
    }

    @Test
    void knownValues() {
        Instant instant = Instant.parse("2024-01-15T10:30:45.123Z");

        assertThat(SequelizeDateText.format(instant, ZoneOffset.UTC)).isEqualTo("2024-01-15 10:30:45.123 +00:00");
        assertThat(SequelizeDateText.format(instant, ZoneOffset.ofHoursMinutes(-5, -30))).isEqualTo("2024-01-15 05:00:45.123 -05:30");
        assertThat(SequelizeDateText.parse("2024-01-15 12:30:45.123 +02:00")).isEqualTo(instant);
        assertThat(ValueCodec.formatSequelizeDate(Instant.parse("2024-01-15T10:30:45.123456Z"))).isEqualTo("2024-01-15 10:30:45.123 +00:00");
    }

    @Test
    void leavesOtherFormsToTheFormatters() {
        for (String other : List.of("2024-01-15 10:30:45 +00:00", "2024-01-15 10:30:45.1234 +00:00", "2024-01-15T10:30:45.123+00:00",
                "2024-02-30 10:30:45.123 +00:00", "2024-13-01 10:30:45.123 +00:00", "2024-01-15 24:00:00.000 +00:00",
                "2024-01-15 10:30:45.123 +19:00", "2024-01-15 10:30:45.123 Z0:00x", "2024-01-15 10:3a:45.123 +00:00", "")) {
            assertThat(SequelizeDateText.parse(other)).as(other).isNull();
        }
        assertThat(SequelizeDateText.format(Instant.parse("+10000-01-01T00:00:00Z"), ZoneOffset.UTC)).isNull();
        assertThat(SequelizeDateText.format(Instant.parse("2024-01-15T10:30:45Z"), ZoneOffset.ofTotalSeconds(3601))).isNull();
    }

    @Test
    void theCodecStillReadsTheOtherFormsThroughItsFormatters() {
        assertThat(ValueCodec.read(dev.sequelj.ast.model.DataTypes.DATE, "2024-01-15 10:30:45 +00:00"))
                .isEqualTo(Instant.parse("2024-01-15T10:30:45Z"));
        assertThat(ValueCodec.read(dev.sequelj.ast.model.DataTypes.DATE, "2024-02-30 10:30:45.123 +00:00"))
                .isEqualTo(OffsetDateTime.parse("2024-02-30 10:30:45.123 +00:00", ValueCodec.SEQUELIZE_DATE).toInstant());
    }
}
