package dev.sequelj.executor;

import java.util.List;
import java.util.Optional;

/**
 * The options of {@link ModelInstance#save(SaveOptions)}, as Sequelize's {@code save(options)}; the
 * transaction is the last argument, as everywhere in Sequelj.
 *
 * <pre>{@code
 * // Sequelize: await jane.save({ fields: ['lastName'], silent: true });
 * jane.save(SaveOptions.options().fields("lastName").silent(true)).join();
 * }</pre>
 *
 * @param fields only these attributes are written (those of them that changed, for an UPDATE); all when empty
 * @param silent leave {@code updatedAt} alone
 */
public record SaveOptions(Optional<List<String>> fields, boolean silent) {
    private static final SaveOptions NONE = new SaveOptions(Optional.empty(), false);

    /** Every changed attribute, {@code updatedAt} stamped: what {@code save()} does. */
    public static SaveOptions options() {
        return NONE;
    }

    public SaveOptions fields(String... fields) {
        return new SaveOptions(Optional.of(List.of(fields)), silent);
    }

    public SaveOptions fields(List<String> fields) {
        return new SaveOptions(Optional.of(List.copyOf(fields)), silent);
    }

    public SaveOptions silent(boolean silent) {
        return new SaveOptions(fields, silent);
    }
}
