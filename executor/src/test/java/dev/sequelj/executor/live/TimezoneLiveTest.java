package dev.sequelj.executor.live;

import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.QueryOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.query.QueryTypes;
import dev.sequelj.executor.testing.LiveDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sequelize's {@code timezone: '+02:00'} on every live database: a DATE written and read back is the same
 * instant, found by a where clause on it, and stored as Sequelize stores it at that offset: SQLite's text
 * and PostgreSQL's session show {@code +02:00}, MySQL's and MariaDB's {@code DATETIME} holds the wall clock
 * at {@code +02:00} (so a Sequelize at the default {@code +00:00} reads it two hours off, as Sequelize
 * would). Tables {@code repl_tz_events_<random>}, dropped after each test.
 */
class TimezoneLiveTest {
    private static final Instant AT = Instant.parse("2024-01-15T10:30:45.123Z");
    /** MySQL's and MariaDB's DATETIME keeps whole seconds. */
    private static final Instant AT_WHOLE_SECONDS = Instant.parse("2024-01-15T10:30:45Z");

    @TempDir
    Path directory;

    private final String table = "repl_tz_events_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    private Sequelize open(LiveDatabase database, SequelizeOptions options) {
        SequelizeOptions quiet = options.logging(false);
        // A file, not :memory:, so that a second Sequelize sees the same rows.
        return database == LiveDatabase.SQLITE
                ? new Sequelize("sqlite:" + directory.resolve("timezone.db"), quiet)
                : database.open(quiet);
    }

    private Model event(Sequelize sequelize) {
        return sequelize.define("event", List.of(attribute("at", DataTypes.DATE)),
                ModelOptions.options().timestamps(false).tableName(table));
    }

    private static boolean mysqlFamily(LiveDatabase database) {
        return database == LiveDatabase.MARIADB || database == LiveDatabase.MYSQL;
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aDateWrittenAtPlusTwoHoursReadsBackAsTheSameInstant(LiveDatabase database) {
        Instant expected = mysqlFamily(database) ? AT_WHOLE_SECONDS : AT;
        try (Sequelize sequelize = open(database, SequelizeOptions.options().timezone("+02:00"))) {
            Model event = event(sequelize);
            try {
                event.sync(true).join();
                ModelInstance created = event.create(Map.of("at", AT)).join();
                assertThat(created.get("at")).isEqualTo(expected);

                List<ModelInstance> found = event.findAll(options().where(Map.of("at", AT))).join();
                assertThat(found).extracting(row -> row.get("at")).containsExactly(expected);

                assertThat(storedForm(database, sequelize)).isEqualTo(switch (database) {
                    case SQLITE -> "2024-01-15 12:30:45.123 +02:00";
                    case POSTGRES -> "2024-01-15 12:30:45.123+02";
                    case MARIADB, MYSQL -> "2024-01-15 12:30:45";
                    case MSSQL -> OffsetDateTime.parse("2024-01-15T12:30:45.123+02:00");
                });
            } finally {
                event.drop().join();
            }
        }
    }

    /**
     * The same rows read by a Sequelize at the default {@code +00:00}: where the value carries its offset it
     * is the same instant; MySQL's and MariaDB's wall clock is read as UTC, two hours later, as Sequelize
     * reads it. This is what makes the option matter there.
     */
    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aSequelizeAtAnotherTimezoneReadsTheWallClockOfMysqlAtItsOwn(LiveDatabase database) {
        try (Sequelize writer = open(database, SequelizeOptions.options().timezone("+02:00"));
             Sequelize reader = open(database, SequelizeOptions.options())) {
            Model written = event(writer);
            try {
                written.sync(true).join();
                written.create(Map.of("at", AT)).join();

                Object read = event(reader).findAll().join().get(0).get("at");
                assertThat(read).isEqualTo(mysqlFamily(database) ? Instant.parse("2024-01-15T12:30:45Z") : AT);
            } finally {
                written.drop().join();
            }
        }
    }

    /** The session runs at the option's offset where the database has a session time zone. */
    @ParameterizedTest
    @EnumSource(value = LiveDatabase.class, names = {"POSTGRES", "MARIADB", "MYSQL"})
    void theSessionTimeZoneIsTheOption(LiveDatabase database) {
        try (Sequelize sequelize = open(database, SequelizeOptions.options().timezone("-05:30"))) {
            String sql = database == LiveDatabase.POSTGRES
                    ? "SELECT now()::text LIKE '%-05:30' AS matches, current_setting('TimeZone') AS zone"
                    : "SELECT @@session.time_zone AS zone";
            Map<String, Object> row = sequelize.query(sql, QueryOptions.options(QueryTypes.SELECT)).join().get(0);
            if (database == LiveDatabase.POSTGRES) {
                assertThat(row).containsEntry("matches", true).containsEntry("zone", "<-05:30>+05:30");
            } else {
                assertThat(row).containsEntry("zone", "-05:30");
            }
        }
    }

    /** The DATE column as the database holds it, read without Sequelj's conversion. */
    private Object storedForm(LiveDatabase database, Sequelize sequelize) {
        String sql = switch (database) {
            case SQLITE, MSSQL -> "SELECT " + quoted(database, "at") + " AS v FROM " + quoted(database, table);
            case POSTGRES -> "SELECT \"at\"::text AS v FROM \"" + table + "\"";
            case MARIADB, MYSQL -> "SELECT CAST(`at` AS CHAR) AS v FROM `" + table + "`";
        };
        return sequelize.query(sql, QueryOptions.options(QueryTypes.SELECT)).join().get(0).get("v");
    }

    private static String quoted(LiveDatabase database, String name) {
        return database == LiveDatabase.MSSQL ? "[" + name + "]" : "`" + name + "`";
    }
}
