package dev.sequelj.executor.result;

import dev.sequelj.executor.ModelInstance;

import java.util.List;

/**
 * What {@code Model.update}, {@code increment} and {@code decrement} answer: Sequelize's
 * {@code [affectedCount]}, or {@code [affectedCount, affectedRows]} with {@code returning}.
 *
 * <pre>{@code
 * // Sequelize: const [affectedCount] = await User.update({ team: 'blue' }, { where: { team: 'red' } });
 * long affected = users.update(Map.of("team", "blue"), UpdateOptions.options().where(Map.of("team", "red")))
 *         .join().affectedCount();
 * }</pre>
 *
 * @param affectedCount the rows the statement changed (MySQL and MariaDB count rows matched but left as they
 *                      were as unchanged, so they are not counted there)
 * @param affectedRows  the changed rows as stored, when {@code returning} asked for them and the database can
 *                      hand them back (PostgreSQL, SQLite, SQL Server); empty otherwise, as in Sequelize
 */
public record UpdateResult(long affectedCount, List<ModelInstance> affectedRows) {
    public UpdateResult {
        affectedRows = List.copyOf(affectedRows);
    }
}
