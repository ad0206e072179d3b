package dev.sequelj.ast.finder;

import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Sequelize's operators, spelled as in Sequelize ({@code Op.gt}, {@code Op.or}) so that object-form
 * where clauses read the same. In JSON and string-keyed maps an operator is written {@code "$gt"}.
 *
 * <pre>{@code
 * Map.of("age", Map.of(Op.gt, 18))                       // "age" > 18
 * Map.of(Op.or, List.of(Map.of("a", 5), Map.of("b", 6)))  // ("a" = 5 OR "b" = 6)
 * Map.of("name", Map.of(Op.startsWith, "Jo"))             // "name" LIKE 'Jo%'
 * Map.of("age", Map.of(Op.between, List.of(18, 65)))      // "age" BETWEEN 18 AND 65
 * }</pre>
 *
 * Some exist only on some databases ({@code iLike}, {@code overlap}, the range operators: PostgreSQL);
 * rendering for another one is an {@code UnsupportedFeatureError} naming the operator and where it works.
 */
@SuppressWarnings("java:S115") // lower-case constants on purpose: they mirror Sequelize's Op.gt
public enum Op {
    eq, ne, gt, gte, lt, lte, in, notIn, is, not, like, notLike, iLike, notILike, startsWith, endsWith, substring,
    regexp, notRegexp, iRegexp, notIRegexp, between, notBetween, any, all, overlap, contains, contained, adjacent,
    strictLeft, strictRight, noExtendRight, noExtendLeft, match, col,
    and, or;

    private static final Vector<Op> ALL = Vector.of(values());

    /** How the operator is written in JSON and string-keyed maps: {@code "$gt"}. */
    public String key() {
        return "$" + name();
    }

    /**
     * Whether the operator combines conditions ({@code and}, {@code or}, {@code not}) rather than compare an
     * attribute. At the top of a where clause only these may appear; under an attribute they combine that
     * attribute's conditions ({@code {"age": {"$or": [5, 6]}}}, {@code {"age": {"$not": 5}}}).
     */
    public boolean isLogical() {
        return this == and || this == or || this == not;
    }

    /** The operator written {@code key} ({@code "$gt"}), if any. */
    public static Option<Op> fromKey(String key) {
        return ALL.find(op -> op.key().equals(key));
    }

    /** Every operator's key, in declaration order: {@code $eq, $ne, ...}. */
    public static Vector<String> keys() {
        return ALL.map(Op::key);
    }
}
