package dev.sequelj.executor.jdbc;

import dev.sequelj.executor.QueryOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.query.QueryTypes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC executor keeps a kept statement's result labels between runs (SQLite); a statement that selects
 * {@code *} follows the table, whose columns may change under it (SQLite prepares it again after a schema
 * change), so its labels are read every run.
 */
class ResultColumnsTest {
    @Test
    void aStarSelectSeesAColumnAddedAfterItRanAndAnExplicitOneKeepsItsLabels() {
        try (Sequelize sequelize = new Sequelize("sqlite::memory:", SequelizeOptions.options().logging(false))) {
            sequelize.query("CREATE TABLE t (a INTEGER)").join();
            sequelize.query("INSERT INTO t (a) VALUES (1)").join();
            QueryOptions<List<Map<String, Object>>> select = QueryOptions.options(QueryTypes.SELECT);

            assertThat(sequelize.query("SELECT * FROM t", select).join()).containsExactly(Map.of("a", 1));
            assertThat(sequelize.query("SELECT a AS x FROM t", select).join()).containsExactly(Map.of("x", 1));
            sequelize.query("ALTER TABLE t ADD COLUMN b INTEGER DEFAULT 2").join();
            List<Map<String, Object>> star = sequelize.query("SELECT * FROM t", select).join();
            assertThat(star).hasSize(1);
            assertThat(star.get(0)).containsEntry("a", 1).containsEntry("b", 2).hasSize(2);
            assertThat(sequelize.query("SELECT a AS x FROM t", select).join()).containsExactly(Map.of("x", 1));

            // The same number of columns under new names: only reading the labels again tells.
            sequelize.query("ALTER TABLE t RENAME COLUMN b TO c").join();
            List<Map<String, Object>> renamed = sequelize.query("SELECT * FROM t", select).join();
            assertThat(renamed.get(0)).containsEntry("a", 1).containsEntry("c", 2).hasSize(2);
        }
    }
}
