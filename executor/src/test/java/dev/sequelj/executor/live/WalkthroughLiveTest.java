package dev.sequelj.executor.live;

import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.error.ConnectionError;
import dev.sequelj.executor.error.DatabaseError;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.executor.testing.LiveSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sequelize's getting-started walkthrough ({@code GettingStarted}), asserted step by step on every live
 * database: connect, define, sync, create, find, close.
 */
class WalkthroughLiveTest {
    /** The fixed time of every createdAt/updatedAt here; .999 tells truncation from rounding. */
    private static final Instant NOW = Instant.parse("2024-01-15T10:30:45.999Z");

    private static SequelizeOptions settings() {
        return SequelizeOptions.options()
                .logging(false)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .define(ModelOptions.options().timestamps(false));
    }

    /**
     * What the database keeps of a DATE written with milliseconds. MySQL's and MariaDB's {@code DATETIME}
     * has no fractional digits, and both dialects bind whole seconds, truncated (never rounded into
     * the next second); Sequelize stores the same on a default server.
     */
    static Instant stored(LiveDatabase database, Instant written) {
        return switch (database) {
            case MYSQL, MARIADB -> written.truncatedTo(ChronoUnit.SECONDS);
            case SQLITE, POSTGRES, MSSQL -> written;
        };
    }

    private static Model user(LiveSession live) {
        // The constructor says timestamps(false); this model overrides it, as the page's User has them.
        return live.define("user", List.of(
                attribute("firstName", DataTypes.STRING).allowNull(false),
                attribute("lastName", DataTypes.STRING)),
                ModelOptions.options().timestamps(true));
    }

    private static Model post(LiveSession live) {
        return live.define("post", List.of(
                attribute("title", DataTypes.STRING),
                attribute("body", DataTypes.TEXT),
                attribute("published", DataTypes.BOOLEAN)));
    }

    private static List<ModelInstance> allById(Model model) {
        return model.findAll(options().order("id", Direction.ASC)).join();
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void authenticateAnswers(LiveDatabase database) {
        try (LiveSession live = database.session(settings())) {
            assertThat(live.sequelize().authenticate().join()).isNull();
            assertThat(live.sequelize().getDialect()).isEqualTo(database.dialect());
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void defineAppliesTheConstructorDefaultsUnlessTheModelOverrides(LiveDatabase database) {
        try (LiveSession live = database.session(settings())) {
            Model user = user(live);
            Model post = post(live);
            assertThat(user.getTableName()).isEqualTo(live.name("users"));
            assertThat(post.getTableName()).isEqualTo(live.name("posts"));
            assertThat(user.definition().attributes().keySet().toJavaList())
                    .containsExactly("id", "firstName", "lastName", "createdAt", "updatedAt");
            assertThat(post.definition().attributes().keySet().toJavaList())
                    .containsExactly("id", "title", "body", "published");

            user.sync(true).join();
            post.sync(true).join();
            ModelInstance jane = user.create(Map.of("firstName", "Jane")).join();
            ModelInstance hello = post.create(Map.of("title", "Hello")).join();

            assertThat(jane.dataValues()).isEqualTo(row("id", 1, "firstName", "Jane", "lastName", null,
                    "createdAt", stored(database, NOW), "updatedAt", stored(database, NOW)));
            assertThat(hello.dataValues()).isEqualTo(row("id", 1, "title", "Hello", "body", null, "published", null));
            assertThat(allById(post)).containsExactly(hello);
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void syncForceRecreatesAndPlainSyncKeepsTheTable(LiveDatabase database) {
        try (LiveSession live = database.session(settings())) {
            Model user = user(live);
            assertThat(user.sync(true).join()).isSameAs(user);
            ModelInstance jane = user.create(Map.of("firstName", "Jane")).join();

            user.sync().join();
            user.sync().join();
            assertThat(allById(user)).containsExactly(jane);

            user.sync(true).join();
            assertThat(allById(user)).isEmpty();
            assertThat(user.create(Map.of("firstName", "John")).join().get("id")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void createFillsIdAndTimestampsAndFindAllReadsTheSameRowsInInsertionOrder(LiveDatabase database) {
        try (LiveSession live = database.session(settings())) {
            Model user = user(live);
            user.sync(true).join();

            ModelInstance jane = user.create(Map.of("firstName", "Jane", "lastName", "Doe")).join();
            ModelInstance john = user.create(Map.of("firstName", "John", "lastName", "Hancock")).join();
            ModelInstance ada = user.create(Map.of("firstName", "Ada", "lastName", "Lovelace")).join();

            assertThat(jane.get("id", Integer.class)).isEqualTo(1);
            assertThat(john.get("id", Integer.class)).isEqualTo(2);
            assertThat(ada.get("id", Integer.class)).isEqualTo(3);
            assertThat(john.dataValues()).isEqualTo(row("id", 2, "firstName", "John", "lastName", "Hancock",
                    "createdAt", stored(database, NOW), "updatedAt", stored(database, NOW)));
            assertThat(allById(user)).containsExactly(jane, john, ada);
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void everyTypeRoundTripsAsWritten(LiveDatabase database) {
        try (LiveSession live = database.session(settings())) {
            Model sample = live.define("sample", List.of(
                    attribute("string", DataTypes.STRING),
                    attribute("text", DataTypes.TEXT),
                    attribute("integer", DataTypes.INTEGER),
                    attribute("bigint", DataTypes.BIGINT),
                    attribute("flag", DataTypes.BOOLEAN),
                    attribute("at", DataTypes.DATE)));
            sample.sync(true).join();
            Instant leapEvening = Instant.parse("2024-02-29T23:59:59.999Z");
            Instant moonLanding = Instant.parse("1969-07-20T20:17:40.123Z");

            Map<String, Object> largest = row("string", "S", "text", "T".repeat(10_000), "integer", Integer.MAX_VALUE,
                    "bigint", Long.MAX_VALUE, "flag", true, "at", leapEvening);
            Map<String, Object> smallest = row("string", "", "text", "", "integer", Integer.MIN_VALUE,
                    "bigint", Long.MIN_VALUE, "flag", false, "at", moonLanding);
            Map<String, Object> nulls = new HashMap<>();
            for (String name : List.of("string", "text", "integer", "bigint", "flag", "at")) {
                nulls.put(name, null);
            }
            List<ModelInstance> created = List.of(
                    sample.create(largest).join(), sample.create(smallest).join(), sample.create(nulls).join());

            assertThat(created.get(0).dataValues()).isEqualTo(row("id", 1, "string", "S", "text", "T".repeat(10_000),
                    "integer", Integer.MAX_VALUE, "bigint", Long.MAX_VALUE, "flag", true,
                    "at", stored(database, leapEvening)));
            assertThat(created.get(1).dataValues()).isEqualTo(row("id", 2, "string", "", "text", "",
                    "integer", Integer.MIN_VALUE, "bigint", Long.MIN_VALUE, "flag", false,
                    "at", stored(database, moonLanding)));
            assertThat(created.get(2).dataValues()).isEqualTo(row("id", 3, "string", null, "text", null,
                    "integer", null, "bigint", null, "flag", null, "at", null));
            assertThat(allById(sample)).isEqualTo(created);
        }
    }

    /** The one place the date precision differs: said outright for the two databases that lose it. */
    @ParameterizedTest
    @EnumSource(value = LiveDatabase.class, names = {"MYSQL", "MARIADB"})
    void mysqlAndMariaDbKeepDatesToTheWholeSecondTruncatingNotRounding(LiveDatabase database) {
        try (LiveSession live = database.session(settings())) {
            Model event = live.define("event", List.of(attribute("at", DataTypes.DATE)));
            event.sync(true).join();
            event.create(Map.of("at", Instant.parse("2024-02-29T23:59:59.999Z"))).join();

            assertThat(allById(event).get(0).get("at")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = LiveDatabase.class, names = {"SQLITE", "POSTGRES", "MSSQL"})
    void theOtherDatabasesKeepDateMilliseconds(LiveDatabase database) {
        try (LiveSession live = database.session(settings())) {
            Model event = live.define("event", List.of(attribute("at", DataTypes.DATE)));
            event.sync(true).join();
            event.create(Map.of("at", Instant.parse("2024-02-29T23:59:59.999Z"))).join();

            assertThat(allById(event).get(0).get("at")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z"));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void findOneReturnsTheMatchingRowOrNothing(LiveDatabase database) {
        try (LiveSession live = database.session(settings())) {
            Model user = user(live);
            user.sync(true).join();
            user.create(Map.of("firstName", "Jane", "lastName", "Doe")).join();
            ModelInstance john = user.create(Map.of("firstName", "John", "lastName", "Hancock")).join();
            user.create(Map.of("firstName", "John", "lastName", "Adams")).join();

            assertThat(user.findOne(options().where(Map.of("lastName", "Hancock"))).join()).contains(john);
            assertThat(user.findOne(options().where(Map.of("firstName", "John")).order("id", Direction.ASC)).join())
                    .contains(john);
            assertThat(user.findOne(options().where(Map.of("firstName", "Nobody"))).join()).isEqualTo(Optional.empty());
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void hostileStringsAreBoundAndRoundTripExactly(LiveDatabase database) {
        String hostile = "O'Brien \"quoted\" `tick` \\ \\' \\\\ -- /* */ ; DROP TABLE users; -- ? $1 :name %_ "
                + "Ünïcödé 日本語 \u00e9\u0301 😀🎉";
        try (LiveSession live = database.session(settings())) {
            Model user = user(live);
            user.sync(true).join();
            user.create(Map.of("firstName", "Plain")).join();
            ModelInstance created = user.create(Map.of("firstName", "Hostile", "lastName", hostile)).join();

            assertThat(created.get("lastName")).isEqualTo(hostile);
            assertThat(allById(user).get(1).get("lastName")).isEqualTo(hostile);
            assertThat(user.findOne(options().where(Map.of("lastName", hostile))).join()).contains(created);
            assertThat(allById(user)).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void closeClosesThePoolAndLaterCallsFailWithATypedError(LiveDatabase database) {
        try (LiveSession live = database.session(settings())) {
            Sequelize sequelize = live.sequelize();
            Model user = user(live);
            user.sync(true).join();

            sequelize.close();

            String closed = "the connection pool is closed: sequelize.close() was called; create a new Sequelize to connect again";
            assertThat(failure(sequelize.authenticate(), ConnectionError.class)).hasMessage(closed);
            assertThat(failure(user.findAll(), ConnectionError.class)).hasMessage(closed);
            assertThat(failure(user.create(Map.of("firstName", "Late")), ConnectionError.class)).hasMessage(closed);
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void concurrentCreatesEachGetTheirOwnRow(LiveDatabase database) {
        try (LiveSession live = database.session(settings())) {
            Model user = user(live);
            user.sync(true).join();

            List<CompletableFuture<ModelInstance>> creates = IntStream.rangeClosed(1, 20)
                    .mapToObj(i -> user.create(Map.of("firstName", "User " + i)))
                    .toList();
            List<ModelInstance> created = creates.stream().map(CompletableFuture::join).toList();

            assertThat(created).extracting(u -> u.get("id")).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
            assertThat(allById(user)).containsExactlyInAnyOrderElementsOf(created);
        }
    }

    /** A statement the database refuses is a DatabaseError carrying the SQL and the driver's exception. */
    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aTableThatWasNeverSyncedIsADatabaseError(LiveDatabase database) {
        try (LiveSession live = database.session(settings())) {
            Model post = post(live);

            DatabaseError error = failure(post.findAll(), DatabaseError.class);

            String table = post.getTableName();
            String alias = live.name("post");
            String expectedSql = switch (database) {
                case POSTGRES -> "SELECT \"id\", \"title\", \"body\", \"published\" FROM \"" + table + "\" AS \"" + alias + "\";";
                case MSSQL -> "SELECT [id], [title], [body], [published] FROM [" + table + "] AS [" + alias + "];";
                case SQLITE, MARIADB, MYSQL -> "SELECT `id`, `title`, `body`, `published` FROM `" + table + "` AS `" + alias + "`;";
            };
            assertThat(error.sql()).isEqualTo(expectedSql);
            assertThat(error.getCause()).isInstanceOf(SQLException.class);
            assertThat(error).hasMessage(error.getCause().getMessage() + " [sql: " + expectedSql + "]");
            assertThat(error.getCause().getMessage()).contains(table);
        }
    }
}
