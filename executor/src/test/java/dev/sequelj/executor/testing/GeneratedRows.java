package dev.sequelj.executor.testing;

import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.Sequelize;

import java.util.List;

import static dev.sequelj.ast.model.Attribute.attribute;

/**
 * A table of {@code count} rows that the database produces itself, for the streaming tests: row {@code i}
 * (1 to count) is {@code {id: i, amount: i % 1000, label: "row-" + i}}. Generated server-side (PostgreSQL's
 * {@code generate_series}, a recursive CTE on SQLite, a cross join of a ten-row recursive CTE on
 * MySQL/MariaDB, whose {@code max_recursive_iterations} is 1000), so that a million rows need neither a
 * million statements nor a million rows in the test's memory.
 */
public final class GeneratedRows {
    private GeneratedRows() {
    }

    /** The model's options: no timestamps. */
    public static final ModelOptions OPTIONS = ModelOptions.options().timestamps(false);

    /** The model's attributes, for {@code sequelize.define(name, attributes(), options)}. */
    public static List<Attribute> attributes() {
        return List.of(
                attribute("id", DataTypes.INTEGER).primaryKey(true),
                attribute("amount", DataTypes.INTEGER).allowNull(false),
                attribute("label", DataTypes.STRING(40)).allowNull(false));
    }

    /** Creates the model's table afresh and fills it with rows 1 to {@code count}, inside the database. */
    public static void fill(Sequelize sequelize, Model model, int count) {
        model.sync(true).join();
        sequelize.query(insert(sequelize.getDialect(), model.getTableName(), count)).join();
    }

    /** Σ amount over rows 1 to count, computed here row by row, as the database should have stored it. */
    public static long amountSum(int count) {
        long sum = 0;
        for (int i = 1; i <= count; i++) {
            sum += i % 1000;
        }
        return sum;
    }

    static String insert(String dialect, String table, int count) {
        String into = "INSERT INTO " + table + " (id, amount, label) ";
        return switch (dialect) {
            case "postgres" -> into + "SELECT g, g % 1000, 'row-' || g FROM generate_series(1, " + count + ") AS g;";
            case "sqlite" -> into + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + count
                    + ") SELECT i, i % 1000, 'row-' || i FROM n;";
            case "mysql", "mariadb" -> {
                int digits = String.valueOf(Math.max(count - 1, 1)).length();
                StringBuilder value = new StringBuilder("1");
                StringBuilder from = new StringBuilder();
                long weight = 1;
                for (int d = 0; d < digits; d++, weight *= 10) {
                    value.append(" + ").append(weight).append(" * d").append(d).append(".n");
                    from.append(d == 0 ? "" : ", ").append("digits AS d").append(d);
                }
                yield into + "WITH RECURSIVE digits(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM digits WHERE n < 9)"
                        + " SELECT i, i % 1000, CONCAT('row-', i) FROM (SELECT " + value + " AS i FROM " + from + ") AS numbers"
                        + " WHERE i <= " + count + ";";
            }
            default -> throw new IllegalArgumentException("no row generator for " + dialect);
        };
    }
}
