package dev.sequelj.conformance.property;

import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.time.Instant;
import java.util.List;

/**
 * Random attribute values, in the one Java type the pipeline keeps for each data type ({@code String}
 * for STRING/TEXT, {@code Integer} for INTEGER, {@code Long} for BIGINT, {@code Boolean}, {@code Instant}
 * with milliseconds for DATE), so that a value generated here is the value a row reads back.
 *
 * <p>Values are drawn mostly from a few small ones, so that random rows and random conditions meet
 * (equal values, NULLs, prefixes a LIKE pattern finds), and sometimes from the whole range and from
 * {@link #hostileStrings()}. The extremes of each range are drawn on purpose rather than left to jqwik's
 * edge cases, which the tree and row generators turn off (they are built anew per model, and computing
 * their edge cases costs more than it finds).
 *
 * <pre>{@code
 * Arbitrary<Object> ages = ValueArbitraries.values(DataTypes.INTEGER);   // -3..3 mostly, any int at times
 * Arbitrary<Object> names = ValueArbitraries.nullableValues(attribute);  // null when the attribute allows it
 * }</pre>
 */
public final class ValueArbitraries {
    /** Dates stay within four-digit years, where every database stores and compares them alike. */
    private static final long LAST_MILLI = Instant.parse("2099-12-31T23:59:59.999Z").toEpochMilli();

    /** Strings that differ in case, accents and wildcards, so LIKE and BINARY comparison both have work. */
    private static final List<String> SMALL_STRINGS = List.of("", "a", "A", "b", "ab", "aB", "ba", "é", "É", "a%", "_");

    private ValueArbitraries() {}

    /** A non-null value of the type. */
    public static Arbitrary<Object> values(DataType type) {
        return switch (type) {
            case DataType.StringType s -> strings().map(v -> v);
            case DataType.TextType t -> strings().map(v -> v);
            case DataType.IntegerType i -> Arbitraries.frequencyOf(
                    Tuple.of(8, Arbitraries.integers().between(-3, 3)),
                    Tuple.of(2, Arbitraries.integers()),
                    Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE))).map(v -> v);
            case DataType.BigIntType b -> Arbitraries.frequencyOf(
                    Tuple.of(8, Arbitraries.longs().between(-3, 3)),
                    Tuple.of(2, Arbitraries.longs()),
                    Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE))).map(v -> v);
            case DataType.BooleanType b -> Arbitraries.of(true, false).map(v -> v);
            case DataType.DateType d -> Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.of(0L, 1_000L, 86_400_000L, 1_705_314_645_123L)),
                    Tuple.of(1, Arbitraries.longs().between(0, LAST_MILLI))).map(Instant::ofEpochMilli);
            // ModelArbitraries draws attributes of the types above only.
            default -> throw new IllegalArgumentException("no value generator for " + type);
        };
    }

    /** A value of the attribute's type, or null (one time in four) when the attribute allows null. */
    public static Arbitrary<Object> nullableValues(Attribute attribute) {
        Arbitrary<Object> values = values(attribute.type());
        return attribute.allowNull() ? values.injectNull(0.25) : values;
    }

    /** Mostly short strings from a small alphabet; sometimes {@link #hostileStrings()}. */
    public static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(SMALL_STRINGS)),
                Tuple.of(1, hostileStrings()));
    }

    /**
     * LIKE patterns: the wildcards {@code %} and {@code _} among letters of both cases, an accented
     * letter (which SQLite's LIKE does not fold), and digits and a minus sign, so that patterns also
     * match integers written as text ({@code "-1%"}).
     */
    public static Arbitrary<String> likePatterns() {
        return Arbitraries.of("%", "_", "a", "A", "b", "é", "É", "1", "2", "-")
                .list().ofMaxSize(4).map(parts -> String.join("", parts));
    }

    /**
     * Strings built to break whatever they are pasted into: every dialect's identifier quotes
     * ({@code " ` [ ]}), the string quote, backslashes, comment starts ({@code --}, {@code /*}),
     * placeholders ({@code ?}, {@code $1}, {@code :name}), statement ends, line breaks, and letters
     * from outside ASCII, including ones that take two UTF-16 units. Never empty; no NUL (see
     * {@link #hostileStringsWithNul()}).
     */
    public static Arbitrary<String> hostileStrings() {
        return hostilePieces(false).list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("", parts));
    }

    /** {@link #hostileStrings()} that may also hold NUL, for checks that run where NUL is allowed. */
    public static Arbitrary<String> hostileStringsWithNul() {
        return hostilePieces(true).list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("", parts));
    }

    private static Arbitrary<String> hostilePieces(boolean withNul) {
        Arbitrary<String> punctuation = Arbitraries.of("\"", "`", "[", "]", "'", "\\", "--", "/*", "*/", "?", "$1",
                ":name", ";", " ", "\t", "\n", "\"\"", "``", "]]", "''", "\\'", "%", "_", ".", "(", ")");
        Arbitrary<String> letters = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(4);
        // Any code point but the surrogate halves (not characters) and controls below space.
        Arbitrary<String> unicode = Arbitraries.frequencyOf(
                        Tuple.of(2, Arbitraries.of(0xE9, 0xC9, 0x3B1, 0x4E2D, 0x1F600, 0xFEFF, 0x2028, 0x202E)),
                        Tuple.of(1, Arbitraries.integers().between(0x80, 0x10FFFF)))
                .filter(cp -> cp < 0xD800 || cp > 0xDFFF)
                .map(Character::toString);
        Arbitrary<String> pieces = Arbitraries.frequencyOf(
                Tuple.of(4, punctuation), Tuple.of(3, letters), Tuple.of(2, unicode));
        return withNul ? Arbitraries.frequencyOf(Tuple.of(10, pieces), Tuple.of(1, Arbitraries.just("\0"))) : pieces;
    }
}
