package dev.sequelj.ast.expression;

import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Locale;

/**
 * The casts Sequelize allows on a value taken from a JSON path ({@code "meta.age::integer"}), by the name
 * written after {@code ::}. Which database type each becomes, and whether a database has it at all, is
 * each dialect's table.
 */
public enum JsonCast {
    INTEGER("integer"), INT("int"), SMALLINT("smallint"), BIGINT("bigint"), FLOAT("float"), REAL("real"),
    DOUBLE_PRECISION("double precision"), DECIMAL("decimal"), NUMERIC("numeric"), BOOLEAN("boolean"),
    TEXT("text"), CHAR("char"), VARCHAR("varchar"), NVARCHAR("nvarchar"), DATE("date"), TIMESTAMP("timestamp"),
    TIMESTAMPTZ("timestamptz"), DATETIME("datetime"), JSON("json"), JSONB("jsonb"), SIGNED("signed"),
    UNSIGNED("unsigned");

    private static final Vector<JsonCast> ALL = Vector.of(values());

    private final String sequelizeName;

    JsonCast(String sequelizeName) {
        this.sequelizeName = sequelizeName;
    }

    /** The name as written after {@code ::}: {@code "double precision"}. */
    public String sequelizeName() {
        return sequelizeName;
    }

    /** The cast written {@code name} (any case), if Sequelize allows it. */
    public static Option<JsonCast> fromName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return ALL.find(cast -> cast.sequelizeName.equals(lower));
    }

    /** Every cast's name, in declaration order. */
    public static Vector<String> names() {
        return ALL.map(JsonCast::sequelizeName);
    }
}
