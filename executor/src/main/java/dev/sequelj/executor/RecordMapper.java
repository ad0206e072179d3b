package dev.sequelj.executor;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Rows of a model onto a Java record of your own: each record component is filled from the attribute of
 * the same name, converted to the component's type. The mapping (which attribute, which conversion, the
 * canonical constructor) is worked out once per model and record class and cached by the {@link Model};
 * per row there is only one conversion per component and the constructor call.
 *
 * <pre>{@code
 * record UserRow(long id, String firstName, LocalDate birthday, Level level, OffsetDateTime createdAt) {}
 * enum Level { rookie, pro }
 *
 * List<UserRow> rows = users.findAll(options().where(Map.of("level", "pro")), UserRow.class).join();
 * UserRow one = instance.as(UserRow.class);
 * }</pre>
 *
 * <p>Conversions from each data type's Java value (see {@code ValueChecker}): the integers to
 * {@code int}/{@code long}/{@code short}/{@code byte} and their boxes (refused at run time if the value does
 * not fit), {@code BigInteger}, {@code BigDecimal} or {@code double}; FLOAT/DOUBLE to {@code double},
 * {@code float} or {@code BigDecimal}; DECIMAL to {@code BigDecimal} or {@code double}; DATE to
 * {@code Instant}, {@code OffsetDateTime}/{@code ZonedDateTime}/{@code LocalDateTime} at the
 * {@code timezone} option's offset, or {@code java.util.Date}; DATEONLY to {@code LocalDate}, TIME to
 * {@code LocalTime}; UUID to {@code UUID} or {@code String}; BLOB to {@code byte[]}; STRING, TEXT and
 * ENUM to {@code String} or to a Java enum whose constants have the same names (an ENUM value without a
 * constant is refused when the mapping is made); JSON to {@code Object}, {@code Map}, {@code List},
 * {@code String}, {@code Number} or {@code Boolean}, checked per value; a component of type
 * {@code Object} takes anything. A component that names no attribute, or whose type cannot hold the
 * attribute's values, is a {@link ValidationError} naming it, raised when the mapping is made (before any
 * SQL when you call a finder with a record class). A null value goes into a boxed component as null; into a
 * primitive one it is a {@code ValidationError} naming the component.
 *
 * @param <R> the record class
 */
public final class RecordMapper<R extends Record> {
    private final Class<R> type;
    private final Constructor<R> constructor;
    private final String[] names;
    private final Attribute[] attributes;
    private final Function<Object, Object>[] converters;
    private final boolean[] primitive;

    @SuppressWarnings("unchecked")
    private RecordMapper(ModelDefinition model, Class<R> type, ZoneOffset timezone) {
        if (!type.isRecord()) {
            throw new ValidationError(type.getName() + " is not a record class; rows map onto records only");
        }
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        names = new String[components.length];
        attributes = new Attribute[components.length];
        converters = new Function[components.length];
        primitive = new boolean[components.length];
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            names[i] = component.getName();
            parameterTypes[i] = component.getType();
            primitive[i] = component.getType().isPrimitive();
            Attribute attribute = model.attributes().get(component.getName()).getOrElseThrow(() -> new ValidationError(
                    subject(component) + " matches no attribute of model '" + model.name() + "'; its attributes are "
                            + model.attributes().keySet().mkString(", ")));
            attributes[i] = attribute;
            converters[i] = converter(subject(component), attribute.type(), component.getType(), timezone);
        }
        try {
            constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new ValidationError(type.getName() + ": its canonical constructor cannot be called from Sequelj ("
                    + e.getMessage() + "); make the record public or open its package");
        }
    }

    /** The mapping of {@code type} for {@code model}, made now (use {@link Model}'s cached one in a finder). */
    public static <R extends Record> RecordMapper<R> of(ModelDefinition model, Class<R> type, ZoneOffset timezone) {
        return new RecordMapper<>(model, type, timezone);
    }

    /** The record class. */
    public Class<R> type() {
        return type;
    }

    /** The component names, in declaration order: the attributes this mapping reads. */
    public List<String> components() {
        return List.of(names);
    }

    /** The record of an instance's values by attribute name. */
    public R fromValues(Map<String, Object> values) {
        Object[] arguments = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            arguments[i] = convert(i, values.get(names[i]));
        }
        return construct(arguments);
    }

    /**
     * Where each component's value is in a result's row: the column index, or -1 when the result has no
     * such column (a component left out of {@code attributes}), which a primitive component cannot take.
     */
    int[] columnsOf(List<String> attributeLabels) {
        int[] columns = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            columns[i] = attributeLabels.indexOf(names[i]);
            if (columns[i] < 0 && primitive[i]) {
                throw new ValidationError("record " + type.getSimpleName() + " component '" + names[i]
                        + "' is a primitive, but the rows have no attribute '" + names[i]
                        + "' (it is not among the selected attributes); select it or make the component a boxed type");
            }
        }
        return columns;
    }

    /** The attribute each component reads. */
    Attribute attribute(int component) {
        return attributes[component];
    }

    int size() {
        return names.length;
    }

    /** One component's value, already read as its attribute's Java value, converted to the component's type. */
    Object convert(int component, Object value) {
        if (value == null) {
            if (primitive[component]) {
                throw new ValidationError("record " + type.getSimpleName() + " component '" + names[component]
                        + "' is a primitive and cannot take null; make it a boxed type");
            }
            return null;
        }
        return converters[component].apply(value);
    }

    R construct(Object[] arguments) {
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new SequeljError("record " + type.getSimpleName() + "'s constructor refused a row: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new SequeljError("record " + type.getSimpleName() + " cannot be constructed: " + e.getMessage(), e);
        }
    }

    private static String subject(RecordComponent component) {
        return "record " + component.getDeclaringRecord().getSimpleName() + " component '" + component.getName()
                + "' (" + component.getType().getSimpleName() + ")";
    }

    // ---- the conversions, chosen once per component ----------------------------------------------------

    private static Function<Object, Object> converter(String subject, DataType type, Class<?> target, ZoneOffset timezone) {
        Class<?> boxed = box(target);
        if (boxed == Object.class) {
            return value -> value;
        }
        Function<Object, Object> chosen = switch (type) {
            case DataType.StringType s -> text(subject, type, boxed);
            case DataType.CharType c -> text(subject, type, boxed);
            case DataType.TextType t -> text(subject, type, boxed);
            case DataType.CitextType c -> text(subject, type, boxed);
            case DataType.EnumType e -> enumText(subject, e, boxed);
            case DataType.IntegralType i -> integral(subject, boxed);
            case DataType.FloatingType f -> boxed == Double.class ? value -> ((Number) value).doubleValue()
                    : boxed == Float.class ? value -> ((Number) value).floatValue()
                    : boxed == BigDecimal.class ? value -> BigDecimal.valueOf(((Number) value).doubleValue()) : null;
            case DataType.DecimalType d -> boxed == BigDecimal.class ? value -> value
                    : boxed == Double.class ? value -> ((BigDecimal) value).doubleValue() : null;
            case DataType.BooleanType b -> boxed == Boolean.class ? value -> value : null;
            case DataType.DateType d -> date(boxed, timezone);
            case DataType.DateOnlyType d -> boxed == LocalDate.class ? value -> value : null;
            case DataType.TimeType t -> boxed == LocalTime.class ? value -> value : null;
            case DataType.UuidType u -> boxed == UUID.class ? value -> value : boxed == String.class ? Object::toString : null;
            case DataType.JsonType j -> json(subject, boxed);
            case DataType.JsonbType j -> json(subject, boxed);
            case DataType.ArrayType a -> boxed == List.class ? value -> value : null;
            case DataType.BlobType b -> boxed == byte[].class ? value -> value : null;
            case DataType.VirtualType v -> checkedCast(subject, boxed);
        };
        if (chosen == null) {
            throw new ValidationError(subject + " cannot hold the values of its attribute, which is "
                    + DataTypes.describe(type) + "; " + suggestion(type));
        }
        return chosen;
    }

    private static String suggestion(DataType type) {
        return "use " + switch (type) {
            case DataType.StringType s -> "String (or a Java enum)";
            case DataType.CharType c -> "String";
            case DataType.TextType t -> "String";
            case DataType.CitextType c -> "String";
            case DataType.EnumType e -> "String or a Java enum with those constants";
            case DataType.IntegralType i -> "int, long, Integer, Long, BigInteger or BigDecimal";
            case DataType.FloatingType f -> "double, float or BigDecimal";
            case DataType.DecimalType d -> "BigDecimal or double";
            case DataType.BooleanType b -> "boolean or Boolean";
            case DataType.DateType d -> "Instant, OffsetDateTime, ZonedDateTime, LocalDateTime or java.util.Date";
            case DataType.DateOnlyType d -> "LocalDate";
            case DataType.TimeType t -> "LocalTime";
            case DataType.UuidType u -> "UUID or String";
            case DataType.JsonType j -> "Object, Map, List, String, Number or Boolean";
            case DataType.JsonbType j -> "Object, Map, List, String, Number or Boolean";
            case DataType.ArrayType a -> "List";
            case DataType.BlobType b -> "byte[]";
            case DataType.VirtualType v -> "Object";
        };
    }

    private static Function<Object, Object> text(String subject, DataType type, Class<?> target) {
        if (target == String.class || target == CharSequence.class) {
            return value -> value;
        }
        if (target.isEnum()) {
            return value -> enumConstant(subject, target, (String) value);
        }
        return null;
    }

    /** A Java enum for an ENUM attribute must have a constant for every value the attribute allows. */
    private static Function<Object, Object> enumText(String subject, DataType.EnumType type, Class<?> target) {
        if (target.isEnum()) {
            for (String value : type.values()) {
                enumConstant(subject, target, value);
            }
        }
        return text(subject, type, target);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(String subject, Class<?> target, String value) {
        try {
            return Enum.valueOf((Class) target, value);
        } catch (IllegalArgumentException e) {
            throw new ValidationError(subject + ": enum " + target.getSimpleName() + " has no constant '" + value
                    + "'; its constants are " + List.of(target.getEnumConstants()));
        }
    }

    private static Function<Object, Object> integral(String subject, Class<?> target) {
        if (target == Long.class) {
            return value -> exact(subject, value, () -> value instanceof BigInteger b ? b.longValueExact() : ((Number) value).longValue());
        }
        if (target == Integer.class) {
            return value -> exact(subject, value, () -> value instanceof Integer i ? i : Math.toIntExact(bigLong(value)));
        }
        if (target == Short.class) {
            return value -> exact(subject, value, () -> BigInteger.valueOf(bigLong(value)).shortValueExact());
        }
        if (target == Byte.class) {
            return value -> exact(subject, value, () -> BigInteger.valueOf(bigLong(value)).byteValueExact());
        }
        if (target == BigInteger.class) {
            return value -> value instanceof BigInteger ? value : BigInteger.valueOf(((Number) value).longValue());
        }
        if (target == BigDecimal.class) {
            return value -> value instanceof BigInteger b ? new BigDecimal(b) : BigDecimal.valueOf(((Number) value).longValue());
        }
        if (target == Double.class) {
            return value -> ((Number) value).doubleValue();
        }
        return null;
    }

    private static long bigLong(Object value) {
        return value instanceof BigInteger b ? b.longValueExact() : ((Number) value).longValue();
    }

    private static Object exact(String subject, Object value, java.util.function.Supplier<Object> narrow) {
        try {
            return narrow.get();
        } catch (ArithmeticException e) {
            throw new ValidationError(subject + " cannot hold " + value + ": it does not fit; use a wider type");
        }
    }

    private static Function<Object, Object> date(Class<?> target, ZoneOffset timezone) {
        if (target == Instant.class) {
            return value -> value;
        }
        if (target == OffsetDateTime.class) {
            return value -> ((Instant) value).atOffset(timezone);
        }
        if (target == ZonedDateTime.class) {
            return value -> ((Instant) value).atZone(timezone);
        }
        if (target == LocalDateTime.class) {
            return value -> LocalDateTime.ofInstant((Instant) value, timezone);
        }
        if (target == Date.class) {
            return value -> Date.from((Instant) value);
        }
        return null;
    }

    /** JSON values differ per row (an object in one, a number in the next), so they are checked per value. */
    private static Function<Object, Object> json(String subject, Class<?> target) {
        if (target == Map.class || target == List.class || target == String.class || target == Number.class
                || target == Boolean.class || target == Integer.class || target == Long.class || target == Double.class) {
            return checkedCast(subject, target);
        }
        return null;
    }

    private static Function<Object, Object> checkedCast(String subject, Class<?> target) {
        return value -> {
            if (!target.isInstance(value)) {
                throw new ValidationError(subject + " cannot hold the " + value.getClass().getSimpleName() + " " + value);
            }
            return value;
        };
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "char" -> Character.class;
            default -> Void.class;
        };
    }
}
