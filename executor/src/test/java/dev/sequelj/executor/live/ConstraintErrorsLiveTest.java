package dev.sequelj.executor.live;

import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.error.DatabaseError;
import dev.sequelj.executor.error.ForeignKeyConstraintError;
import dev.sequelj.executor.error.ForeignKeyConstraintError.RelType;
import dev.sequelj.executor.error.UniqueConstraintError;
import dev.sequelj.executor.testing.LiveDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static dev.sequelj.executor.testing.RawSql.query;
import static dev.sequelj.executor.testing.RawSql.quote;
import static dev.sequelj.executor.testing.RawSql.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unique and foreign key violations on every live database become {@link UniqueConstraintError} and
 * {@link ForeignKeyConstraintError}, carrying what that database's driver says (see the table on
 * {@link UniqueConstraintError}). The compiler does not write UNIQUE or REFERENCES yet, so the tables
 * are created with raw DDL through the Sequelize's own executor. SQL Server's codes are checked
 * without a server in {@code DriverErrorsTest}.
 */
class ConstraintErrorsLiveTest {
    private final String tag = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final String users = "err_ck_" + tag + "_users";
    private final String posts = "err_ck_" + tag + "_posts";
    private final String emailIndex = "err_ck_" + tag + "_email";
    private final String nameIndex = "err_ck_" + tag + "_name";
    private final String foreignKey = "err_ck_" + tag + "_fk";
    /** The last statement sent, as the logging option reports it. */
    private final AtomicReference<String> lastSql = new AtomicReference<>();
    private Sequelize sequelize;

    private Sequelize open(LiveDatabase database) {
        sequelize = database.open(SequelizeOptions.options()
                .logging(line -> lastSql.set(line.substring("Executing (default): ".length())))
                .define(ModelOptions.options().timestamps(false)));
        String id = switch (database) {
            case POSTGRES -> q("id") + " SERIAL PRIMARY KEY";
            case MARIADB, MYSQL -> q("id") + " INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY";
            case SQLITE -> q("id") + " INTEGER PRIMARY KEY AUTOINCREMENT";
            case MSSQL -> throw new IllegalArgumentException("not run on SQL Server");
        };
        run(sequelize, "CREATE TABLE " + q(users) + " (" + id + ", " + q("email") + " VARCHAR(255), "
                + q("firstName") + " VARCHAR(255), " + q("lastName") + " VARCHAR(255))").join();
        run(sequelize, "CREATE UNIQUE INDEX " + q(emailIndex) + " ON " + q(users) + " (" + q("email") + ")").join();
        run(sequelize, "CREATE UNIQUE INDEX " + q(nameIndex) + " ON " + q(users) + " (" + q("firstName") + ", " + q("lastName") + ")").join();
        run(sequelize, "CREATE TABLE " + q(posts) + " (" + id + ", " + q("title") + " VARCHAR(255), " + q("userId") + " INTEGER, "
                + "CONSTRAINT " + q(foreignKey) + " FOREIGN KEY (" + q("userId") + ") REFERENCES " + q(users) + " (" + q("id") + "))").join();
        return sequelize;
    }

    @AfterEach
    void dropTables() {
        if (sequelize != null) {
            try (Sequelize s = sequelize) {
                run(s, "DROP TABLE IF EXISTS " + q(posts)).join();
                run(s, "DROP TABLE IF EXISTS " + q(users)).join();
            }
        }
    }

    private String q(String name) {
        return quote(sequelize, name);
    }

    private Model user() {
        return sequelize.define("user", List.of(attribute("email", DataTypes.STRING),
                attribute("firstName", DataTypes.STRING), attribute("lastName", DataTypes.STRING)),
                ModelOptions.options().tableName(users));
    }

    private Model post() {
        return sequelize.define("post", List.of(attribute("title", DataTypes.STRING), attribute("userId", DataTypes.INTEGER)),
                ModelOptions.options().tableName(posts));
    }

    private long count(String table) {
        return ((Number) query(sequelize, "SELECT COUNT(*) AS n FROM " + q(table)).join().rows().get(0)[0]).longValue();
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRES", "MARIADB", "MYSQL"})
    void duplicateOfAUniqueColumn(LiveDatabase database) {
        open(database);
        Model user = user();
        user.create(Map.of("email", "a@b.c", "firstName", "Ann", "lastName", "Lee")).join();

        UniqueConstraintError error = failure(user.create(Map.of("email", "a@b.c", "firstName", "Bo", "lastName", "Ek")),
                UniqueConstraintError.class);

        assertThat(error).isInstanceOf(DatabaseError.class);
        assertThat(error.sql()).isEqualTo(lastSql.get());
        assertThat(error.getCause()).isInstanceOf(java.sql.SQLException.class);
        assertThat(error.driverMessage()).isEqualTo(error.getCause().getMessage());
        switch (database) {
            case POSTGRES -> {
                assertThat(error.fields()).containsExactly("email");
                assertThat(error.values()).containsExactly(Map.entry("email", "a@b.c"));
                assertThat(error.value()).contains("a@b.c");
                assertThat(error.index()).contains(emailIndex);
                assertThat(error.table()).contains(users);
            }
            case SQLITE -> {
                assertThat(error.fields()).containsExactly("email");
                assertThat(error.values()).isEmpty();
                assertThat(error.value()).isEmpty();
                assertThat(error.index()).isEmpty();
                assertThat(error.table()).contains(users);
            }
            case MARIADB, MYSQL -> {
                assertThat(error.fields()).isEmpty();
                assertThat(error.values()).isEmpty();
                assertThat(error.value()).contains("a@b.c");
                assertThat(error.index()).contains(emailIndex);
                assertThat(error.table()).isEmpty(); // MariaDB names the key only; MySQL 8 would say the table too
            }
            case MSSQL -> throw new IllegalArgumentException("not run on SQL Server");
        }
        assertThat(count(users)).isEqualTo(1);
    }

    /** Mixed-case columns, two of them: PostgreSQL prints them quoted, and both values. */
    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRES", "MARIADB", "MYSQL"})
    void duplicateOfATwoColumnKey(LiveDatabase database) {
        open(database);
        Model user = user();
        user.create(Map.of("email", "a@b.c", "firstName", "John", "lastName", "Doe")).join();

        UniqueConstraintError error = failure(user.create(Map.of("email", "x@y.z", "firstName", "John", "lastName", "Doe")),
                UniqueConstraintError.class);

        switch (database) {
            case POSTGRES -> {
                assertThat(error.fields()).containsExactly("firstName", "lastName");
                assertThat(error.values()).containsExactly(Map.entry("firstName", "John"), Map.entry("lastName", "Doe"));
                assertThat(error.value()).contains("John, Doe");
                assertThat(error.index()).contains(nameIndex);
            }
            case SQLITE -> {
                assertThat(error.fields()).containsExactly("firstName", "lastName");
                assertThat(error.table()).contains(users);
            }
            case MARIADB, MYSQL -> {
                assertThat(error.fields()).isEmpty();
                assertThat(error.value()).contains("John-Doe");
                assertThat(error.index()).contains(nameIndex);
            }
            case MSSQL -> throw new IllegalArgumentException("not run on SQL Server");
        }
        assertThat(count(users)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRES", "MARIADB", "MYSQL"})
    void duplicatePrimaryKey(LiveDatabase database) {
        open(database);
        Model user = user();
        Object id = user.create(Map.of("email", "a@b.c")).join().get("id");

        UniqueConstraintError error = failure(user.create(Map.of("id", id, "email", "x@y.z")), UniqueConstraintError.class);

        switch (database) {
            case POSTGRES -> {
                assertThat(error.fields()).containsExactly("id");
                assertThat(error.values()).containsExactly(Map.entry("id", id.toString()));
                assertThat(error.index()).contains(users + "_pkey");
            }
            case SQLITE -> assertThat(error.fields()).containsExactly("id");
            case MARIADB, MYSQL -> {
                assertThat(error.index()).contains("PRIMARY");
                assertThat(error.value()).contains(id.toString());
            }
            case MSSQL -> throw new IllegalArgumentException("not run on SQL Server");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRES", "MARIADB", "MYSQL"})
    void referenceToARowThatDoesNotExist(LiveDatabase database) {
        open(database);
        Model post = post();

        ForeignKeyConstraintError error = failure(post.create(Map.of("title", "orphan", "userId", 42)),
                ForeignKeyConstraintError.class);

        assertThat(error.sql()).isEqualTo(lastSql.get());
        switch (database) {
            case POSTGRES, MARIADB, MYSQL -> {
                assertThat(error.relType()).contains(RelType.CHILD);
                assertThat(error.table()).contains(posts);
                assertThat(error.fields()).containsExactly("userId");
                assertThat(error.referencedTable()).contains(users);
                assertThat(error.index()).contains(foreignKey);
            }
            case SQLITE -> {
                // "FOREIGN KEY constraint failed", and no more.
                assertThat(error.relType()).isEmpty();
                assertThat(error.table()).isEmpty();
                assertThat(error.fields()).isEmpty();
                assertThat(error.referencedTable()).isEmpty();
                assertThat(error.index()).isEmpty();
            }
            case MSSQL -> throw new IllegalArgumentException("not run on SQL Server");
        }
        assertThat(count(posts)).isZero();
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRES", "MARIADB", "MYSQL"})
    void deletingARowThatIsStillReferenced(LiveDatabase database) {
        open(database);
        Object id = user().create(Map.of("email", "a@b.c")).join().get("id");
        post().create(Map.of("title", "first", "userId", id)).join();
        String delete = "DELETE FROM " + q(users) + " WHERE " + q("id") + " = ?";

        ForeignKeyConstraintError error = failure(run(sequelize, delete, id), ForeignKeyConstraintError.class);

        assertThat(error.sql()).isEqualTo(delete);
        switch (database) {
            case POSTGRES -> {
                assertThat(error.relType()).contains(RelType.PARENT);
                assertThat(error.table()).contains(posts);
                assertThat(error.fields()).isEmpty(); // its DETAIL names the referenced column, not the foreign key's
                assertThat(error.referencedTable()).contains(users);
                assertThat(error.index()).contains(foreignKey);
            }
            case MARIADB, MYSQL -> {
                assertThat(error.relType()).contains(RelType.PARENT);
                assertThat(error.table()).contains(posts);
                assertThat(error.fields()).containsExactly("userId");
                assertThat(error.referencedTable()).contains(users);
                assertThat(error.index()).contains(foreignKey);
            }
            case SQLITE -> assertThat(error.relType()).isEmpty();
            case MSSQL -> throw new IllegalArgumentException("not run on SQL Server");
        }
        assertThat(count(users)).isEqualTo(1);
    }

    /** Sequelize runs {@code PRAGMA FOREIGN_KEYS=ON} on each SQLite connection; so does Sequelj, on file databases too. */
    @Test
    void sqliteConnectionsEnforceForeignKeys(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) {
        for (String uri : List.of("sqlite::memory:", "sqlite:" + directory.resolve("fk.db"))) {
            try (Sequelize sqlite = new Sequelize(uri, SequelizeOptions.options().logging(false))) {
                assertThat(query(sqlite, "PRAGMA foreign_keys").join().rows())
                        .singleElement().satisfies(row -> assertThat(row).containsExactly(1));
            }
        }
    }

    /** Not every refusal is a constraint: a statement the database cannot run stays a plain DatabaseError. */
    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRES", "MARIADB"})
    void otherRefusalsStayDatabaseErrors(LiveDatabase database) {
        open(database);
        String insert = "INSERT INTO " + q(users) + " (" + q("nope") + ") VALUES (?)";

        DatabaseError error = failure(run(sequelize, insert, 1), DatabaseError.class);

        assertThat(error).isExactlyInstanceOf(DatabaseError.class);
        assertThat(error.sql()).isEqualTo(insert);
        assertThat(Optional.ofNullable(error.driverMessage())).isNotEmpty();
    }
}
