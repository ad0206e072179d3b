package dev.sequelj.executor.result;

import dev.sequelj.executor.ModelInstance;

import java.util.Optional;

/**
 * What {@code Model.upsert(values, options)} answers, Sequelize's {@code [instance, created]}.
 *
 * <pre>{@code
 * // Sequelize: const [user, created] = await User.upsert({ id: 5, name: 'Ann' });
 * UpsertResult result = users.upsert(Map.of("id", 5, "name", "Ann")).join();
 * result.instance();   // the row
 * result.created();    // Optional[true] on MySQL and SQL Server when inserted; Optional.empty() where the database cannot tell
 * }</pre>
 *
 * @param instance the row: as stored where the database hands it back (PostgreSQL, SQLite, MariaDB, SQL
 *                 Server), else (MySQL) the values sent, with the generated key when the row was inserted
 * @param created  whether the row was inserted rather than updated, where the database says so (MySQL's
 *                 affected-row count: 1 inserted, 2 updated; SQL Server's MERGE {@code OUTPUT $action}:
 *                 {@code INSERT} or {@code UPDATE}, and no row when there was nothing to update, not
 *                 created); empty where it cannot tell (PostgreSQL and SQLite, where Sequelize answers null,
 *                 and MariaDB's RETURNING form)
 */
public record UpsertResult(ModelInstance instance, Optional<Boolean> created) {}
