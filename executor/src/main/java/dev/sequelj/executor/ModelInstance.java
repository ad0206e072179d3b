package dev.sequelj.executor;

import dev.sequelj.ast.model.ModelDefinition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a model, as Sequelize's model instances are: attribute values by name, in definition order.
 *
 * <pre>{@code
 * ModelInstance jane = users.create(Map.of("firstName", "Jane")).join();
 * Integer id = jane.get("id", Integer.class);
 * Map<String, Object> plain = jane.toJSON();
 * }</pre>
 */
public final class ModelInstance {
    private final ModelDefinition model;
    private final Map<String, Object> dataValues;

    ModelInstance(ModelDefinition model, LinkedHashMap<String, Object> dataValues) {
        this.model = model;
        this.dataValues = Collections.unmodifiableMap(dataValues);
    }

    /** The value of an attribute (null when the row has none); an unknown attribute is a {@code ValidationError}. */
    public Object get(String attribute) {
        model.attribute(attribute);
        return dataValues.get(attribute);
    }

    /** The value of an attribute as the given type: {@code get("id", Integer.class)}. */
    public <T> T get(String attribute, Class<T> type) {
        return type.cast(get(attribute));
    }

    /** Every loaded attribute value, in definition order; read-only. */
    public Map<String, Object> dataValues() {
        return dataValues;
    }

    /** Sequelize's {@code toJSON()}: the plain attribute values. */
    public Map<String, Object> toJSON() {
        return dataValues;
    }

    /** The model this row belongs to. */
    public ModelDefinition model() {
        return model;
    }

    @Override
    public String toString() {
        return model.name() + dataValues;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelInstance that && model.equals(that.model) && dataValues.equals(that.dataValues);
    }

    @Override
    public int hashCode() {
        return dataValues.hashCode();
    }
}
