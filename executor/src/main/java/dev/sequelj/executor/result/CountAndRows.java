package dev.sequelj.executor.result;

import dev.sequelj.executor.ModelInstance;

import java.util.List;

/**
 * What {@code Model.findAndCountAll(options)} answers, Sequelize's {@code {count, rows}}: how many rows
 * match in all, and the page of them that {@code limit} and {@code offset} select.
 *
 * <pre>{@code
 * // Sequelize: const { count, rows } = await User.findAndCountAll({ where: { team: 'red' }, limit: 10 });
 * CountAndRows page = users.findAndCountAll(options().where(Map.of("team", "red")).limit(10)).join();
 * page.count();   // 42
 * page.rows();    // the first 10
 * }</pre>
 *
 * @param count every matching row, paging left out
 * @param rows  the page; read-only
 */
public record CountAndRows(long count, List<ModelInstance> rows) {
    public CountAndRows {
        rows = List.copyOf(rows);
    }
}
