package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueCheckerTest {
    private static Object check(DataType type, Object value) {
        return ValueChecker.checkValue("t.v", type, value);
    }

    private static void refused(DataType type, Object value, String message) {
        assertThatThrownBy(() -> check(type, value)).isInstanceOf(ValidationError.class).hasMessage(message);
    }

    @Test
    void integersTakeTheirRangeAndTheJavaTypeOfTheirWidth() {
        assertThat(check(DataTypes.TINYINT, (byte) -128)).isEqualTo(-128);
        assertThat(check(DataTypes.SMALLINT.UNSIGNED(), 65535)).isEqualTo(65535);
        assertThat(check(DataTypes.INTEGER.UNSIGNED(), 4_294_967_295L)).isEqualTo(4_294_967_295L);
        assertThat(check(DataTypes.BIGINT, 5)).isEqualTo(5L);
        assertThat(check(DataTypes.BIGINT.UNSIGNED(), new BigInteger("18446744073709551615")))
                .isEqualTo(new BigInteger("18446744073709551615"));
        refused(DataTypes.TINYINT, 128, "t.v is TINYINT and cannot take Integer 128; allowed: a whole number (Integer, Long, Short, Byte, BigInteger) from -128 to 127");
        refused(DataTypes.MEDIUMINT.UNSIGNED(), -1, "t.v is MEDIUMINT.UNSIGNED and cannot take Integer -1; allowed: a whole number (Integer, Long, Short, Byte, BigInteger) from 0 to 16777215");
        refused(DataTypes.INTEGER, 1.5, "t.v is INTEGER and cannot take Double 1.5; allowed: Integer, Short, Byte, or a Long/BigInteger within 32 bits");
    }

    @Test
    void numbersWithFractions() {
        assertThat(check(DataTypes.DOUBLE, 3)).isEqualTo(3.0);
        assertThat(check(DataTypes.FLOAT, 1.5f)).isEqualTo(1.5);
        assertThat(check(DataTypes.DECIMAL(10, 2), 0.1)).isEqualTo(new BigDecimal("0.1"));
        assertThat(check(DataTypes.DECIMAL, 7L)).isEqualTo(BigDecimal.valueOf(7));
        refused(DataTypes.REAL, Double.NaN, "t.v is REAL and cannot take Double NaN; allowed: a finite Double, Float or whole number");
        refused(DataTypes.DECIMAL(10, 2), "1.5", "t.v is DECIMAL(10,2) and cannot take String \"1.5\"; allowed: BigDecimal, a whole number, or a finite Double");
    }

    @Test
    void datesTimesAndUuids() {
        assertThat(check(DataTypes.DATEONLY, LocalDate.of(2024, 1, 15))).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(check(DataTypes.TIME, LocalTime.of(10, 30, 0, 123_456_789))).isEqualTo(LocalTime.of(10, 30, 0, 123_000_000));
        assertThat(check(DataTypes.DATE(3), Instant.parse("2024-01-15T10:30:45.123456Z"))).isEqualTo(Instant.parse("2024-01-15T10:30:45.123Z"));
        UUID uuid = UUID.randomUUID();
        assertThat(check(DataTypes.UUID, uuid)).isEqualTo(uuid);
        refused(DataTypes.DATEONLY, "2024-01-15", "t.v is DATEONLY and cannot take String \"2024-01-15\"; allowed: LocalDate");
        refused(DataTypes.UUID, uuid.toString(), "t.v is UUID and cannot take String \"" + uuid + "\"; allowed: java.util.UUID");
    }

    @Test
    void enumValuesMustBeOneOfTheList() {
        assertThat(check(DataTypes.ENUM("a", "b"), "b")).isEqualTo("b");
        refused(DataTypes.ENUM("a", "b"), "c", "t.v is ENUM('a', 'b') and cannot take 'c'; allowed values: 'a', 'b'");
        refused(DataTypes.ENUM("a", "b"), 1, "t.v is ENUM('a', 'b') and cannot take Integer 1; allowed: one of the strings 'a', 'b'");
    }

    @Test
    void jsonIsCopiedAndCheckedAllTheWayDown() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("tags", List.of("x", 1, true));
        nested.put("none", null);
        Object checked = check(DataTypes.JSONB, nested);
        assertThat(checked).isEqualTo(nested).isNotSameAs(nested);
        assertThat(check(DataTypes.JSON, "text")).isEqualTo("text");
        refused(DataTypes.JSON, new java.util.HashMap<>(Map.of(1, "x")), "t.v is JSON and cannot take map {1=x}; allowed: Map (string keys), List, String, Number, Boolean or null, nested");
        refused(DataTypes.JSON, new java.util.ArrayList<>(List.of(LocalDate.of(2024, 1, 1))),
                "t.v is JSON and cannot take list [2024-01-01]; allowed: Map (string keys), List, String, Number, Boolean or null, nested");
    }

    @Test
    void arraysCheckEveryElementAndNameItsIndex() {
        assertThat(check(DataTypes.ARRAY(DataTypes.BIGINT), List.of(1, 2))).isEqualTo(List.of(1L, 2L));
        assertThat(check(DataTypes.ARRAY(DataTypes.STRING), new String[] {"a"})).isEqualTo(List.of("a"));
        refused(DataTypes.ARRAY(DataTypes.INTEGER), List.of(1, "two"),
                "t.v[1] is INTEGER and cannot take String \"two\"; allowed: Integer, Short, Byte, or a Long/BigInteger within 32 bits");
    }

    @Test
    void blobsAreCopiedBytes() {
        byte[] bytes = {1, 2};
        Object checked = check(DataTypes.BLOB, bytes);
        assertThat(checked).isEqualTo(bytes).isNotSameAs(bytes);
        refused(DataTypes.BLOB, "hi", "t.v is BLOB and cannot take String \"hi\"; allowed: byte[]");
    }
}
