package dev.sequelj.executor.live;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.executor.testing.LiveSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Type mapping both ways, one data type at a time, on every live database: each value is written through
 * {@code create} into an attribute of that type and read back through {@code findAll}, and must come back
 * equal, in the Java type the data type stands for (BOOLEAN as Boolean although SQLite and MySQL store
 * 0/1, DECIMAL as BigDecimal with the column's scale, BIGINT as Long, JSON as parsed values, BLOB as the
 * same bytes, text with unicode and emoji unchanged). Where a database keeps less than the value (MySQL's
 * DATETIME without fractional seconds, MySQL's single-precision FLOAT), the expected value says so
 * explicitly. Null round-trips for every type.
 */
class TypeRoundTripLiveTest {
    private static final String EMOJI = "😀👍🏽🇳🇴";
    private static final String UNICODE = "ünïcødé 日本語 Ελληνικά עברית " + EMOJI;

    /**
     * Creates one row per value in an attribute {@code v} of {@code type}, reads them back in order and
     * compares each with {@code expected} of the written value.
     */
    private static void roundTrip(LiveDatabase database, SequelizeOptions options, DataType type, List<?> values,
                                  Function<Object, Object> expected) {
        try (LiveSession live = database.session(options.logging(false))) {
            Model model;
            try {
                model = live.define("rt", List.of(attribute("v", type)), ModelOptions.options().timestamps(false));
                model.sync(true).join();
            } catch (UnsupportedFeatureError | java.util.concurrent.CompletionException refused) {
                Throwable cause = refused instanceof java.util.concurrent.CompletionException ? refused.getCause() : refused;
                if (cause instanceof UnsupportedFeatureError) {
                    Assumptions.abort(database + " has no " + DataTypes.describe(type) + ": " + cause.getMessage());
                }
                throw refused;
            }
            List<Object> written = new ArrayList<>(values);
            written.add(null);
            for (Object value : written) {
                Map<String, Object> row = new HashMap<>();
                row.put("v", value);
                ModelInstance created = model.create(row).join();
                assertSameValue(database, type, "created " + describe(value), created.get("v"), value == null ? null : expected.apply(value));
            }
            List<ModelInstance> found = model.findAll(FindOptions.options().order("id", Direction.ASC)).join();
            assertThat(found).hasSize(written.size());
            for (int i = 0; i < written.size(); i++) {
                Object value = written.get(i);
                assertSameValue(database, type, "read back " + describe(value), found.get(i).get("v"),
                        value == null ? null : expected.apply(value));
            }
        }
    }

    private static void roundTrip(LiveDatabase database, DataType type, List<?> values) {
        roundTrip(database, SequelizeOptions.options(), type, values, Function.identity());
    }

    private static void assertSameValue(LiveDatabase database, DataType type, String what, Object actual, Object expected) {
        String description = database + " " + DataTypes.describe(type) + ": " + what;
        if (expected == null) {
            assertThat(actual).as(description).isNull();
            return;
        }
        assertThat(actual).as(description).isNotNull();
        assertThat(actual.getClass()).as(description + " (Java type)").isEqualTo(expected instanceof Map<?, ?> ? actual.getClass()
                : expected instanceof List<?> ? actual.getClass() : expected.getClass());
        if (expected instanceof byte[] bytes) {
            assertThat((byte[]) actual).as(description).isEqualTo(bytes);
        } else if (expected instanceof Map<?, ?> || expected instanceof List<?>) {
            assertThat(actual).as(description).isInstanceOf(expected instanceof Map<?, ?> ? Map.class : List.class)
                    .isEqualTo(expected);
        } else {
            assertThat(actual).as(description).isEqualTo(expected);
        }
    }

    private static String describe(Object value) {
        return value instanceof byte[] bytes ? bytes.length + " bytes" : Objects.toString(value);
    }

    private static boolean mysqlFamily(LiveDatabase database) {
        return database == LiveDatabase.MYSQL || database == LiveDatabase.MARIADB;
    }

    // ---- one test per data type ----------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void booleanReadsBackAsBoolean(LiveDatabase database) {
        roundTrip(database, DataTypes.BOOLEAN, List.of(true, false));
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void integerKeepsItsRange(LiveDatabase database) {
        roundTrip(database, DataTypes.INTEGER, List.of(0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE));
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void bigintReadsBackAsLongBeyondJavaScriptsSafeIntegers(LiveDatabase database) {
        roundTrip(database, DataTypes.BIGINT, List.of(0L, 9_007_199_254_740_993L, Long.MAX_VALUE, Long.MIN_VALUE));
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void doubleKeepsEveryBit(LiveDatabase database) {
        roundTrip(database, DataTypes.DOUBLE, List.of(0.1, Math.PI, -2.5e-300, 1.7976931348623157e308, 0.0));
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void floatKeepsValuesASinglePrecisionColumnHolds(LiveDatabase database) {
        // MySQL's FLOAT is single precision and MySQL/MariaDB hand it back to 6 significant digits
        // (1024.125 comes back as 1024.12, in Sequelize too): values a float holds exactly in 6 digits.
        roundTrip(database, DataTypes.FLOAT, List.of(1.5, -0.25, 1024.5, 0.0));
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void decimalReadsBackAsBigDecimalWithTheColumnsScale(LiveDatabase database) {
        roundTrip(database, SequelizeOptions.options(), DataTypes.DECIMAL(12, 4),
                List.of(new BigDecimal("1234.5678"), new BigDecimal("-0.0001"), new BigDecimal("1.5"),
                        new BigDecimal("0"), new BigDecimal("99999999.9999")),
                value -> ((BigDecimal) value).setScale(4));
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void dateIsTheSameInstant(LiveDatabase database) {
        List<Instant> values = List.of(Instant.parse("2024-01-15T10:30:45.123Z"), Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("2038-01-19T03:14:08.999Z"), Instant.parse("2024-02-29T23:59:59.001Z"));
        // MySQL's DATETIME (Sequelize's DATE there) keeps whole seconds; DATE(3) below keeps the milliseconds.
        roundTrip(database, SequelizeOptions.options(), DataTypes.DATE, values,
                value -> mysqlFamily(database) ? ((Instant) value).truncatedTo(ChronoUnit.SECONDS) : value);
        roundTrip(database, SequelizeOptions.options(), DataTypes.DATE(3), values, Function.identity());
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void dateIsTheSameInstantWithTheTimezoneOption(LiveDatabase database) {
        List<Instant> values = List.of(Instant.parse("2024-01-15T22:30:45.123Z"), Instant.parse("2024-07-01T00:15:00.500Z"));
        for (String timezone : List.of("+05:30", "-08:00")) {
            roundTrip(database, SequelizeOptions.options().timezone(timezone), DataTypes.DATE(3), values, Function.identity());
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void dateOnlyReadsBackAsLocalDate(LiveDatabase database) {
        roundTrip(database, DataTypes.DATEONLY, List.of(LocalDate.of(2024, 2, 29), LocalDate.of(1000, 1, 1),
                LocalDate.of(9999, 12, 31), LocalDate.of(1970, 1, 1)));
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void timeReadsBackAsLocalTime(LiveDatabase database) {
        roundTrip(database, DataTypes.TIME, List.of(LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59), LocalTime.of(10, 30, 15)));
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void uuidReadsBackAsUuid(LiveDatabase database) {
        roundTrip(database, DataTypes.UUID, List.of(UUID.fromString("3f0c2f7e-8a4b-4c1d-9e2f-1a2b3c4d5e6f"),
                new UUID(0, 0), UUID.randomUUID()));
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void blobKeepsEveryByte(LiveDatabase database) {
        byte[] all = new byte[256 * 4];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        roundTrip(database, DataTypes.BLOB, List.of(all, new byte[] {0}, new byte[] {(byte) 0xff, 0, 0x27, 0x5c}, new byte[0]));
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void enumKeepsItsValues(LiveDatabase database) {
        roundTrip(database, DataTypes.ENUM("active", "it's", "ünï " + EMOJI), List.of("active", "it's", "ünï " + EMOJI));
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void stringKeepsUnicodeAndEmoji(LiveDatabase database) {
        roundTrip(database, DataTypes.STRING, List.of(UNICODE, EMOJI, "", "it's \"quoted\" \\ back", "tab\tline\nend"));
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void textKeepsLongUnicodeText(LiveDatabase database) {
        roundTrip(database, DataTypes.TEXT, List.of(UNICODE.repeat(500), EMOJI, ""));
    }

    private static List<Object> jsonValues() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("name", UNICODE);
        nested.put("n", 42);
        nested.put("big", 9_007_199_254_740_993L);
        nested.put("x", 2.5);
        nested.put("ok", true);
        nested.put("none", null);
        nested.put("list", Arrays.asList(1, "two", false, null, Map.of("deep", List.of())));
        return List.of(nested, List.of(1, 2, 3), "just text " + EMOJI, 42, 2.5, true, Map.of());
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void jsonReadsBackAsParsedValues(LiveDatabase database) {
        roundTrip(database, SequelizeOptions.options(), DataTypes.JSON, jsonValues(), Function.identity());
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void jsonbReadsBackAsParsedValues(LiveDatabase database) {
        roundTrip(database, SequelizeOptions.options(), DataTypes.JSONB, jsonValues(), Function.identity());
    }
}
