package dev.sequelj.ast.model;

import dev.sequelj.ast.error.ValidationError;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Fills in defaults when a row is built, as Sequelize's {@code Model.build} does in JavaScript: every
 * attribute with a {@code defaultValue} that the caller did not give gets it (a value given as null
 * stays null). {@code NOW} is the create's time; {@code UUIDV1}/{@code UUIDV4} are generated here. A
 * literal default is left to the column's {@code DEFAULT} clause: the attribute is simply not sent.
 *
 * <pre>{@code
 * Map<String, Object> row = DefaultValues.apply(user, Map.of("name", "Ann"), Instant.now(), UuidGenerator.RANDOM);
 * }</pre>
 */
public final class DefaultValues {
    private DefaultValues() {}

    /** The given values, followed by the defaults of the attributes not given, in definition order. */
    public static Map<String, Object> apply(ModelDefinition model, Map<String, ?> values, Instant now, UuidGenerator uuids) {
        if (!model.hasDefaults()) {
            return java.util.Collections.unmodifiableMap(values); // nothing to fill in: no copy per row
        }
        Map<String, Object> filled = new LinkedHashMap<>(values);
        for (Attribute attribute : model.attributes().values()) {
            if (attribute.defaultValue().isEmpty() || values.containsKey(attribute.name())) {
                continue;
            }
            switch (attribute.defaultValue().get()) {
                case DefaultValue.Value v -> filled.put(attribute.name(), v.value());
                case DefaultValue.Now n -> filled.put(attribute.name(), now(attribute, now));
                case DefaultValue.UuidV1 u -> filled.put(attribute.name(), uuid(attribute, uuids.v1()));
                case DefaultValue.UuidV4 u -> filled.put(attribute.name(), uuid(attribute, uuids.v4()));
                case DefaultValue.Literal l -> { /* the database's DEFAULT applies */ }
            }
        }
        return filled;
    }

    /** Whether {@code NOW} is a default the type can take. */
    static boolean takesNow(DataType type) {
        return type instanceof DataType.DateType || type instanceof DataType.DateOnlyType || type instanceof DataType.TimeType;
    }

    /** Whether a generated UUID is a default the type can take (as a UUID, or as its text). */
    static boolean takesUuid(DataType type) {
        return type instanceof DataType.UuidType || type instanceof DataType.StringType
                || type instanceof DataType.CharType || type instanceof DataType.TextType;
    }

    private static Object now(Attribute attribute, Instant now) {
        // DATEONLY and TIME take the UTC date and time, as Sequelize does with its default timezone '+00:00'.
        if (attribute.type() instanceof DataType.DateOnlyType) {
            return LocalDate.ofInstant(now, ZoneOffset.UTC);
        }
        if (attribute.type() instanceof DataType.TimeType) {
            return LocalTime.ofInstant(now, ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        }
        return now.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Object uuid(Attribute attribute, UUID uuid) {
        if (!takesUuid(attribute.type())) {
            throw new ValidationError(attribute.name() + ": a generated UUID does not fit " + DataTypes.describe(attribute.type()));
        }
        return attribute.type() instanceof DataType.UuidType ? uuid : uuid.toString();
    }
}
