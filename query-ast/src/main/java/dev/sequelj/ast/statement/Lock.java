package dev.sequelj.ast.statement;

/**
 * A row lock taken by a SELECT inside a transaction: Sequelize's {@code lock} finder option
 * ({@code Transaction.LOCK}). How it is written, and whether the database has it at all, is the
 * dialect's business ({@code FOR UPDATE}, {@code LOCK IN SHARE MODE}, SQL Server's {@code WITH (UPDLOCK)}).
 */
public enum Lock {
    /** {@code FOR UPDATE}: {@code lock: true} or {@code lock: 'UPDATE'}. */
    UPDATE,
    /** {@code FOR SHARE}: {@code lock: 'SHARE'}. */
    SHARE,
    /** {@code FOR KEY SHARE}: PostgreSQL only. */
    KEY_SHARE,
    /** {@code FOR NO KEY UPDATE}: PostgreSQL only. */
    NO_KEY_UPDATE;

    /** How Sequelize names the level: {@code UPDATE}, {@code SHARE}, {@code KEY SHARE}, {@code NO KEY UPDATE}. */
    public String sequelizeName() {
        return name().replace('_', ' ');
    }
}
