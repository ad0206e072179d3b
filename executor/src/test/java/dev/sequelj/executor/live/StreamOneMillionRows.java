package dev.sequelj.executor.live;

import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.testing.GeneratedRows;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.sequelj.ast.finder.FindOptions.options;

/**
 * The program {@link StreamMemoryLiveTest} runs in a JVM of its own with {@code -Xmx64m}: reads every row
 * of an existing {@link GeneratedRows} table and prints what it saw, one {@code key=value} per line.
 *
 * <p>Arguments: the Sequelize URI, the table name, and how to read: {@code stream}
 * ({@code findAllStream} then {@code findEach}, what the test runs) or {@code buffered} ({@code findAll},
 * the control that shows the heap cannot hold the rows at once).
 */
public final class StreamOneMillionRows {
    private StreamOneMillionRows() {
    }

    public static void main(String[] args) {
        String uri = args[0];
        String table = args[1];
        String mode = args[2];
        System.out.println("maxMemory=" + Runtime.getRuntime().maxMemory());
        try (Sequelize sequelize = new Sequelize(uri, SequelizeOptions.options().logging(false))) {
            Model rows = sequelize.define("generated", GeneratedRows.attributes(),
                    GeneratedRows.OPTIONS.tableName(table));
            switch (mode) {
                case "stream" -> {
                    Totals streamed = new Totals();
                    try (Stream<ModelInstance> stream = rows.findAllStream(options().order("id"))) {
                        stream.forEach(streamed::add);
                    }
                    streamed.print("stream");
                    Totals each = new Totals();
                    rows.findEach(options().order("id"), each::add).orTimeout(5, TimeUnit.MINUTES).join();
                    each.print("each");
                }
                case "buffered" -> {
                    Totals buffered = new Totals();
                    List<ModelInstance> all = rows.findAll(options().order("id")).join();
                    all.forEach(buffered::add);
                    buffered.print("buffered");
                }
                default -> throw new IllegalArgumentException("mode: stream or buffered, not " + mode);
            }
        }
    }

    /** Count, Σ id, Σ amount, and whether ids came 1, 2, 3, ... with the label of their id. */
    private static final class Totals {
        long count;
        long idSum;
        long amountSum;
        boolean inOrder = true;

        void add(ModelInstance row) {
            long id = ((Number) row.get("id")).longValue();
            inOrder &= id == count + 1 && ("row-" + id).equals(row.get("label"));
            count++;
            idSum += id;
            amountSum += ((Number) row.get("amount")).longValue();
        }

        void print(String prefix) {
            System.out.println(prefix + ".count=" + count);
            System.out.println(prefix + ".idSum=" + idSum);
            System.out.println(prefix + ".amountSum=" + amountSum);
            System.out.println(prefix + ".inOrder=" + inOrder);
        }
    }
}
