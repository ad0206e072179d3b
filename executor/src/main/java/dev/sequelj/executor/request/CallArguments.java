package dev.sequelj.executor.request;

import dev.sequelj.ast.finder.BulkCreateOptions;
import dev.sequelj.ast.finder.CreateOptions;
import dev.sequelj.ast.finder.DestroyOptions;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.IncrementOptions;
import dev.sequelj.ast.finder.RestoreOptions;
import dev.sequelj.ast.finder.UpdateOptions;
import dev.sequelj.ast.finder.UpsertOptions;
import io.vavr.control.Either;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a request's model method call, read and checked, in the Java form the {@code Model}
 * API takes them: one record per method. {@code sequelj render} renders the call's statements;
 * {@code sequelj exec} hands these to the model's method, so that it answers exactly what the Java API
 * answers.
 *
 * <pre>{@code
 * ModelCall call = RequestReader.atOracleTime().read(json);
 * switch (call.arguments()) {
 *     case CallArguments.FindAll find -> model.findAll(find.options());
 *     ...
 * }
 * }</pre>
 *
 * <p>Values are the Java values the request's JSON was read into for each attribute's type (see
 * {@code JsonValues}); maps keep the request's key order and may hold nulls.
 */
public sealed interface CallArguments {

    /** {@code sync: [{force, alter}]}. */
    record Sync(boolean force, boolean alter) implements CallArguments {}

    /** {@code drop: [{cascade}]}. */
    record Drop(boolean cascade) implements CallArguments {}

    /** {@code create: [values, options]}. */
    record Create(Map<String, Object> values, CreateOptions options) implements CallArguments {
        public Create {
            values = frozen(values);
        }
    }

    /** {@code findAll: [options]}. */
    record FindAll(FindOptions options) implements CallArguments {}

    /** {@code findOne: [options]}. */
    record FindOne(FindOptions options) implements CallArguments {}

    /** {@code findByPk: [key, options]}; the key read as the primary key's type. */
    record FindByPk(Object key, FindOptions options) implements CallArguments {}

    /** {@code findOrCreate: [{where, defaults, ...}]}: the finder options and the defaults. */
    record FindOrCreate(FindOptions options, Map<String, Object> defaults) implements CallArguments {
        public FindOrCreate {
            defaults = frozen(defaults);
        }
    }

    /** {@code findAndCountAll: [options]}. */
    record FindAndCountAll(FindOptions options) implements CallArguments {}

    /** {@code count: [options]}. */
    record Count(FindOptions options) implements CallArguments {}

    /** {@code max}, {@code min} or {@code sum}: {@code [attribute, options]}. */
    record Aggregate(Function function, String attribute, FindOptions options) implements CallArguments {
        /** The aggregate function, named as the model method is. */
        public enum Function { MAX, MIN, SUM }
    }

    /** {@code bulkCreate: [[values, ...], options]}. */
    record BulkCreate(List<Map<String, Object>> rows, BulkCreateOptions options) implements CallArguments {
        public BulkCreate {
            rows = rows.stream().map(CallArguments::frozen).toList();
        }
    }

    /** {@code update: [values, options]}. */
    record Update(Map<String, Object> values, UpdateOptions options) implements CallArguments {
        public Update {
            values = frozen(values);
        }
    }

    /** {@code destroy: [options]}. */
    record Destroy(DestroyOptions options) implements CallArguments {}

    /** {@code restore: [options]}. */
    record Restore(RestoreOptions options) implements CallArguments {}

    /** {@code truncate: [options]}. */
    record Truncate(DestroyOptions options) implements CallArguments {}

    /** {@code upsert: [values, options]}. */
    record Upsert(Map<String, Object> values, UpsertOptions options) implements CallArguments {
        public Upsert {
            values = frozen(values);
        }
    }

    /**
     * {@code increment} or {@code decrement}: {@code [fields, options]}, the fields either names (each
     * changed by {@code options.by}) or attribute → amount.
     */
    record Increment(boolean decrement, Either<List<String>, Map<String, Number>> fields, IncrementOptions options)
            implements CallArguments {
        public Increment {
            fields = fields.bimap(List::copyOf, CallArguments::frozen);
        }
    }

    /**
     * A {@code queryInterface.<name>} method ({@code addColumn}, ...), called with the request's arguments;
     * {@code method} is the full name as the request gives it.
     */
    record QueryInterface(String method) implements CallArguments {}

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        // Values may be null (a column set to NULL), which Map.copyOf refuses.
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
