package dev.sequelj.executor.query;

import java.util.Optional;

/**
 * What a raw {@code INSERT} answers ({@code QueryTypes.INSERT}), as Sequelize's {@code [insertId, affectedRows]}
 * on MySQL.
 *
 * @param insertId     the first key the driver reports as generated, as the driver typed it (MySQL: the
 *                     first inserted row's {@code AUTO_INCREMENT} value; SQLite: {@code last_insert_rowid()};
 *                     PostgreSQL: the first column of the first inserted row); empty when there is none
 * @param affectedRows rows inserted
 */
public record InsertResult(Optional<Object> insertId, long affectedRows) {}
