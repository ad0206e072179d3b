package dev.sequelj.executor.result;

import java.util.Map;

/**
 * One group of {@code Model.count({group})}, Sequelize's {@code {<group keys>..., count}}.
 *
 * <pre>{@code
 * // Sequelize: await User.count({ group: ['team'] })   // [{ team: 'red', count: 2 }, ...]
 * List<GroupCount> teams = users.countByGroup(options().group("team")).join();
 * teams.get(0).group();   // {team=red}
 * teams.get(0).count();   // 2
 * }</pre>
 *
 * @param group the group's key values by attribute (or expression alias), in the order grouped; read-only
 * @param count the rows in the group
 */
public record GroupCount(Map<String, Object> group, long count) {
    public GroupCount {
        group = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(group));
    }
}
