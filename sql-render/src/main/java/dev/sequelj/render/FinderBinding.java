package dev.sequelj.render;

import dev.sequelj.ast.finder.ValueChecker;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.collection.Array;

/**
 * A finder shape's prepared SQL ({@link PreparedSql}) set up once for binding a finder's values
 * ({@link FinderSql}): for each {@code ?}, which value read from the options it takes, and how that value is
 * checked and stored, decided when the shape is kept rather than on every call.
 *
 * <p>A value is checked against its attribute's type ({@link ValueChecker}) and stored the dialect's way
 * ({@link Dialect#toDatabaseValue}). Where both leave a value as it is, the commonest cases are told apart by
 * the value's class alone: a {@code String} for a string type, an {@code Integer} for a signed 32-bit
 * integer, a {@code Long} for a signed 64-bit one, when the dialect stores values as {@link Dialect} does.
 * Any other value takes the general check, which throws as the ordinary path would.
 *
 * <pre>{@code
 * FinderBinding binding = prepared.finderBinding(valueOf, typeOf);
 * Sql sql = binding.bind(values, 10, -1);   // LIMIT 10, the prepared offset kept
 * }</pre>
 */
final class FinderBinding {
    /** How a value is bound: checked and stored in general, or left as it is when of the one class that may be. */
    private static final byte GENERAL = 0;
    private static final byte RAW = 1;
    private static final byte STRING = 2;
    private static final byte INTEGER = 3;
    private static final byte LONG = 4;

    private final String text;
    private final Sql.Returns returns;
    private final Dialect dialect;
    private final Object[] constants;
    /** For each bound {@code ?}: its position in the params, the index of its value, its type, how it binds. */
    private final int[] positions;
    private final int[] sources;
    private final DataType[] types;
    private final byte[] kinds;
    private final String[] subjects;
    private final int limitPosition;
    private final int offsetPosition;

    private FinderBinding(String text, Sql.Returns returns, Dialect dialect, Object[] constants, int[] positions,
                          int[] sources, DataType[] types, byte[] kinds, String[] subjects, int limitPosition,
                          int offsetPosition) {
        this.text = text;
        this.returns = returns;
        this.dialect = dialect;
        this.constants = constants;
        this.positions = positions;
        this.sources = sources;
        this.types = types;
        this.kinds = kinds;
        this.subjects = subjects;
        this.limitPosition = limitPosition;
        this.offsetPosition = offsetPosition;
    }

    /**
     * @param valueOf for each parameter of {@code prepared} (in the order of its names), the index of its value
     * @param typeOf  for each value index, the type it is checked and stored as; null binds it as it is
     */
    static FinderBinding of(String text, Sql.Returns returns, Dialect dialect,
                            Object[] constants, int[] positions, int[] parameter, String[] subjects,
                            int limitPosition, int offsetPosition, int[] valueOf, DataType[] typeOf) {
        boolean plainStore = storesPlainly(dialect);
        int[] sources = new int[positions.length];
        DataType[] types = new DataType[positions.length];
        byte[] kinds = new byte[positions.length];
        for (int k = 0; k < positions.length; k++) {
            sources[k] = valueOf[parameter[k]];
            types[k] = typeOf[sources[k]];
            kinds[k] = types[k] == null ? RAW : plainStore ? kind(types[k]) : GENERAL;
        }
        return new FinderBinding(text, returns, dialect, constants, positions, sources, types, kinds, subjects,
                limitPosition, offsetPosition);
    }

    /** Which value class the type's check and the dialect's storing both leave as it is. */
    private static byte kind(DataType type) {
        return switch (type) {
            // text(value) is value.toString(): a String itself. An ENUM also checks the value is one of its own.
            case DataType.StringType s -> STRING;
            case DataType.CharType c -> STRING;
            case DataType.TextType t -> STRING;
            case DataType.CitextType c -> STRING;
            // A signed 32-bit integer takes every Integer as it is; a signed 64-bit one every Long.
            case DataType.IntegralType i when !i.unsigned() && i.bits() == 32 -> INTEGER;
            case DataType.IntegralType i when !i.unsigned() && i.bits() == 64 -> LONG;
            default -> GENERAL;
        };
    }

    /** Whether the dialect stores values as {@link Dialect#toDatabaseValue} does (not overridden). */
    private static boolean storesPlainly(Dialect dialect) {
        try {
            return dialect.getClass().getMethod("toDatabaseValue", DataType.class, Object.class).getDeclaringClass()
                    == Dialect.class;
        } catch (NoSuchMethodException | SecurityException e) {
            return false;
        }
    }

    /**
     * The statement with {@code values} bound, each checked and stored, and this limit and offset where they
     * are not negative (the prepared ones otherwise).
     *
     * @throws RuntimeException what checking a value throws (the caller takes the ordinary path for its error)
     */
    Sql bind(Object[] values, int limit, int offset) {
        Object[] params = constants.clone();
        for (int k = 0; k < positions.length; k++) {
            Object value = values[sources[k]];
            Object bound = switch (kinds[k]) {
                case RAW -> value;
                case STRING -> value instanceof String ? value : general(k, value);
                case INTEGER -> value instanceof Integer ? value : general(k, value);
                case LONG -> value instanceof Long ? value : general(k, value);
                default -> general(k, value);
            };
            params[positions[k]] = bound;
        }
        if (limit >= 0) {
            params[limitPosition] = limit;
        }
        if (offset >= 0) {
            params[offsetPosition] = offset;
        }
        return new Sql(text, Array.of(params), returns);
    }

    private Object general(int k, Object value) {
        DataType type = types[k];
        return dialect.toDatabaseValue(type, ValueChecker.checkValue(subjects[k], type, value));
    }
}
