package dev.sequelj.executor.jdbc;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.executor.error.AccessDeniedError;
import dev.sequelj.executor.error.ConnectionError;
import dev.sequelj.executor.error.ConnectionRefusedError;
import dev.sequelj.executor.error.DatabaseError;
import dev.sequelj.executor.error.ForeignKeyConstraintError;
import dev.sequelj.executor.error.ForeignKeyConstraintError.RelType;
import dev.sequelj.executor.error.HostNotFoundError;
import dev.sequelj.executor.error.TimeoutError;
import dev.sequelj.executor.error.TimeoutError.Reason;
import dev.sequelj.executor.error.UniqueConstraintError;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error tables with constructed driver exceptions: every SQL Server code (there is no SQL Server
 * here), and the message forms of MySQL 8 and SQLite that the live servers here do not produce. What
 * the live servers do produce is checked in {@code ConstraintErrorsLiveTest} and {@code TimeoutErrorsLiveTest}.
 */
class DriverErrorsTest {
    private static final String SQL = "INSERT INTO [users] ([email]) VALUES (@0);";

    private static SequeljError translate(JdbcProfile profile, SQLException e) {
        return JdbcErrors.translate(e, SQL, profile.errors());
    }

    @Nested
    class SqlServer {
        private SequeljError translate(SQLException e) {
            return DriverErrorsTest.translate(JdbcProfile.MSSQL, e);
        }

        @Test
        void uniqueConstraint2627() {
            SQLException driver = new SQLException("Violation of UNIQUE KEY constraint 'UQ__users__AB6E6164'. Cannot insert"
                    + " duplicate key in object 'dbo.users'. The duplicate key value is (a@b.c).", "23000", 2627);
            UniqueConstraintError error = (UniqueConstraintError) translate(driver);

            assertThat(error).isExactlyInstanceOf(UniqueConstraintError.class).hasCause(driver);
            assertThat(error.sql()).isEqualTo(SQL);
            assertThat(error.driverMessage()).isEqualTo(driver.getMessage());
            assertThat(error.fields()).isEmpty();
            assertThat(error.values()).isEmpty();
            assertThat(error.value()).contains("a@b.c");
            assertThat(error.index()).contains("UQ__users__AB6E6164");
            assertThat(error.table()).contains("users");
        }

        @Test
        void primaryKey2627OfTwoColumns() {
            UniqueConstraintError error = (UniqueConstraintError) translate(new SQLException(
                    "Violation of PRIMARY KEY constraint 'PK_memberships'. Cannot insert duplicate key in object"
                            + " 'sales.memberships'. The duplicate key value is (1, 2).", "23000", 2627));

            assertThat(error.value()).contains("1, 2");
            assertThat(error.index()).contains("PK_memberships");
            assertThat(error.table()).contains("memberships");
        }

        @Test
        void uniqueIndex2601() {
            UniqueConstraintError error = (UniqueConstraintError) translate(new SQLException(
                    "Cannot insert duplicate key row in object 'dbo.users' with unique index 'users_email'."
                            + " The duplicate key value is (a@b.c).", "23000", 2601));

            assertThat(error.value()).contains("a@b.c");
            assertThat(error.index()).contains("users_email");
            assertThat(error.table()).contains("users");
            assertThat(error.fields()).isEmpty();
        }

        /** A 2627 whose text is not the English one still is a unique violation, with nothing more claimed. */
        @Test
        void uniqueInAnotherLanguage() {
            UniqueConstraintError error = (UniqueConstraintError) translate(new SQLException(
                    "Verletzung der UNIQUE KEY-Einschränkung 'UQ_x'.", "23000", 2627));

            assertThat(error.index()).isEmpty();
            assertThat(error.value()).isEmpty();
            assertThat(error.table()).isEmpty();
        }

        @Test
        void foreignKey547OnTheChildSide() {
            ForeignKeyConstraintError error = (ForeignKeyConstraintError) translate(new SQLException(
                    "The INSERT statement conflicted with the FOREIGN KEY constraint \"FK_posts_users\". The conflict"
                            + " occurred in database \"test\", table \"dbo.users\", column 'id'.", "23000", 547));

            assertThat(error).isExactlyInstanceOf(ForeignKeyConstraintError.class);
            assertThat(error.relType()).contains(RelType.CHILD);
            assertThat(error.index()).contains("FK_posts_users");
            assertThat(error.referencedTable()).contains("users");
            assertThat(error.table()).isEmpty();
            assertThat(error.fields()).isEmpty();
        }

        @Test
        void foreignKey547OnTheParentSide() {
            ForeignKeyConstraintError error = (ForeignKeyConstraintError) translate(new SQLException(
                    "The DELETE statement conflicted with the REFERENCE constraint \"FK_posts_users\". The conflict"
                            + " occurred in database \"test\", table \"dbo.posts\", column 'userId'.", "23000", 547));

            assertThat(error.relType()).contains(RelType.PARENT);
            assertThat(error.index()).contains("FK_posts_users");
            assertThat(error.table()).contains("posts");
            assertThat(error.fields()).containsExactly("userId");
            assertThat(error.referencedTable()).isEmpty();
        }

        /** 547 is also a CHECK constraint's number: that stays a plain DatabaseError. */
        @Test
        void checkConstraint547IsADatabaseError() {
            SequeljError error = translate(new SQLException("The INSERT statement conflicted with the CHECK constraint"
                    + " \"CK_age\". The conflict occurred in database \"test\", table \"dbo.users\", column 'age'.", "23000", 547));

            assertThat(error).isExactlyInstanceOf(DatabaseError.class);
        }

        @Test
        void lockTimeout1222() {
            TimeoutError error = (TimeoutError) translate(new SQLException("Lock request time out period exceeded.", "S00051", 1222));

            assertThat(error.reason()).isEqualTo(Reason.LOCK);
            assertThat(error.sql()).contains(SQL);
        }

        /** mssql-jdbc reports its query timeout as an SQLTimeoutException. */
        @Test
        void queryTimeout() {
            TimeoutError error = (TimeoutError) translate(new SQLTimeoutException("The query has timed out.", "HY008", 0));

            assertThat(error.reason()).isEqualTo(Reason.STATEMENT);
        }

        /** 1205 is a deadlock victim on SQL Server (a lock wait timeout on MySQL): not a timeout here. */
        @Test
        void deadlock1205IsADatabaseError() {
            SequeljError error = translate(new SQLException("Transaction (Process ID 52) was deadlocked on lock resources"
                    + " with another process and has been chosen as the deadlock victim. Rerun the transaction.", "40001", 1205));

            assertThat(error).isExactlyInstanceOf(DatabaseError.class);
        }

        @Test
        void brokenConnection() {
            assertThat(translate(new SQLException("Connection reset", "08S01", 0))).isExactlyInstanceOf(ConnectionError.class);
            assertThat(translate(new SQLException("Cannot continue the execution because the session is in the kill state.",
                    "HY000", 596))).isExactlyInstanceOf(ConnectionError.class);
        }

        @Test
        void loginFailedWhileConnecting() {
            SQLException login = new SQLException("Login failed for user 'sa'.", "S0001", 18456);
            SequeljError error = translate(new SQLTransientConnectionException("sequelj-mssql - Connection is not available,"
                    + " request timed out after 1000ms.", "S0001", 18456, login));

            assertThat(error).isExactlyInstanceOf(AccessDeniedError.class).hasCause(login);
            assertThat(error).hasMessage("the database refused the login: Login failed for user 'sa'.");
        }

        @Test
        void unknownDatabaseWhileConnecting() {
            SQLException login = new SQLException("Cannot open database \"nope\" requested by the login. The login failed.", "S0001", 4060);

            assertThat(translate(new SQLTransientConnectionException("timed out", login))).isExactlyInstanceOf(AccessDeniedError.class);
        }
    }

    @Nested
    class MySql {
        private SequeljError translate(SQLException e) {
            return DriverErrorsTest.translate(JdbcProfile.MYSQL, e);
        }

        /** MySQL 8.0.19+ writes the key as table.key. */
        @Test
        void duplicateEntryOfMySql8() {
            UniqueConstraintError error = (UniqueConstraintError) translate(
                    new SQLException("Duplicate entry 'a@b.c' for key 'users.users_email'", "23000", 1062));

            assertThat(error.table()).contains("users");
            assertThat(error.index()).contains("users_email");
            assertThat(error.value()).contains("a@b.c");
            assertThat(error.fields()).isEmpty();
        }

        /** The value is everything between the first quote and the last {@code ' for key}, quotes included. */
        @Test
        void duplicateEntryWithQuotesInTheValue() {
            UniqueConstraintError error = (UniqueConstraintError) translate(
                    new SQLException("Duplicate entry 'O'Brien-x' for key 'name'", "23000", 1062));

            assertThat(error.value()).contains("O'Brien-x");
            assertThat(error.index()).contains("name");
            assertThat(error.table()).isEmpty();
        }

        @Test
        void foreignKeyNamesWithBackquotesAndADatabaseQualifiedParent() {
            ForeignKeyConstraintError error = (ForeignKeyConstraintError) translate(new SQLException(
                    "Cannot add or update a child row: a foreign key constraint fails (`test`.`odd``posts`, CONSTRAINT"
                            + " `fk``1` FOREIGN KEY (`a`, `b``c`) REFERENCES `other`.`pairs` (`x`, `y`) ON DELETE CASCADE)",
                    "23000", 1452));

            assertThat(error.table()).contains("odd`posts");
            assertThat(error.index()).contains("fk`1");
            assertThat(error.fields()).containsExactly("a", "b`c");
            assertThat(error.referencedTable()).contains("pairs");
            assertThat(error.relType()).contains(RelType.CHILD);
        }

        /** The old codes without details still say which side. */
        @Test
        void foreignKeyWithoutDetails() {
            ForeignKeyConstraintError error = (ForeignKeyConstraintError) translate(new SQLException(
                    "Cannot delete or update a parent row: a foreign key constraint fails", "23000", 1217));

            assertThat(error.relType()).contains(RelType.PARENT);
            assertThat(error.table()).isEmpty();
            assertThat(error.fields()).isEmpty();
        }

        @Test
        void timeouts() {
            assertThat(((TimeoutError) translate(new SQLException("Query execution was interrupted, maximum statement"
                    + " execution time exceeded", "HY000", 3024))).reason()).isEqualTo(Reason.STATEMENT);
            assertThat(((TimeoutError) translate(new SQLException("Statement aborted because lock(s) could not be acquired"
                    + " immediately and NOWAIT is set.", "HY000", 3572))).reason()).isEqualTo(Reason.LOCK);
        }

        @Test
        void connectionClosedByTheServer() {
            assertThat(translate(new SQLException("The client was disconnected by the server because of inactivity.",
                    "HY000", 4031))).isExactlyInstanceOf(ConnectionError.class);
        }

        @Test
        void databaseAccessDeniedWhileConnecting() {
            SQLException denied = new SQLException("Access denied for user 'u'@'%' to database 'secret'", "42000", 1044);

            assertThat(translate(new SQLTransientConnectionException("timed out", denied))).isExactlyInstanceOf(AccessDeniedError.class);
        }
    }

    @Nested
    class Sqlite {
        private SequeljError translate(SQLException e) {
            return DriverErrorsTest.translate(JdbcProfile.SQLITE, e);
        }

        @Test
        void uniqueIndexOnAnExpression() {
            UniqueConstraintError error = (UniqueConstraintError) translate(new SQLException(
                    "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: index 'users_lower_email')",
                    null, 19));

            assertThat(error.index()).contains("users_lower_email");
            assertThat(error.fields()).isEmpty();
            assertThat(error.table()).isEmpty();
        }

        @Test
        void notNullIsADatabaseError() {
            assertThat(translate(new SQLException("[SQLITE_CONSTRAINT_NOTNULL] A NOT NULL constraint failed"
                    + " (NOT NULL constraint failed: users.email)", null, 19))).isExactlyInstanceOf(DatabaseError.class);
        }

        @Test
        void lockedIsALockTimeout() {
            assertThat(((TimeoutError) translate(new SQLException("[SQLITE_LOCKED] A table in the database is locked", null, 6)))
                    .reason()).isEqualTo(Reason.LOCK);
        }
    }

    @Nested
    class EveryDriver {
        @Test
        void poolTimeoutWithoutAConnectionFailureIsAnAcquireTimeout() {
            for (JdbcProfile profile : JdbcProfile.values()) {
                TimeoutError error = (TimeoutError) translate(profile, new SQLTransientConnectionException(
                        "sequelj - Connection is not available, request timed out after 500ms (total=1, active=1, idle=0, waiting=0)"));

                assertThat(error.reason()).isEqualTo(Reason.ACQUIRE);
                assertThat(error.sql()).contains(SQL);
                assertThat(error).hasMessage("no pooled connection became free in time (pool.acquire): sequelj - Connection"
                        + " is not available, request timed out after 500ms (total=1, active=1, idle=0, waiting=0)");
            }
        }

        /** A driver's own subclass of SQLTransientConnectionException is not HikariCP's timeout. */
        @Test
        void aDriversTransientConnectionExceptionIsNotAPoolTimeout() {
            SQLTransientConnectionException driver = new SQLTransientConnectionException("gone", "08S01") {};

            assertThat(translate(JdbcProfile.MYSQL, driver)).isExactlyInstanceOf(ConnectionError.class)
                    .hasMessage("the connection to the database broke: gone");
        }

        @Test
        void connectionFailuresBehindThePoolTimeout() {
            for (JdbcProfile profile : JdbcProfile.values()) {
                assertThat(translate(profile, new SQLTransientConnectionException("timed out",
                        new SQLException("The connection attempt failed.", "08001", 0, new ConnectException("Connection refused")))))
                        .isExactlyInstanceOf(ConnectionRefusedError.class);
                assertThat(translate(profile, new SQLTransientConnectionException("timed out",
                        new SQLException("The connection attempt failed.", "08001", 0, new UnknownHostException("db.invalid")))))
                        .isExactlyInstanceOf(HostNotFoundError.class);
                assertThat(translate(profile, new SQLTransientConnectionException("timed out",
                        new SQLException("password authentication failed for user \"x\"", "28P01", 0))))
                        .isExactlyInstanceOf(AccessDeniedError.class);
                assertThat(translate(profile, new SQLTransientConnectionException("timed out",
                        new SQLException("the database system is starting up", "57P03", 0))))
                        .isExactlyInstanceOf(ConnectionError.class)
                        .hasMessage("cannot connect to the database: the database system is starting up");
            }
        }

        /** The same vendor code means different things to different drivers: the table is per family. */
        @Test
        void vendorCodesArePerDriverFamily() {
            SQLException code1205 = new SQLException("...", "40001", 1205);

            assertThat(((TimeoutError) translate(JdbcProfile.MARIADB, code1205)).reason()).isEqualTo(Reason.LOCK);
            assertThat(translate(JdbcProfile.MSSQL, code1205)).isExactlyInstanceOf(DatabaseError.class);
            assertThat(translate(JdbcProfile.POSTGRES, code1205)).isExactlyInstanceOf(DatabaseError.class);
            assertThat(translate(JdbcProfile.SQLITE, code1205)).isExactlyInstanceOf(DatabaseError.class);
        }

        @Test
        void anythingElseIsADatabaseErrorWithTheSqlAndTheDriversMessage() {
            SQLException syntax = new SQLException("syntax error at or near \"FORM\"", "42601", 0);
            for (JdbcProfile profile : JdbcProfile.values()) {
                DatabaseError error = (DatabaseError) translate(profile, syntax);

                assertThat(error).isExactlyInstanceOf(DatabaseError.class).hasCause(syntax)
                        .hasMessage("syntax error at or near \"FORM\" [sql: " + SQL + "]");
                assertThat(error.sql()).isEqualTo(SQL);
                assertThat(error.driverMessage()).isEqualTo("syntax error at or near \"FORM\"");
            }
        }
    }

    /** The key helpers claim values only when they split unambiguously. */
    @Test
    void keyValuesAreZippedOnlyWhenUnambiguous() {
        assertThat(Keys.zip(List.of("a", "b"), "1, 2", ", ")).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(Keys.zip(List.of("name"), "Doe, John", ", ")).isEqualTo(Map.of("name", "Doe, John"));
        assertThat(Keys.zip(List.of("a", "b"), "x, y, z", ", ")).isEmpty();
        assertThat(Keys.zip(List.of(), "x", ", ")).isEmpty();
        assertThat(Optional.ofNullable(Keys.zip(List.of("a"), null, ", "))).contains(Map.of());
    }
}
