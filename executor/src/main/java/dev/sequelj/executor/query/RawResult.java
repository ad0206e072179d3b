package dev.sequelj.executor.query;

import java.util.List;
import java.util.Map;

/**
 * What a raw query of type {@code RAW} (the default) answers, as Sequelize's {@code [results, metadata]}:
 * the rows the statement produced, if any, and its update count.
 *
 * @param rows         each row as a map of column label to value; empty for a statement without rows
 * @param affectedRows the update count the database reported, or -1 when the statement produced rows or
 *                     the database said nothing (SQLite reports the last change count even after DDL)
 */
public record RawResult(List<Map<String, Object>> rows, long affectedRows) {}
