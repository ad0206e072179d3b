package dev.sequelj.conformance.property;

import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Random model definitions: names, attributes of every data type, nullability, {@code field} renames,
 * primary keys (Sequelize's implicit {@code id}, a custom auto-increment or string key, a composite key),
 * and the model options that name the table and add timestamps.
 *
 * <p>Names are hostile on purpose, within what SQLite takes, which is where the live properties here
 * run: column names are distinct even when compared without ASCII case (as SQLite, MySQL and SQL
 * Server compare them), no attribute takes a name Sequelize adds itself ({@code id},
 * {@code createdAt}, {@code updatedAt}) in any case, and no table name starts with SQLite's reserved
 * {@code sqlite_}. Running them on another server needs that server's limits too (MySQL refuses a
 * name ending in a space or longer than 64 characters; PostgreSQL cuts names at 63 bytes).
 *
 * <pre>{@code
 * @Property void anything(@ForAll("models") ModelDefinition model) { ... }
 * @Provide Arbitrary<ModelDefinition> models() { return ModelArbitraries.models(); }
 *
 * // plain names, two types, always the implicit id key:
 * ModelArbitraries.models(ModelArbitraries.Shape.ANY.withNames(ModelArbitraries.plainNames())
 *         .withTypes(List.of(DataTypes.INTEGER, DataTypes.STRING)).withImplicitKeyOnly());
 * }</pre>
 */
public final class ModelArbitraries {
    /** One of each data type the compiler knows, with STRING at its default and at a short length. */
    public static final List<DataType> ALL_TYPES = List.of(DataTypes.STRING, DataTypes.STRING(16), DataTypes.TEXT,
            DataTypes.INTEGER, DataTypes.BIGINT, DataTypes.BOOLEAN, DataTypes.DATE);

    private static final Set<String> SEQUELIZE_NAMES = Set.of("id", "createdat", "updatedat");

    private ModelArbitraries() {}

    /**
     * What kind of models to generate.
     *
     * @param names         model, table, attribute and column names
     * @param types         the data types attributes are given (custom keys use INTEGER, BIGINT and STRING regardless)
     * @param maxAttributes at most this many attributes besides the ones Sequelize adds
     * @param customKeys    whether the primary key may be the model's own (else always the implicit {@code id})
     */
    public record Shape(Arbitrary<String> names, List<DataType> types, int maxAttributes, boolean customKeys) {
        /** Hostile names, every type, up to five attributes, any kind of key. */
        public static final Shape ANY = new Shape(identifiers(), ALL_TYPES, 5, true);

        public Shape withNames(Arbitrary<String> names) {
            return new Shape(names, types, maxAttributes, customKeys);
        }

        public Shape withTypes(List<DataType> types) {
            return new Shape(names, List.copyOf(types), maxAttributes, customKeys);
        }

        public Shape withMaxAttributes(int maxAttributes) {
            return new Shape(names, types, maxAttributes, customKeys);
        }

        /** Always Sequelize's implicit {@code id INTEGER} auto-increment key, so rows can be told apart by it. */
        public Shape withImplicitKeyOnly() {
            return new Shape(names, types, maxAttributes, false);
        }
    }

    /** Models of {@link Shape#ANY}. */
    public static Arbitrary<ModelDefinition> models() {
        return models(Shape.ANY);
    }

    /** Models of the given shape. */
    public static Arbitrary<ModelDefinition> models(Shape shape) {
        Arbitrary<List<Attribute>> attributes = attributes(shape).list().ofMaxSize(shape.maxAttributes())
                .uniqueElements(a -> asciiLower(a.field()))
                .uniqueElements(Attribute::name);
        Arbitrary<KeyKind> keys = shape.customKeys() ? Arbitraries.of(KeyKind.class) : Arbitraries.just(KeyKind.IMPLICIT);
        return Combinators.combine(shape.names(), tableNaming(shape.names()), attributes, keys, customKey(shape.names()))
                .as(ModelArbitraries::define)
                .filter(java.util.Optional::isPresent)
                .map(java.util.Optional::get)
                .filter(ModelArbitraries::creatableEverywhere);
    }

    /**
     * Names that try to break quoting (see {@link ValueArbitraries#hostileStrings()}): every dialect's
     * quote characters, backslashes, comment starts, placeholders, unicode, spaces. No NUL: no
     * database takes it in a name.
     */
    public static Arbitrary<String> identifiers() {
        return Arbitraries.frequencyOf(Tuple.of(3, ValueArbitraries.hostileStrings()), Tuple.of(1, plainNames()));
    }

    /** Names as people write them: a lower-case letter, then up to seven letters and digits. */
    public static Arbitrary<String> plainNames() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z');
        Arbitrary<String> rest = Arbitraries.strings().alpha().numeric().ofMaxLength(7);
        return Combinators.combine(first, rest).as((f, r) -> f + r);
    }

    /** Lower-cases ASCII letters only, as SQLite compares names; other letters are left alone. */
    public static String asciiLower(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    private enum KeyKind { IMPLICIT, CUSTOM, COMPOSITE }

    /** How the table is named: pluralized model name, the model name itself, or a name of its own. */
    private static Arbitrary<ModelOptions> tableNaming(Arbitrary<String> names) {
        Arbitrary<ModelOptions> stamps = Arbitraries.of(
                ModelOptions.options(), ModelOptions.options().timestamps(true), ModelOptions.options().timestamps(false));
        return Combinators.combine(stamps, Arbitraries.integers().between(0, 2), names).as((options, naming, table) ->
                switch (naming) {
                    case 0 -> options;
                    case 1 -> options.freezeTableName(true);
                    default -> options.tableName(table);
                });
    }

    private static Arbitrary<Attribute> attributes(Shape shape) {
        Arbitrary<String> names = ownNames(shape.names());
        Arbitrary<DataType> types = Arbitraries.of(shape.types());
        Arbitrary<Boolean> allowNull = Arbitraries.of(true, true, false);
        // A third of the attributes live in a column of another name (Sequelize's `field`).
        Arbitrary<String> fields = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just("")), Tuple.of(1, names));
        return Combinators.combine(names, types, allowNull, fields).as((name, type, nullable, field) -> {
            Attribute attribute = Attribute.attribute(name, type).allowNull(nullable);
            return field.isEmpty() ? attribute : attribute.field(field);
        });
    }

    /** A key of the model's own: an INTEGER or BIGINT auto-increment key, or a STRING key given by the caller. */
    private static Arbitrary<Attribute> customKey(Arbitrary<String> names) {
        Arbitrary<DataType> types = Arbitraries.of(DataTypes.INTEGER, DataTypes.BIGINT, DataTypes.STRING);
        return Combinators.combine(ownNames(names), types).as((name, type) -> {
            Attribute key = Attribute.attribute(name, type).primaryKey(true);
            return type instanceof DataType.StringType ? key : key.autoIncrement(true);
        });
    }

    /** Names that cannot be mistaken for the attributes Sequelize adds, in whatever case. */
    private static Arbitrary<String> ownNames(Arbitrary<String> names) {
        return names.filter(n -> !SEQUELIZE_NAMES.contains(asciiLower(n)));
    }

    /**
     * The model, or none when two of its attributes share a column (a custom key named as another attribute's
     * field), which {@code define} refuses.
     */
    private static java.util.Optional<ModelDefinition> define(String name, ModelOptions options, List<Attribute> attributes,
                                                              KeyKind keys, Attribute customKey) {
        List<Attribute> all = new ArrayList<>();
        switch (keys) {
            case IMPLICIT -> all.addAll(attributes);
            case CUSTOM -> {
                all.add(customKey);
                all.addAll(attributes.stream().filter(a -> !a.name().equals(customKey.name())).toList());
            }
            case COMPOSITE -> {
                // The first two attributes (when there are two) form the key.
                for (int i = 0; i < attributes.size(); i++) {
                    all.add(i < 2 && attributes.size() >= 2 ? attributes.get(i).primaryKey(true) : attributes.get(i));
                }
            }
        }
        try {
            return java.util.Optional.of(ModelDefinition.define(name, all, options));
        } catch (dev.sequelj.ast.error.ValidationError e) {
            return java.util.Optional.empty();
        }
    }

    private static boolean creatableEverywhere(ModelDefinition model) {
        Set<String> columns = new HashSet<>();
        for (Attribute attribute : model.attributeList()) {
            if (!columns.add(asciiLower(attribute.field()))) {
                return false;
            }
        }
        return !asciiLower(model.tableName()).startsWith("sqlite_");
    }
}
