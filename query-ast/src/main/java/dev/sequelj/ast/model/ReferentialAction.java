package dev.sequelj.ast.model;

import dev.sequelj.ast.error.ValidationError;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a foreign key does when the row it points at is deleted or its key updated: Sequelize's
 * {@code onDelete}/{@code onUpdate}.
 *
 * <pre>{@code
 * Reference.to(teams).onDelete(ReferentialAction.of("set null"));   // ON DELETE SET NULL
 * }</pre>
 */
public enum ReferentialAction {
    CASCADE("CASCADE"),
    SET_NULL("SET NULL"),
    SET_DEFAULT("SET DEFAULT"),
    RESTRICT("RESTRICT"),
    NO_ACTION("NO ACTION");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The SQL words: {@code SET NULL}. */
    public String sql() {
        return sql;
    }

    /** {@code "cascade"}, {@code "SET NULL"}, ... as Sequelize takes them (any case); anything else is a {@link ValidationError}. */
    public static ReferentialAction of(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (ReferentialAction action : values()) {
            if (action.sql.equals(wanted)) {
                return action;
            }
        }
        throw new ValidationError("unknown referential action '" + text + "'; expected one of "
                + Arrays.stream(values()).map(ReferentialAction::sql).collect(Collectors.joining(", ")));
    }
}
