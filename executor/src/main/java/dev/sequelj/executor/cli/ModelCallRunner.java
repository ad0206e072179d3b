package dev.sequelj.executor.cli;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.finder.CreateOptions;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.Transaction;
import dev.sequelj.executor.request.CallArguments;
import dev.sequelj.executor.request.ModelCall;

import java.util.concurrent.CompletableFuture;

/**
 * Runs a request's model method call through the public {@link Model} API, so that {@code sequelj exec}
 * answers exactly what the Java call answers: the request's method picks the {@code Model} method and its
 * {@link CallArguments} are that method's arguments.
 *
 * <pre>{@code
 * ModelCallRunner runner = new ModelCallRunner(sequelize);
 * ModelCallRunner.Prepared find = runner.prepare(reader.read(json));   // refuses what cannot run, before any SQL
 * Object rows = find.run(null).join();                                  // List<ModelInstance>, as Model.findAll answers
 * }</pre>
 *
 * <p>What each call answers is what the {@code Model} method's future completes with, except where that
 * is the model itself: {@code sync} and {@code drop} answer null (Sequelize resolves them to the model
 * class and to undefined, neither of which has a JSON form).
 */
final class ModelCallRunner {
    private final Sequelize sequelize;

    ModelCallRunner(Sequelize sequelize) {
        this.sequelize = sequelize;
    }

    /** A call bound to its model and arguments, ready to run in a transaction or, with null, outside one. */
    @FunctionalInterface
    interface Prepared {
        CompletableFuture<?> run(Transaction transaction);
    }

    /**
     * The call as a {@code Model} method call, its model defined on this runner's {@link Sequelize}. A method
     * or option the Java API does not take is refused here with a typed error that names the request's JSON
     * path, so that a list of requests is refused before any of it runs.
     */
    Prepared prepare(ModelCall call) {
        Model model = sequelize.define(call.model());
        return switch (call.arguments()) {
            case CallArguments.Sync sync -> t -> model.sync(sync.force(), t).thenApply(synced -> null);
            case CallArguments.Drop drop -> {
                if (drop.cascade()) {
                    throw new UnsupportedFeatureError("args[0].cascade: Model.drop takes no cascade option yet;"
                            + " leave it out (sequelj render prints the DROP ... CASCADE)");
                }
                yield model::drop;
            }
            case CallArguments.Create create -> {
                if (!create.options().equals(CreateOptions.options())) {
                    throw new UnsupportedFeatureError("args[1]: Model.create takes no options yet; leave them out");
                }
                yield t -> model.create(create.values(), t);
            }
            case CallArguments.FindAll find -> t -> model.findAll(find.options(), t);
            case CallArguments.FindOne find -> t -> model.findOne(find.options(), t);
            // ---- methods the Model API does not have yet -------------------------------------------------
            case CallArguments.FindByPk ignored -> throw notYet(call);
            case CallArguments.FindOrCreate ignored -> throw notYet(call);
            case CallArguments.FindAndCountAll ignored -> throw notYet(call);
            case CallArguments.Count ignored -> throw notYet(call);
            case CallArguments.Aggregate ignored -> throw notYet(call);
            case CallArguments.BulkCreate ignored -> throw notYet(call);
            case CallArguments.Update ignored -> throw notYet(call);
            case CallArguments.Destroy ignored -> throw notYet(call);
            case CallArguments.Restore ignored -> throw notYet(call);
            case CallArguments.Truncate ignored -> throw notYet(call);
            case CallArguments.Upsert ignored -> throw notYet(call);
            case CallArguments.Increment ignored -> throw notYet(call);
            case CallArguments.QueryInterface ignored -> throw new UnsupportedFeatureError("method: " + call.method()
                    + " has no Java API to run it through; sequelj render prints its SQL");
        };
    }

    private static UnsupportedFeatureError notYet(ModelCall call) {
        return new UnsupportedFeatureError("method: Model." + call.method() + " is not in the Java API yet, so exec cannot run it;"
                + " sequelj render prints its SQL");
    }
}
