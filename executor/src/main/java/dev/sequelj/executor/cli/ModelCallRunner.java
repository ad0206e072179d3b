package dev.sequelj.executor.cli;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.finder.IncrementOptions;
import dev.sequelj.ast.finder.Returning;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.Transaction;
import dev.sequelj.executor.request.CallArguments;
import dev.sequelj.executor.request.ModelCall;
import dev.sequelj.executor.result.UpdateResult;

import java.util.List;
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
 * <p>What each call answers is what the {@code Model} method's future completes with, with two
 * exceptions that follow Sequelize: {@code sync} answers null where the Java method answers the model
 * (Sequelize resolves to the model class, which has no JSON form), and {@code update}, {@code increment}
 * and {@code decrement} answer Sequelize's {@code [affectedCount]}, or with {@code returning}
 * {@code [affectedCount, affectedRows]}, where the Java method answers an {@link UpdateResult}. A
 * {@code count} with {@code group} is {@code Model.countByGroup}, as Sequelize's count with group answers
 * a list per group.
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
            case CallArguments.Create create -> t -> model.create(create.values(), create.options(), t);
            case CallArguments.FindAll find -> t -> model.findAll(find.options(), t);
            case CallArguments.FindOne find -> t -> model.findOne(find.options(), t);
            case CallArguments.FindByPk find -> t -> model.findByPk(find.key(), find.options(), t);
            case CallArguments.FindOrCreate find -> t -> model.findOrCreate(find.options(), find.defaults(), t);
            case CallArguments.FindAndCountAll find -> t -> model.findAndCountAll(find.options(), t);
            // Sequelize's count with group answers a list of {<group keys>, count}: Model.countByGroup.
            case CallArguments.Count count -> count.options().group().isEmpty()
                    ? t -> model.count(count.options(), t)
                    : t -> model.countByGroup(count.options(), t);
            case CallArguments.Aggregate aggregate -> switch (aggregate.function()) {
                case MAX -> t -> model.max(aggregate.attribute(), aggregate.options(), t);
                case MIN -> t -> model.min(aggregate.attribute(), aggregate.options(), t);
                case SUM -> t -> model.sum(aggregate.attribute(), aggregate.options(), t);
            };
            case CallArguments.BulkCreate bulk -> t -> model.bulkCreate(bulk.rows(), bulk.options(), t);
            case CallArguments.Update update -> t -> model.update(update.values(), update.options(), t)
                    .thenApply(result -> affected(result, update.options().returning()));
            case CallArguments.Increment increment -> t -> increment(model, increment, t)
                    .thenApply(result -> affected(result, increment.options().returning()));
            case CallArguments.Destroy destroy -> t -> model.destroy(destroy.options(), t);
            case CallArguments.Restore restore -> t -> model.restore(restore.options(), t);
            case CallArguments.Truncate truncate -> t -> model.truncate(truncate.options(), t);
            case CallArguments.Upsert upsert -> t -> model.upsert(upsert.values(), upsert.options(), t);
            case CallArguments.QueryInterface ignored -> throw new UnsupportedFeatureError("method: " + call.method()
                    + " has no Java API to run it through; sequelj render prints its SQL");
        };
    }

    private static CompletableFuture<UpdateResult> increment(Model model, CallArguments.Increment increment,
                                                             Transaction transaction) {
        IncrementOptions options = increment.options();
        return increment.fields().fold(
                names -> increment.decrement() ? model.decrement(names, options, transaction) : model.increment(names, options, transaction),
                amounts -> increment.decrement() ? model.decrement(amounts, options, transaction) : model.increment(amounts, options, transaction));
    }

    /** Sequelize's {@code [affectedCount]}, or with {@code returning} {@code [affectedCount, affectedRows]}. */
    private static List<Object> affected(UpdateResult result, Returning returning) {
        return returning.enabled() ? List.of(result.affectedCount(), result.affectedRows()) : List.of(result.affectedCount());
    }
}
