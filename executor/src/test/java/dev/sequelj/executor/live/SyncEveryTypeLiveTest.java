package dev.sequelj.executor.live;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.finder.TableStatements;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.IndexDefinition;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.model.Reference;
import dev.sequelj.ast.model.ReferentialAction;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.jdbc.JdbcExecutor;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.executor.testing.LiveSession;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.collection.Vector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every data type's CREATE TABLE really runs, and a row of every type goes in with {@code create} and
 * comes back from {@code findAll} as the same Java values. Each dialect leaves out exactly the types it
 * refuses (ARRAY outside PostgreSQL, and so on); the QueryInterface's column and index changes run too.
 * Tables are named {@code ddl_<random>_...}, so other test runs on the same servers never meet them.
 */
class SyncEveryTypeLiveTest {
    private static final Instant AT = Instant.parse("2024-01-15T10:30:45.123Z");
    private static final UUID REF = UUID.fromString("3f0c2f7e-8a4b-4c1d-9e2f-1a2b3c4d5e6f");

    /** One attribute of the every-type table and the value a row gives it. */
    private record Column(Attribute attribute, Object value) {}

    private static List<Column> everyType() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("a", java.util.Arrays.asList(1, "two", true, null));
        json.put("b", Map.of("c", 2.5));
        return List.of(
                new Column(attribute("s", DataTypes.STRING(50)), "text with 'quotes' and ünïcode"),
                new Column(attribute("sb", DataTypes.STRING(16).BINARY()), "abc"),
                new Column(attribute("c", DataTypes.CHAR(2)), "ab"),
                new Column(attribute("t", DataTypes.TEXT), "long text"),
                new Column(attribute("tl", DataTypes.TEXT(DataType.TextSize.LONG)), "longer text"),
                new Column(attribute("ci", DataTypes.CITEXT), "MiXeD"),
                new Column(attribute("ti", DataTypes.TINYINT), 100),
                new Column(attribute("si", DataTypes.SMALLINT), -32000),
                new Column(attribute("mi", DataTypes.MEDIUMINT), 8_000_000),
                new Column(attribute("i", DataTypes.INTEGER), -2_000_000_000),
                new Column(attribute("iu", DataTypes.INTEGER.UNSIGNED()), 2_000_000_000L),
                new Column(attribute("bi", DataTypes.BIGINT), 9_007_199_254_740_993L),
                new Column(attribute("f", DataTypes.FLOAT), 1.5),
                new Column(attribute("r", DataTypes.REAL), 2.25),
                new Column(attribute("d", DataTypes.DOUBLE), 3.125),
                new Column(attribute("dec", DataTypes.DECIMAL(12, 4)), new BigDecimal("1234.5678")),
                new Column(attribute("b", DataTypes.BOOLEAN), true),
                new Column(attribute("at", DataTypes.DATE), AT),
                new Column(attribute("at3", DataTypes.DATE(3)), AT),
                new Column(attribute("day", DataTypes.DATEONLY), LocalDate.of(2024, 2, 29)),
                new Column(attribute("tm", DataTypes.TIME), LocalTime.of(10, 30, 15)),
                new Column(attribute("u", DataTypes.UUID).unique(true), REF),
                new Column(attribute("j", DataTypes.JSON), json),
                new Column(attribute("jb", DataTypes.JSONB), json),
                new Column(attribute("e", DataTypes.ENUM("x", "it's")), "it's"),
                new Column(attribute("arr", DataTypes.ARRAY(DataTypes.INTEGER)), List.of(1, 2, 3)),
                new Column(attribute("arrs", DataTypes.ARRAY(DataTypes.STRING)), List.of("a", "b c", "d,\"e\"")),
                new Column(attribute("bl", DataTypes.BLOB), HexFormat.of().parseHex("0001ff7f")),
                new Column(attribute("v", DataTypes.VIRTUAL), "never stored"));
    }

    /** The attributes each dialect refuses, by name: the test fails if a refusal appears or goes away unnoticed. */
    private static Set<String> refusedBy(String dialect) {
        return switch (dialect) {
            case "postgres" -> Set.of("ti", "mi");
            case "mysql", "mariadb" -> Set.of("ci", "jb", "arr", "arrs");
            case "sqlite" -> Set.of("jb", "arr", "arrs");
            case "mssql" -> Set.of("ci", "mi", "j", "jb", "arr", "arrs");
            default -> throw new IllegalArgumentException(dialect);
        };
    }

    private static String tag() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void everyTypeIsCreatedAndARowRoundTrips(LiveDatabase database) {
        String prefix = "ddl_" + tag() + "_";
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false))) {
            Sequelize sequelize = live.sequelize();
            Dialect dialect = sequelize.dialect();
            List<Column> columns = new ArrayList<>();
            Set<String> refused = new TreeSet<>();
            for (Column column : everyType()) {
                if (refuses(dialect, column.attribute())) {
                    refused.add(column.attribute().name());
                } else if (column.attribute().name().equals("ci") && !hasCitext(database, sequelize)) {
                    System.err.println(database + ": the citext extension is not installed in this database; CITEXT is left out");
                } else {
                    columns.add(column);
                }
            }
            assertThat(refused).as("the types %s refuses", dialect).isEqualTo(new TreeSet<>(refusedBy(dialect.name())));

            Model team = live.define("team", List.of(attribute("name", DataTypes.STRING)),
                    ModelOptions.options().tableName(prefix + "teams").timestamps(false));
            List<Attribute> attributes = new ArrayList<>(columns.stream().map(Column::attribute).toList());
            attributes.add(attribute("teamId", DataTypes.INTEGER)
                    .references(Reference.to(team.definition()).onDelete(ReferentialAction.CASCADE)).comment("the team's id"));
            attributes.add(attribute("score", DataTypes.INTEGER).allowNull(false).defaultValue(7));
            attributes.add(attribute("ref", DataTypes.UUID).defaultValue(DataTypes.UUIDV4));
            attributes.add(attribute("seen", DataTypes.DATEONLY).defaultValue(DataTypes.NOW));
            Model every = live.define("every", attributes, ModelOptions.options().tableName(prefix + "every_types")
                    .indexes(IndexDefinition.on("s").name(prefix + "by_s"), IndexDefinition.on("teamId", "i").unique(true).name(prefix + "team_i")));
            try {
                team.sync(true).join();
                every.sync(true).join();
                // A second plain sync finds everything in place (ENUM types and indexes included); on MySQL,
                // which has no CREATE INDEX IF NOT EXISTS, it reads the indexes first and adds none.
                every.sync().join();
                Object teamId = team.create(Map.of("name", "Reds")).join().get("id");

                Map<String, Object> values = new LinkedHashMap<>();
                columns.forEach(c -> values.put(c.attribute().name(), c.value()));
                values.put("teamId", teamId);
                ModelInstance created = every.create(values).join();
                List<ModelInstance> found = every.findAll().join();

                assertThat(found).hasSize(1);
                ModelInstance row = found.get(0);
                for (Column column : columns) {
                    if (!column.attribute().stored()) {
                        assertThat(row.dataValues()).as("VIRTUAL is not read").doesNotContainKey(column.attribute().name());
                        continue;
                    }
                    Object expected = stored(dialect, column.attribute().type(), column.value());
                    assertSame(column.attribute().name(), row.get(column.attribute().name()), expected);
                    assertSame(column.attribute().name() + " (as created)", created.get(column.attribute().name()), expected);
                }
                assertThat(row.get("teamId")).isEqualTo(teamId);
                assertThat(row.get("score")).as("a plain default filled in").isEqualTo(7);
                assertThat(row.get("ref")).as("a UUIDV4 default filled in").isInstanceOfSatisfying(UUID.class, u -> assertThat(u.version()).isEqualTo(4));
                assertThat(row.get("seen")).as("a NOW default filled in").isInstanceOf(LocalDate.class);
                assertWhereFindsTheRow(every, columns);
            } finally {
                dropCascading(sequelize, every.definition(), team.definition());
            }
        }
    }

    /**
     * Conditions on the types' values find the row, and conditions it does not meet find nothing: equality
     * for the scalar types, and on PostgreSQL an array compared whole, by containment and by overlap.
     */
    private static void assertWhereFindsTheRow(Model every, List<Column> columns) {
        Map<String, Object> present = new LinkedHashMap<>();
        columns.forEach(c -> present.put(c.attribute().name(), c.value()));
        for (String name : List.of("dec", "day", "tm", "u", "e", "d", "bl")) {
            if (present.containsKey(name)) {
                assertThat(ids(every, Map.of(name, present.get(name)))).as("where %s = its value", name).hasSize(1);
            }
        }
        assertThat(ids(every, Map.of("day", Map.of("$gt", LocalDate.of(2024, 3, 1))))).as("a later day").isEmpty();
        assertThat(ids(every, Map.of("tm", Map.of("$lt", LocalTime.of(10, 30, 15))))).as("an earlier time").isEmpty();
        if (present.containsKey("arr")) {
            assertThat(ids(every, Map.of("arr", List.of(1, 2, 3)))).as("the whole array").hasSize(1);
            assertThat(ids(every, Map.of("arr", List.of(1, 2)))).as("another array").isEmpty();
            assertThat(ids(every, Map.of("arr", Map.of("$contains", List.of(3, 1))))).as("contains").hasSize(1);
            assertThat(ids(every, Map.of("arr", Map.of("$contained", List.of(1, 2))))).as("contained").isEmpty();
            assertThat(ids(every, Map.of("arrs", Map.of("$overlap", List.of("zz", "b c"))))).as("overlap").hasSize(1);
        }
    }

    private static List<ModelInstance> ids(Model every, Map<String, Object> where) {
        return every.findAll(dev.sequelj.ast.finder.FindOptions.options().attributes("id").where(where)).join();
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void queryInterfaceChangesRun(LiveDatabase database) {
        TableName table = TableName.of("ddl_" + tag() + "_qi");
        try (Sequelize probe = database.open(SequelizeOptions.options().logging(false));
             JdbcExecutor executor = new JdbcExecutor(probe.settings(), PoolOptions.defaults().max(1))) {
            Dialect dialect = probe.dialect();
            ModelDefinition model = ModelDefinition.define("qi", List.of(attribute("name", DataTypes.STRING)),
                    ModelOptions.options().tableName(table.name()).timestamps(false));
            List<Statement> statements = new ArrayList<>(List.of(
                    TableStatements.createTable(model),
                    TableStatements.addColumn(table, "age", attribute("age", DataTypes.INTEGER).defaultValue(1).comment("years")),
                    TableStatements.addIndex(table, IndexDefinition.on("age").unique(true)),
                    TableStatements.renameColumn(table, "age", "years"),
                    TableStatements.removeIndex(table, table.name() + "_age"),
                    TableStatements.addColumn(table, "mood", attribute("mood", DataTypes.ENUM("a", "b")))));
            if (!dialect.name().equals("sqlite")) { // SQLite has no ALTER COLUMN: refused, see DdlRendererTest
                statements.add(TableStatements.changeColumn(table, "years", attribute("years", DataTypes.BIGINT).allowNull(false)));
            }
            statements.add(TableStatements.removeColumn(table, "years"));
            try {
                for (Statement statement : statements) {
                    executor.execute(SqlRenderer.render(statement, dialect)).join();
                }
                QueryResult columns = executor.execute(SqlRenderer.render(
                        dev.sequelj.ast.finder.FindStatements.findAll(model, dev.sequelj.ast.finder.FindOptions.options()), dialect)).join();
                assertThat(columns.columns().toJavaList()).containsExactly("id", "name");
            } finally {
                executor.execute(SqlRenderer.render(new Statement.DropTable(table, true, Vector.of("mood")), dialect)).join();
            }
        }
    }

    private static boolean refuses(Dialect dialect, Attribute attribute) {
        if (!attribute.stored()) {
            return false;
        }
        try {
            SqlRenderer.render(new Statement.AddColumn(TableName.of("probe"), new dev.sequelj.ast.statement.ColumnDefinition(
                    attribute.name(), attribute.type(), true, false)), dialect);
            return false;
        } catch (UnsupportedFeatureError e) {
            return true;
        }
    }

    /** Whether PostgreSQL's citext extension is installed; it is a server-side choice this test does not make. */
    private static boolean hasCitext(LiveDatabase database, Sequelize sequelize) {
        if (!sequelize.dialect().name().equals("postgres")) {
            return true;
        }
        try (JdbcExecutor executor = new JdbcExecutor(sequelize.settings(), PoolOptions.defaults().max(1))) {
            QueryResult result = executor.execute(new dev.sequelj.render.Sql(
                    "SELECT extname FROM pg_extension WHERE extname = 'citext';", io.vavr.collection.Array.empty(),
                    dev.sequelj.render.Sql.Returns.ROWS)).join();
            return !result.rows().isEmpty();
        }
    }

    /** What a database keeps of a value: MySQL's and MariaDB's DATETIME without precision drops the milliseconds. */
    private static Object stored(Dialect dialect, DataType type, Object value) {
        boolean wholeSeconds = (dialect.name().equals("mysql") || dialect.name().equals("mariadb"))
                && type instanceof DataType.DateType d && d.precision().getOrElse(0) == 0;
        return wholeSeconds ? ((Instant) value).truncatedTo(ChronoUnit.SECONDS) : value;
    }

    private static void assertSame(String name, Object actual, Object expected) {
        if (expected instanceof BigDecimal decimal) {
            assertThat(actual).as(name).isInstanceOfSatisfying(BigDecimal.class, d -> assertThat(d).isEqualByComparingTo(decimal));
        } else if (expected instanceof byte[] bytes) {
            assertThat(actual).as(name).isInstanceOfSatisfying(byte[].class, b -> assertThat(b).isEqualTo(bytes));
        } else {
            assertThat(actual).as(name).isEqualTo(expected);
        }
    }

    /** DROP TABLE ... CASCADE, which on PostgreSQL drops the ENUM types too; the session's cleanup does not. */
    private static void dropCascading(Sequelize sequelize, ModelDefinition... models) {
        if (sequelize.settings().inMemory()) {
            return; // the in-memory database goes with its connection
        }
        try (JdbcExecutor executor = new JdbcExecutor(sequelize.settings(), PoolOptions.defaults().max(1))) {
            for (ModelDefinition model : models) {
                executor.execute(SqlRenderer.render(TableStatements.dropTable(model, true), sequelize.dialect())).join();
            }
        }
    }
}
