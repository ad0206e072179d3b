package dev.sequelj.executor.live;

import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.jdbc.JdbcExecutor;
import dev.sequelj.executor.jdbc.PoolStats;
import dev.sequelj.executor.testing.LiveDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load: {@value #WORKERS} virtual threads, released together, each taking {@value #STEPS_PER_WORKER}
 * steps of mixed calls (create, findOne of what it just created, findAll of its own rows, findAll of any ten)
 * through a pool of {@value #POOL_MAX}. Bounded by count, not by time, and no assertion on time: no
 * call fails, every row written is found, the counts add up exactly, and every connection comes back.
 */
class LoadLiveTest {
    private static final int WORKERS = 200;
    private static final int STEPS_PER_WORKER = 25;
    private static final int POOL_MAX = 10;

    @ParameterizedTest
    @EnumSource(names = {"POSTGRES", "MARIADB"})
    void manyVirtualThreadsOfMixedFindersAndWritesOnAPoolOfTen(LiveDatabase database) throws InterruptedException {
        String table = "err_load_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "_rows";
        try (Sequelize sequelize = database.open(SequelizeOptions.options().logging(false)
                .pool(PoolOptions.defaults().max(POOL_MAX)))) {
            Model row = sequelize.define("row", List.of(attribute("worker", DataTypes.INTEGER),
                    attribute("seq", DataTypes.INTEGER), attribute("label", DataTypes.STRING)),
                    ModelOptions.options().tableName(table));
            row.sync(true).join();
            try {
                AtomicLong created = new AtomicLong();
                AtomicLong steps = new AtomicLong();
                Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
                CountDownLatch start = new CountDownLatch(1);
                List<Thread> workers = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    int worker = w;
                    workers.add(Thread.ofVirtual().start(() -> {
                        try {
                            start.await();
                            work(row, worker, created, steps);
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }));
                }
                start.countDown();
                for (Thread worker : workers) {
                    worker.join();
                }

                assertThat(errors).isEmpty();
                assertThat(steps.get()).isEqualTo((long) WORKERS * STEPS_PER_WORKER);
                List<ModelInstance> all = row.findAll().join();
                assertThat(all).hasSize(Math.toIntExact(created.get()));
                assertThat(all.stream().map(r -> r.get("worker") + "/" + r.get("seq")).distinct()).hasSize(all.size());
                PoolStats pool = ((JdbcExecutor) sequelize.executor()).poolStats();
                assertThat(pool.active()).isZero();
                assertThat(pool.waiting()).isZero();
                assertThat(pool.total()).isLessThanOrEqualTo(POOL_MAX);
            } finally {
                row.drop().join();
            }
        }
    }

    /** One worker's steps; each read checks what this worker wrote, so a lost or foreign row is seen at once. */
    private static void work(Model row, int worker, AtomicLong created, AtomicLong steps) {
        int mine = 0;
        for (int i = 0; i < STEPS_PER_WORKER; i++) {
            switch (i % 4) {
                case 0, 1 -> {
                    ModelInstance written = row.create(Map.of("worker", worker, "seq", mine, "label", "w" + worker + "#" + mine)).join();
                    assertThat(written.get("seq")).isEqualTo(mine);
                    mine++;
                    created.incrementAndGet();
                }
                case 2 -> {
                    Optional<ModelInstance> last = row.findOne(options().where(Map.of("worker", worker, "seq", mine - 1))).join();
                    assertThat(last).map(r -> r.get("label")).contains("w" + worker + "#" + (mine - 1));
                }
                default -> {
                    assertThat(row.findAll(options().where(Map.of("worker", worker))).join()).hasSize(mine);
                    assertThat(row.findAll(options().order("id", Direction.DESC).limit(10)).join()).hasSizeLessThanOrEqualTo(10);
                }
            }
            steps.incrementAndGet();
        }
    }
}
