package dev.sequelj.executor.result;

import dev.sequelj.executor.ModelInstance;

/**
 * What {@code Model.findOrCreate(...)} answers, Sequelize's {@code [instance, created]}: the row found, or
 * the row created when none was found.
 *
 * <pre>{@code
 * // Sequelize: const [user, created] = await User.findOrCreate({ where: { email }, defaults: { name } });
 * FindOrCreateResult found = users.findOrCreate(options().where(Map.of("email", email)), Map.of("name", name)).join();
 * ModelInstance user = found.instance();
 * boolean created = found.created();
 * }</pre>
 *
 * @param instance the row, as stored
 * @param created  whether this call inserted it (false when it was found, also when another session
 *                 inserted it between this call's SELECT and INSERT)
 */
public record FindOrCreateResult(ModelInstance instance, boolean created) {}
