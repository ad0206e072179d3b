package dev.sequelj.executor.walkthrough;

import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.model.Attribute.attribute;

/**
 * Sequelize's getting-started page, step by step, in Java on embedded SQLite. Each statement is logged
 * as Sequelize logs it ({@code Executing (default): ...}); each result is printed after it.
 *
 * <p>Run it with {@code mvn -q test-compile exec:exec@walkthrough}.
 */
public final class GettingStarted {

    public static void main(String[] args) {
        // 1. Connect: the four-argument form, with pool and model defaults (no timestamps unless a model asks).
        try (Sequelize sequelize = new Sequelize("database", "username", "password", SequelizeOptions.options()
                .dialect("sqlite")
                .storage(":memory:")
                .pool(PoolOptions.defaults().max(5).min(0).idle(10_000).acquire(30_000))
                .define(ModelOptions.options().timestamps(false)))) {

            // 2. Test the connection.
            sequelize.authenticate().join();
            System.out.println("Connection has been established successfully.");

            // 3. Define models. Timestamps are off for every model by the constructor's define default;
            //    "user" (the page's User, with createdAt/updatedAt) and "post" turn them back on, "tag" keeps the default.
            Model user = sequelize.define("user", List.of(
                    attribute("firstName", DataTypes.STRING).allowNull(false),
                    attribute("lastName", DataTypes.STRING)),
                    ModelOptions.options().timestamps(true));
            Model post = sequelize.define("post", List.of(
                    attribute("title", DataTypes.STRING),
                    attribute("body", DataTypes.TEXT),
                    attribute("published", DataTypes.BOOLEAN)),
                    ModelOptions.options().timestamps(true));
            Model tag = sequelize.define("tag", List.of(attribute("label", DataTypes.STRING)));
            System.out.println("tables: " + user.getTableName() + ", " + post.getTableName() + ", " + tag.getTableName());

            // 4. Create the tables; force drops them first.
            user.sync(true).join();
            post.sync().join();
            tag.sync().join();
            System.out.println("All models were synchronized successfully.");

            // 5. Create a row.
            ModelInstance jane = user.create(Map.of("firstName", "Jane", "lastName", "Doe")).join();
            ModelInstance john = user.create(Map.of("firstName", "John", "lastName", "Hancock")).join();
            System.out.println("Jane's auto-generated ID: " + jane.get("id"));
            System.out.println("created: " + john);
            post.create(Map.of("title", "Hello", "body", "It's John's first post.", "published", true)).join();
            tag.create(Map.of("label", "news")).join();

            // 6. Read them back.
            List<ModelInstance> users = user.findAll().join();
            System.out.println("All users: " + users);
            Optional<ModelInstance> found = user.findOne(options().where(Map.of("firstName", "John"))).join();
            System.out.println("findOne where firstName = John: " + found.orElseThrow());
            System.out.println("All posts: " + post.findAll().join());
            System.out.println("All tags (no timestamps): " + tag.findAll().join());
        }
        // 7. The pool is closed by try-with-resources (sequelize.close()).
        System.out.println("Connection closed.");
    }
}
