package dev.sequelj.executor;

import dev.sequelj.executor.Transaction.IsolationLevel;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * The statements that open and end a transaction and its savepoints, per dialect, as Sequelize 6 sends
 * them (its {@code startTransactionQuery}, {@code setIsolationLevelQuery}, ...). Savepoint names are
 * quoted with the dialect's identifier quotes.
 *
 * <p>These are the executor's own SQL, not the renderer's; they would sit well as hooks on
 * {@code Dialect} once the renderer grows statements of this kind.
 */
enum TransactionStatements {
    /** {@code START TRANSACTION;} then, inside it, {@code SET TRANSACTION ISOLATION LEVEL ...;}. */
    POSTGRES("postgres", false),
    /** The isolation level is set for the next transaction, so before {@code START TRANSACTION;}. */
    MYSQL("mysql", true),
    MARIADB("mariadb", true),
    /**
     * {@code BEGIN DEFERRED TRANSACTION;} (Sequelize's default transaction type). SQLite is always
     * serializable; Sequelize sends only a comment for REPEATABLE READ and SERIALIZABLE, which the
     * JDBC driver cannot execute, so nothing is sent for them. {@code PRAGMA read_uncommitted} is a
     * connection setting, so after a READ UNCOMMITTED transaction it is turned off again before the
     * connection is reused (Sequelize leaves it on).
     */
    SQLITE("sqlite", false) {
        @Override
        String start() {
            return "BEGIN DEFERRED TRANSACTION;";
        }

        @Override
        Option<String> isolation(IsolationLevel level) {
            return switch (level) {
                case READ_UNCOMMITTED -> Option.some("PRAGMA read_uncommitted = ON;");
                case READ_COMMITTED -> Option.some("PRAGMA read_uncommitted = OFF;");
                case REPEATABLE_READ, SERIALIZABLE -> Option.none();
            };
        }

        @Override
        List<String> afterEnd(Option<IsolationLevel> level) {
            return level.contains(IsolationLevel.READ_UNCOMMITTED) ? List.of("PRAGMA read_uncommitted = OFF;") : List.empty();
        }
    },
    /**
     * T-SQL's own words. The isolation level is a session setting in SQL Server, so after a transaction
     * that chose one the default (READ COMMITTED) is put back before the connection is reused.
     */
    MSSQL("mssql", true) {
        @Override
        String start() {
            return "BEGIN TRANSACTION;";
        }

        @Override
        String savepoint(Dialect dialect, String name) {
            return "SAVE TRANSACTION " + quoted(dialect, name) + ";";
        }

        @Override
        String rollbackToSavepoint(Dialect dialect, String name) {
            return "ROLLBACK TRANSACTION " + quoted(dialect, name) + ";";
        }

        @Override
        String commit() {
            return "COMMIT TRANSACTION;";
        }

        @Override
        String rollback() {
            return "ROLLBACK TRANSACTION;";
        }

        @Override
        List<String> afterEnd(Option<IsolationLevel> level) {
            return level.isDefined() ? List.of("SET TRANSACTION ISOLATION LEVEL READ COMMITTED;") : List.empty();
        }
    };

    private final String dialectName;
    private final boolean isolationBeforeStart;

    TransactionStatements(String dialectName, boolean isolationBeforeStart) {
        this.dialectName = dialectName;
        this.isolationBeforeStart = isolationBeforeStart;
    }

    static TransactionStatements of(Dialect dialect) {
        for (TransactionStatements statements : values()) {
            if (statements.dialectName.equals(dialect.name())) {
                return statements;
            }
        }
        throw new IllegalArgumentException("no transaction statements for dialect " + dialect);
    }

    /** What opens a top-level transaction, in order, with the index of the statement that opens it. */
    record Begin(List<String> statements, int startIndex) {}

    Begin begin(Option<IsolationLevel> level) {
        List<String> isolation = level.flatMap(this::isolation).toList();
        return isolationBeforeStart
                ? new Begin(isolation.append(start()), isolation.size())
                : new Begin(isolation.prepend(start()), 0);
    }

    String start() {
        return "START TRANSACTION;";
    }

    Option<String> isolation(IsolationLevel level) {
        return Option.some("SET TRANSACTION ISOLATION LEVEL " + level.sql() + ";");
    }

    String savepoint(Dialect dialect, String name) {
        return "SAVEPOINT " + quoted(dialect, name) + ";";
    }

    String rollbackToSavepoint(Dialect dialect, String name) {
        return "ROLLBACK TO SAVEPOINT " + quoted(dialect, name) + ";";
    }

    String commit() {
        return "COMMIT;";
    }

    String rollback() {
        return "ROLLBACK;";
    }

    /** What puts the connection back as it was once the transaction ended; nothing, for most. */
    List<String> afterEnd(Option<IsolationLevel> level) {
        return List.empty();
    }

    static String quoted(Dialect dialect, String name) {
        StringBuilder out = new StringBuilder();
        dialect.quoteIdentifier(out, name);
        return out.toString();
    }
}
