package dev.sequelj.render;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.render.dialect.Dialects;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How each dialect binds a checked value of each type, and how values read back become it again. */
class TypedValuesTest {
    private static final Instant AT = Instant.parse("2024-01-15T10:30:45.123Z");
    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @Test
    void datesBindAsTheColumnKeepsThem() {
        assertThat(Dialects.POSTGRES.toDatabaseValue(DataTypes.DATE, AT)).isEqualTo(OffsetDateTime.of(2024, 1, 15, 10, 30, 45, 123_000_000, ZoneOffset.UTC));
        assertThat(Dialects.MYSQL.toDatabaseValue(DataTypes.DATE, AT)).isEqualTo(LocalDateTime.of(2024, 1, 15, 10, 30, 45));
        assertThat(Dialects.MARIADB.toDatabaseValue(DataTypes.DATE(3), AT)).isEqualTo("2024-01-15 10:30:45.123");
        assertThat(Dialects.MYSQL.toDatabaseValue(DataTypes.DATE(1), AT)).isEqualTo("2024-01-15 10:30:45.1");
        assertThat(Dialects.SQLITE.toDatabaseValue(DataTypes.DATE, AT)).isEqualTo("2024-01-15 10:30:45.123 +00:00");
        assertThat(Dialects.SQLITE.toDatabaseValue(DataTypes.DATEONLY, LocalDate.of(2024, 1, 15))).isEqualTo("2024-01-15");
        assertThat(Dialects.SQLITE.toDatabaseValue(DataTypes.TIME, LocalTime.of(9, 5))).isEqualTo("09:05:00");
        assertThat(Dialects.MSSQL.toDatabaseValue(DataTypes.TIME, LocalTime.of(9, 5))).isEqualTo(LocalTime.of(9, 5));
    }

    @Test
    void uuidsJsonAndArrays() {
        assertThat(Dialects.POSTGRES.toDatabaseValue(DataTypes.UUID, ID)).isEqualTo(ID);
        assertThat(Dialects.MYSQL.toDatabaseValue(DataTypes.UUID, ID)).isEqualTo(ID.toString());
        assertThat(Dialects.SQLITE.toDatabaseValue(DataTypes.JSON, Map.of("a", List.of(1)))).isEqualTo("{\"a\":[1]}");
        assertThat(Dialects.POSTGRES.toDatabaseValue(DataTypes.ARRAY(DataTypes.DATE), List.of(AT)))
                .isEqualTo("{\"2024-01-15T10:30:45.123Z\"}");
        assertThat(Dialects.POSTGRES.toDatabaseValue(DataTypes.ARRAY(DataTypes.STRING), List.of("a b", "c"))).isEqualTo("{\"a b\",\"c\"}");
        assertThatThrownBy(() -> Dialects.MSSQL.toDatabaseValue(DataTypes.ARRAY(DataTypes.INTEGER), List.of(1)))
                .isInstanceOf(UnsupportedFeatureError.class)
                .hasMessage("mssql has no ARRAY type (ARRAY is PostgreSQL's); store a JSON array instead");
    }

    @Test
    void readValuesBecomeTheAttributesJavaType() {
        assertThat(ValueCodec.read(DataTypes.BIGINT.UNSIGNED(), new BigInteger("18446744073709551615"))).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(ValueCodec.read(DataTypes.INTEGER.UNSIGNED(), 4_294_967_295L)).isEqualTo(4_294_967_295L);
        assertThat(ValueCodec.read(DataTypes.SMALLINT, (short) 3)).isEqualTo(3);
        assertThat(ValueCodec.read(DataTypes.DECIMAL(10, 2), 1.5)).as("the column's scale").isEqualTo(new BigDecimal("1.50"));
        assertThat(ValueCodec.read(DataTypes.DECIMAL(10, 2), 1.005)).as("rounded half up").isEqualTo(new BigDecimal("1.01"));
        assertThat(ValueCodec.read(DataTypes.DECIMAL, "1.5")).as("no scale: as read").isEqualTo(new BigDecimal("1.5"));
        assertThat(ValueCodec.parseWallClock("2024-01-15 10:30:45.123")).isEqualTo(java.time.LocalDateTime.parse("2024-01-15T10:30:45.123"));
        assertThat(ValueCodec.parseWallClock("2024-01-15 10:30:45")).isEqualTo(java.time.LocalDateTime.parse("2024-01-15T10:30:45"));
        assertThat(ValueCodec.parseWallClock("2024-01-15 10:30:45.123 +00:00")).as("an offset: not a wall clock").isNull();
        assertThat(ValueCodec.parseWallClock("2024-01-15T10:30:45Z")).isNull();
        assertThat(ValueCodec.read(DataTypes.DECIMAL(10, 2), "9.99")).isEqualTo(new BigDecimal("9.99"));
        assertThat(ValueCodec.read(DataTypes.FLOAT, 2)).isEqualTo(2.0);
        assertThat(ValueCodec.read(DataTypes.BOOLEAN, "t")).isEqualTo(true);
        assertThat(ValueCodec.read(DataTypes.DATEONLY, "2024-01-15")).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(ValueCodec.read(DataTypes.DATE(3), "2024-01-15 10:30:45.123")).isEqualTo(AT);
        assertThat(ValueCodec.read(DataTypes.TIME, "10:30:00")).isEqualTo(LocalTime.of(10, 30));
        assertThat(ValueCodec.read(DataTypes.UUID, ID.toString().getBytes())).isEqualTo(ID);
        assertThat(ValueCodec.read(DataTypes.JSONB, "{\"a\":[1,true]}")).isEqualTo(Map.of("a", List.of(1, true)));
        assertThat(ValueCodec.read(DataTypes.ARRAY(DataTypes.INTEGER), new Object[] {1, 2})).isEqualTo(List.of(1, 2));
        assertThat(ValueCodec.read(DataTypes.ARRAY(DataTypes.BOOLEAN), "{t,f}")).isEqualTo(List.of(true, false));
        assertThat(ValueCodec.read(DataTypes.STRING.BINARY(), "hé".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("hé");
        assertThatThrownBy(() -> ValueCodec.read(DataTypes.UUID, "nope")).isInstanceOf(SequeljError.class)
                .hasMessage("cannot read String 'nope' as UUID");
    }

    @Test
    void literalsOfEveryStoredFormGoThroughTheDialectsLiteralWriter() {
        StringBuilder out = new StringBuilder();
        Dialects.MSSQL.literals().write(out, Dialects.MSSQL.toDatabaseValue(DataTypes.BLOB, new byte[] {(byte) 0xff}));
        out.append(' ');
        Dialects.MYSQL.literals().write(out, "a\\b'\0");
        out.append(' ');
        Dialects.POSTGRES.literals().write(out, Dialects.POSTGRES.toDatabaseValue(DataTypes.DECIMAL(10, 2), new BigDecimal("1E+3")));
        out.append(' ');
        Dialects.SQLITE.literals().write(out, Dialects.SQLITE.toDatabaseValue(DataTypes.BOOLEAN, false));
        out.append(' ');
        Dialects.POSTGRES.literals().write(out, Dialects.POSTGRES.toDatabaseValue(DataTypes.TIME, LocalTime.of(9, 0, 0, 500_000_000)));
        out.append(' ');
        Dialects.SQLITE.literals().write(out, Dialects.SQLITE.toDatabaseValue(DataTypes.TIME, LocalTime.of(9, 0, 0, 500_000_000)));
        out.append(' ');
        Dialects.POSTGRES.literals().write(out, Dialects.POSTGRES.toDatabaseValue(DataTypes.UUID, ID));
        out.append(' ');
        Dialects.MARIADB.literals().write(out, Dialects.MARIADB.toDatabaseValue(DataTypes.JSON, Map.of("a", 1)));
        out.append(' ');
        Dialects.POSTGRES.literals().write(out, Dialects.POSTGRES.toDatabaseValue(DataTypes.ARRAY(DataTypes.INTEGER), List.of(1, 2)));
        assertThat(out).hasToString("0xff 'a\\\\b''\\0' 1000 0 '09:00:00.500' '09:00:00.5' '" + ID + "' '{\"a\":1}' '{1,2}'");
        assertThatThrownBy(() -> Dialects.POSTGRES.literals().write(new StringBuilder(), Double.NaN))
                .isInstanceOf(dev.sequelj.ast.error.ValidationError.class)
                .hasMessage("the number NaN has no SQL literal; pass a finite number");
    }
}
