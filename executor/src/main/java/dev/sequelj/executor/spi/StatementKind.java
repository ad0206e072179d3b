package dev.sequelj.executor.spi;

import dev.sequelj.ast.statement.Statement;

/**
 * What kind of statement an {@link Executor} is given, beside its {@link dev.sequelj.render.Sql}: an
 * executor can route by it (reads to a replica, as {@code ReplicatedExecutor} does), count by it, or
 * refuse some kinds, without parsing SQL text.
 *
 * <p>Sequelj knows the kind of everything it sends: a model call's kind comes from its statement
 * ({@link #of(Statement)}), a {@code sequelize.query} from its {@code QueryTypes} type, and the
 * statements that open and end transactions are {@link #TRANSACTION_CONTROL}.
 *
 * <pre>{@code
 * for (Sql sql : SqlRenderer.renderAll(statement, dialect)) {
 *     executor.execute(sql, StatementKind.of(statement)).join();
 * }
 * }</pre>
 */
public enum StatementKind {
    /** Reads rows and changes nothing: the finders and counts, {@code sequelize.query} of type SELECT. */
    SELECT,
    /** {@code create}, {@code bulkCreate}, {@code sequelize.query} of type INSERT. */
    INSERT,
    /** {@code update}, {@code increment}, {@code restore}, {@code sequelize.query} of type UPDATE. */
    UPDATE,
    /** {@code destroy}, {@code truncate}, {@code sequelize.query} of type DELETE. */
    DELETE,
    /** {@code upsert}: an insert that updates the row it collides with. */
    UPSERT,
    /** A change to the schema: {@code sync}, {@code drop}. */
    DDL,
    /** {@code sequelize.query} of type RAW (the default), and {@code authenticate}: SQL of unknown effect. */
    RAW,
    /** {@code START TRANSACTION;}, {@code SAVEPOINT}, {@code COMMIT;}, {@code ROLLBACK;} and the isolation level settings. */
    TRANSACTION_CONTROL;

    /**
     * The kind of a statement Sequelj built. A truncate counts as a {@link #DELETE}: it removes rows and
     * leaves the table (SQLite has no TRUNCATE and sends {@code DELETE FROM}).
     */
    public static StatementKind of(Statement statement) {
        return switch (statement) {
            case Statement.Select select -> SELECT;
            case Statement.Insert insert -> INSERT;
            case Statement.BulkInsert insert -> INSERT;
            case Statement.Upsert upsert -> UPSERT;
            case Statement.Update update -> UPDATE;
            case Statement.Delete delete -> DELETE;
            case Statement.Truncate truncate -> DELETE;
            case Statement.CreateTable create -> DDL;
            case Statement.DropTable drop -> DDL;
            case Statement.CreateIndex index -> DDL;
            case Statement.DropIndex index -> DDL;
            case Statement.AddColumn column -> DDL;
            case Statement.RemoveColumn column -> DDL;
            case Statement.ChangeColumn column -> DDL;
            case Statement.RenameColumn column -> DDL;
            // A look at the schema for sync: sent where the DDL goes, so it sees what the DDL did.
            case Statement.ShowIndexes show -> DDL;
        };
    }

    /** Whether a statement of this kind only reads, so that a read replica can answer it. */
    public boolean readOnly() {
        return this == SELECT;
    }
}
