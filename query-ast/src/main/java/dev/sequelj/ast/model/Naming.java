package dev.sequelj.ast.model;

import io.vavr.collection.Seq;

import java.util.Locale;

/**
 * Sequelize's generated names: snake_case for {@code underscored} models and default index names.
 *
 * <pre>{@code
 * Naming.underscore("firstName");                             // first_name
 * Naming.indexName("users", Vector.of("firstName", "age"));  // users_first_name_age
 * }</pre>
 */
public final class Naming {
    private Naming() {}

    /**
     * snake_case as Sequelize makes it ({@code Utils.underscore}, the npm package {@code inflection}'s
     * {@code underscore}): an underscore before every ASCII capital, one leading underscore dropped, all
     * lower case; {@code ::} becomes {@code /}. So {@code firstName} → {@code first_name},
     * {@code createdAt} → {@code created_at}, and, as Sequelize has it, {@code userID} → {@code user_i_d}.
     */
    public static String underscore(String name) {
        String[] parts = name.split("::", -1);
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int p = 0; p < parts.length; p++) {
            if (p > 0) {
                out.append('/');
            }
            StringBuilder part = new StringBuilder(parts[p].length() + 8);
            for (int i = 0; i < parts[p].length(); i++) {
                char c = parts[p].charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    part.append('_');
                }
                part.append(c);
            }
            out.append(part.length() > 0 && part.charAt(0) == '_' ? part.substring(1) : part);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Sequelize's default index name: the table name and the fields as written, joined by {@code _},
     * underscored: {@code users} + {@code [firstName, lastName]} → {@code users_first_name_last_name}.
     */
    public static String indexName(String table, Seq<String> fields) {
        return underscore(table + "_" + fields.mkString("_"));
    }

    /** PostgreSQL's name for an ENUM column's type, as Sequelize names it: {@code enum_<table>_<column>}. */
    public static String enumTypeName(String table, String column) {
        return "enum_" + table + "_" + column;
    }
}
