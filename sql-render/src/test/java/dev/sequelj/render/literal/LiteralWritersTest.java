package dev.sequelj.render.literal;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each dialect's literal for each kind of value, exactly. */
class LiteralWritersTest {

    private static String literal(Dialect dialect, Object value) {
        StringBuilder out = new StringBuilder();
        dialect.literals().write(out, value);
        return out.toString();
    }

    /** Writes the value for all five dialects: postgres, mysql, mariadb, sqlite, mssql. */
    private static List<String> everywhere(Object value) {
        return Dialects.all().map(d -> literal(d, value)).toJavaList();
    }

    @Test
    void quotesAreDoubledEverywhereAndSqlServerStringsAreUnicode() {
        assertThat(everywhere("O'Brien")).containsExactly("'O''Brien'", "'O''Brien'", "'O''Brien'", "'O''Brien'", "N'O''Brien'");
        assertThat(everywhere("")).containsExactly("''", "''", "''", "''", "N''");
        assertThat(everywhere("'")).containsExactly("''''", "''''", "''''", "''''", "N''''");
    }

    @Test
    void aBackslashIsEscapedOnMysqlAndMakesAnEscapeStringOnPostgres() {
        assertThat(everywhere("C:\\temp\\")).containsExactly(
                "E'C:\\\\temp\\\\'", "'C:\\\\temp\\\\'", "'C:\\\\temp\\\\'", "'C:\\temp\\'", "N'C:\\temp\\'");
        // The classic: a backslash before a quote must not escape the quote that closes or doubles it.
        assertThat(everywhere("\\' OR 1=1 --")).containsExactly(
                "E'\\\\'' OR 1=1 --'", "'\\\\'' OR 1=1 --'", "'\\\\'' OR 1=1 --'", "'\\'' OR 1=1 --'", "N'\\'' OR 1=1 --'");
    }

    @Test
    void mysqlEscapesTheControlCharactersSequelizesEscapeDoes() {
        String value = "a\0b\nc\rd\be\tf\u001ag\"h";
        assertThat(literal(Dialects.MYSQL, value)).isEqualTo("'a\\0b\\nc\\rd\\be\\tf\\Zg\"h'");
        assertThat(literal(Dialects.MARIADB, value)).isEqualTo("'a\\0b\\nc\\rd\\be\\tf\\Zg\"h'");
        // Elsewhere control characters are ordinary text inside quotes.
        assertThat(literal(Dialects.POSTGRES, "a\nb\tc\u001a\"")).isEqualTo("'a\nb\tc\u001a\"'");
    }

    @Test
    void nulIsSplicedOnSqliteAndSqlServerAndRefusedOnPostgres() {
        assertThat(literal(Dialects.SQLITE, "ab\0cd")).isEqualTo("('ab' || char(0) || 'cd')");
        assertThat(literal(Dialects.SQLITE, "\0")).isEqualTo("(char(0))");
        assertThat(literal(Dialects.SQLITE, "\0\0x'")).isEqualTo("(char(0) || char(0) || 'x''')");
        assertThat(literal(Dialects.MSSQL, "ab\0")).isEqualTo("(N'ab' + NCHAR(0))");
        assertThat(literal(Dialects.MYSQL, "ab\0")).isEqualTo("'ab\\0'");
        assertThatThrownBy(() -> literal(Dialects.POSTGRES, "ab\0cd"))
                .isInstanceOf(UnsupportedFeatureError.class)
                .hasMessage("postgres cannot store the NUL character (U+0000) in text; the string value 'ab\\0cd' holds one"
                        + " at index 2; remove it, or use a BLOB (bytea) attribute for binary data");
    }

    @Test
    void aLineBreakAfterABackslashIsSplicedOnSqlServerWhereItWouldContinueTheLine() {
        assertThat(literal(Dialects.MSSQL, "C:\\\r\nx")).isEqualTo("(N'C:\\' + NCHAR(13) + N'\nx')");
        assertThat(literal(Dialects.MSSQL, "a\\\nb")).isEqualTo("(N'a\\' + NCHAR(10) + N'b')");
        assertThat(literal(Dialects.MSSQL, "a\nb\\")).isEqualTo("N'a\nb\\'");
    }

    @Test
    void unicodeIsWrittenAsItIsAndAnUnpairedSurrogateIsRefused() {
        String text = "Zoë \uD83D\uDE00 日本 \u0301";
        assertThat(everywhere(text)).containsExactly("'" + text + "'", "'" + text + "'", "'" + text + "'", "'" + text + "'",
                "N'" + text + "'");
        for (Dialect dialect : Dialects.all()) {
            assertThatThrownBy(() -> literal(dialect, "ab\uD83D"))
                    .isInstanceOf(ValidationError.class)
                    .hasMessage("the string value 'ab\uD83D' holds an unpaired UTF-16 surrogate (U+D83D) at index 2,"
                            + " which no database can store as text; pass well-formed Unicode");
            assertThatThrownBy(() -> literal(dialect, "\uDE00ab")).isInstanceOf(ValidationError.class).hasMessageContaining("at index 0");
        }
    }

    @Test
    void booleansAreWordsOrDigitsAsSequelizeWritesThem() {
        assertThat(everywhere(true)).containsExactly("true", "true", "true", "1", "1");
        assertThat(everywhere(false)).containsExactly("false", "false", "false", "0", "0");
    }

    @Test
    void numbersAndNullAreWrittenPlainly() {
        for (Dialect dialect : Dialects.all()) {
            assertThat(literal(dialect, null)).isEqualTo("NULL");
            assertThat(literal(dialect, -42)).isEqualTo("-42");
            assertThat(literal(dialect, Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
            assertThat(literal(dialect, (short) 7)).isEqualTo("7");
            assertThat(literal(dialect, (byte) -1)).isEqualTo("-1");
            assertThat(literal(dialect, new BigInteger("123456789012345678901234567890"))).isEqualTo("123456789012345678901234567890");
            assertThat(literal(dialect, new BigDecimal("12.50"))).isEqualTo("12.50");
            assertThat(literal(dialect, new BigDecimal("1E+3"))).isEqualTo("1000");
            assertThat(literal(dialect, 1.5d)).isEqualTo("1.5");
            assertThat(literal(dialect, 1.0e-5)).isEqualTo("1.0E-5");
            assertThat(literal(dialect, 0.1f)).isEqualTo("0.1");
        }
    }

    @Test
    void nonFiniteNumbersHaveNoLiteral() {
        assertThatThrownBy(() -> literal(Dialects.SQLITE, Double.NaN))
                .isInstanceOf(ValidationError.class).hasMessage("the number NaN has no SQL literal; pass a finite number");
        assertThatThrownBy(() -> literal(Dialects.POSTGRES, Float.NEGATIVE_INFINITY))
                .isInstanceOf(ValidationError.class).hasMessage("the number -Infinity has no SQL literal; pass a finite number");
    }

    @Test
    void byteArraysAreHexInEachDatabasesForm() {
        byte[] bytes = {0x00, 0x0a, (byte) 0xff, 0x27};
        assertThat(everywhere(bytes)).containsExactly("E'\\\\x000aff27'", "X'000aff27'", "X'000aff27'", "X'000aff27'", "0x000aff27");
        assertThat(everywhere(new byte[0])).containsExactly("E'\\\\x'", "X''", "X''", "X''", "0x");
    }

    @Test
    void datesAreSequelizesTextInEachDialect() {
        OffsetDateTime timestamp = OffsetDateTime.parse("2024-01-15T10:30:45.123Z");
        // The literal is exact; mysql writes the UTC wall clock without an offset.
        assertThat(everywhere(timestamp)).containsExactly("'2024-01-15 10:30:45.123 +00:00'", "'2024-01-15 10:30:45.123'",
                "'2024-01-15 10:30:45.123'", "'2024-01-15 10:30:45.123 +00:00'", "N'2024-01-15 10:30:45.123 +00:00'");
        // The forms each dialect binds a DATE in: mysql truncates to whole seconds before binding, as Sequelize writes it.
        assertThat(literal(Dialects.MYSQL, Dialects.MYSQL.toDatabaseValue(dev.sequelj.ast.model.DataTypes.DATE, timestamp.toInstant())))
                .isEqualTo("'2024-01-15 10:30:45'");
        assertThat(literal(Dialects.POSTGRES, Dialects.POSTGRES.toDatabaseValue(dev.sequelj.ast.model.DataTypes.DATE, timestamp.toInstant())))
                .isEqualTo("'2024-01-15 10:30:45.123 +00:00'");
        assertThat(literal(Dialects.MYSQL, LocalDateTime.parse("2024-01-15T10:30:45"))).isEqualTo("'2024-01-15 10:30:45'");
        assertThat(literal(Dialects.SQLITE, Dialects.SQLITE.toDatabaseValue(dev.sequelj.ast.model.DataTypes.DATE, timestamp.toInstant())))
                .isEqualTo("'2024-01-15 10:30:45.123 +00:00'");
        // An offset other than UTC is kept (the text is exact); mysql writes the UTC wall clock.
        OffsetDateTime oslo = OffsetDateTime.parse("2024-06-01T12:00:00+02:00");
        assertThat(literal(Dialects.POSTGRES, oslo)).isEqualTo("'2024-06-01 12:00:00.000 +02:00'");
        assertThat(literal(Dialects.MARIADB, oslo)).isEqualTo("'2024-06-01 10:00:00'");
        assertThat(literal(Dialects.POSTGRES, Instant.parse("2024-01-15T10:30:45Z"))).isEqualTo("'2024-01-15 10:30:45.000 +00:00'");
        // A fraction finer than milliseconds is written in full rather than cut.
        assertThat(literal(Dialects.POSTGRES, OffsetDateTime.of(2024, 1, 15, 10, 30, 45, 123_456_000, ZoneOffset.UTC)))
                .isEqualTo("'2024-01-15 10:30:45.123456 +00:00'");
        assertThat(literal(Dialects.MYSQL, LocalDateTime.of(2024, 1, 15, 10, 30, 45, 500_000_000))).isEqualTo("'2024-01-15 10:30:45.500'");
    }

    @Test
    void datesOnlyTimesAndUuidsAreStrings() {
        assertThat(everywhere(LocalDate.of(2024, 1, 2))).containsExactly("'2024-01-02'", "'2024-01-02'", "'2024-01-02'", "'2024-01-02'", "N'2024-01-02'");
        assertThat(literal(Dialects.SQLITE, LocalTime.of(9, 5))).isEqualTo("'09:05:00'");
        assertThat(literal(Dialects.SQLITE, LocalTime.of(9, 5, 1, 1))).isEqualTo("'09:05:01.000000001'");
        UUID uuid = UUID.fromString("00000000-0000-4000-8000-000000000001");
        assertThat(literal(Dialects.MSSQL, uuid)).isEqualTo("N'00000000-0000-4000-8000-000000000001'");
    }

    @Test
    void listsAreArraysOnPostgresOnly() {
        assertThat(literal(Dialects.POSTGRES, List.of(1, 2))).isEqualTo("ARRAY[1, 2]");
        assertThat(literal(Dialects.POSTGRES, List.of("a'b", "c"))).isEqualTo("ARRAY['a''b', 'c']");
        assertThat(literal(Dialects.POSTGRES, List.of())).isEqualTo("'{}'");
        assertThatThrownBy(() -> literal(Dialects.MARIADB, List.of(1)))
                .isInstanceOf(UnsupportedFeatureError.class)
                .hasMessage("mariadb has no inline literal for a list (an ARRAY value); inline literals are written for"
                        + " strings, numbers, booleans, byte arrays, dates, times and UUIDs (and arrays on postgres)");
    }

    @ParameterizedTest
    @MethodSource("dev.sequelj.render.dialect.Dialects#all")
    void aValueOfAnotherTypeIsRefusedNamingTheDialectAndTheType(Dialect dialect) {
        assertThatThrownBy(() -> literal(dialect, new Object()))
                .isInstanceOf(UnsupportedFeatureError.class)
                .hasMessageStartingWith(dialect.name() + " has no inline literal for a java.lang.Object;");
    }
}
