package dev.sequelj.executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/** Sequelize's default {@code logging}: each statement at INFO on the {@code dev.sequelj.sql} logger. */
final class SqlLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.sequelj.sql");

    static final Consumer<String> DEFAULT = LOG::info;

    private SqlLog() {}

    /** The line Sequelize prints for a statement outside any transaction. */
    static String executing(String sql) {
        return executing("default", sql);
    }

    /** The line Sequelize prints for a statement on a connection: {@code default}, or a transaction's id. */
    static String executing(String connection, String sql) {
        return "Executing (" + connection + "): " + sql;
    }
}
