package dev.sequelj.render.dialect;

import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.finder.Op;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sequelize's {@code timezone} option as dialect configuration: {@code dialect.withTimezone(offset)} is a
 * copy that writes DATE values at that offset, as Sequelize 6 writes them with {@code timezone: '+02:00'}
 * (the expected texts are the oracle's for 2024-01-15T10:30:45.123Z); the shared dialects stay at UTC.
 */
class DialectTimezoneTest {
    private static final Instant INSTANT = Instant.parse("2024-01-15T10:30:45.123Z");
    private static final ZoneOffset PLUS_TWO = ZoneOffset.ofHours(2);

    @Test
    void aConfiguredDialectBindsDatesAtItsOffset() {
        assertThat(Dialects.POSTGRES.withTimezone(PLUS_TWO).toDatabaseValue(DataTypes.DATE, INSTANT))
                .isEqualTo(OffsetDateTime.parse("2024-01-15T12:30:45.123+02:00"));
        assertThat(Dialects.MSSQL.withTimezone(PLUS_TWO).toDatabaseValue(DataTypes.DATE, INSTANT))
                .isEqualTo(OffsetDateTime.parse("2024-01-15T12:30:45.123+02:00"));
        // MySQL's DATETIME keeps the wall clock only; whole seconds, as before.
        assertThat(Dialects.MYSQL.withTimezone(PLUS_TWO).toDatabaseValue(DataTypes.DATE, INSTANT))
                .isEqualTo(LocalDateTime.parse("2024-01-15T12:30:45"));
        assertThat(Dialects.MARIADB.withTimezone(PLUS_TWO).toDatabaseValue(DataTypes.DATE, INSTANT))
                .isEqualTo(LocalDateTime.parse("2024-01-15T12:30:45"));
        assertThat(Dialects.SQLITE.withTimezone(PLUS_TWO).toDatabaseValue(DataTypes.DATE, INSTANT))
                .isEqualTo("2024-01-15 12:30:45.123 +02:00");
        assertThat(Dialects.SQLITE.withTimezone(ZoneOffset.ofHoursMinutes(-5, -30)).toDatabaseValue(DataTypes.DATE, INSTANT))
                .isEqualTo("2024-01-15 05:00:45.123 -05:30");
    }

    @Test
    void inlineLiteralsShowTheOffsetAsSequelizeEscapesThem() {
        ModelDefinition event = ModelDefinition.define("event", List.of(attribute("at", DataTypes.DATE)),
                ModelOptions.options().timestamps(false));
        Statement.Select select = FindStatements.findAll(event,
                FindOptions.options().where(Map.of("at", Map.of(Op.gt, INSTANT))));

        assertThat(SqlRenderer.inline(select, Dialects.POSTGRES.withTimezone(PLUS_TWO)).text()).isEqualTo(
                "SELECT \"id\", \"at\" FROM \"events\" AS \"event\" WHERE \"event\".\"at\" > '2024-01-15 12:30:45.123 +02:00';");
        assertThat(SqlRenderer.inline(select, Dialects.MYSQL.withTimezone(PLUS_TWO)).text()).isEqualTo(
                "SELECT `id`, `at` FROM `events` AS `event` WHERE `event`.`at` > '2024-01-15 12:30:45';");
        assertThat(SqlRenderer.inline(select, Dialects.MSSQL.withTimezone(PLUS_TWO)).text()).isEqualTo(
                "SELECT [id], [at] FROM [events] AS [event] WHERE [event].[at] > N'2024-01-15 12:30:45.123 +02:00';");
        assertThat(SqlRenderer.inline(select, Dialects.SQLITE.withTimezone(PLUS_TWO)).text()).isEqualTo(
                "SELECT `id`, `at` FROM `events` AS `event` WHERE `event`.`at` > '2024-01-15 12:30:45.123 +02:00';");

        Sql bound = SqlRenderer.render(select, Dialects.MYSQL.withTimezone(PLUS_TWO));
        assertThat(bound.params()).containsExactly(LocalDateTime.parse("2024-01-15T12:30:45"));
        assertThat(SqlRenderer.render(select, Dialects.MYSQL).params()).containsExactly(LocalDateTime.parse("2024-01-15T10:30:45"));
    }

    @Test
    void aWallClockReadBackIsTakenAtTheSameOffset() {
        LocalDateTime stored = LocalDateTime.parse("2024-01-15T12:30:45");
        assertThat(Dialects.MARIADB.withTimezone(PLUS_TWO).fromDatabaseValue(DataTypes.DATE, stored))
                .isEqualTo(Instant.parse("2024-01-15T10:30:45Z"));
        assertThat(Dialects.MARIADB.fromDatabaseValue(DataTypes.DATE, stored)).isEqualTo(Instant.parse("2024-01-15T12:30:45Z"));
        // Values that carry their offset mean the same instant whatever the timezone option says.
        assertThat(Dialects.SQLITE.fromDatabaseValue(DataTypes.DATE, "2024-01-15 12:30:45.123 +02:00")).isEqualTo(INSTANT);
        assertThat(Dialects.POSTGRES.withTimezone(ZoneOffset.ofHours(-7))
                .fromDatabaseValue(DataTypes.DATE, OffsetDateTime.parse("2024-01-15T12:30:45.123+02:00"))).isEqualTo(INSTANT);
    }

    @Test
    void everyDialectRoundTripsAnInstantThroughItsOwnStoredForm() {
        for (Dialect shared : Dialects.all()) {
            Dialect dialect = shared.withTimezone(ZoneOffset.ofHoursMinutes(-9, -30));
            Instant wholeSeconds = Instant.parse("2024-12-31T23:59:59Z");
            Object stored = dialect.toDatabaseValue(DataTypes.DATE, wholeSeconds);
            assertThat(dialect.fromDatabaseValue(DataTypes.DATE, stored)).as(dialect.name()).isEqualTo(wholeSeconds);
        }
    }

    @Test
    void configuringMakesACopyAndLeavesTheSharedDialectAtUtc() {
        Dialect configured = Dialects.MYSQL.withTimezone(PLUS_TWO);

        assertThat(configured).isNotSameAs(Dialects.MYSQL).isInstanceOf(MySqlDialect.class);
        assertThat(configured.name()).isEqualTo("mysql");
        assertThat(configured.timezone()).isEqualTo(PLUS_TWO);
        assertThat(Dialects.MYSQL.timezone()).isEqualTo(ZoneOffset.UTC);
        assertThat(Dialects.MYSQL.toDatabaseValue(DataTypes.DATE, INSTANT)).isEqualTo(LocalDateTime.parse("2024-01-15T10:30:45"));
        assertThat(Dialects.MYSQL.withTimezone(ZoneOffset.UTC)).isSameAs(Dialects.MYSQL);
        assertThat(configured.withTimezone(ZoneOffset.UTC)).isEqualTo(Dialects.MYSQL);

        assertThat(configured).isEqualTo(Dialects.MYSQL.withTimezone(PLUS_TWO))
                .hasSameHashCodeAs(Dialects.MYSQL.withTimezone(PLUS_TWO))
                .isNotEqualTo(Dialects.MARIADB.withTimezone(PLUS_TWO))
                .isNotEqualTo(Dialects.MYSQL);
        assertThatThrownBy(() -> Dialects.MYSQL.withTimezone(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timezone must not be null; ZoneOffset.UTC is Sequelize's default");
    }
}
