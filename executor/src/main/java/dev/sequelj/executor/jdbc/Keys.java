package dev.sequelj.executor.jdbc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reading key columns and values out of drivers' error texts. */
final class Keys {
    private Keys() {}

    /** {@code "a, b"} split on {@code separator}; an empty or null text is no columns. */
    static List<String> split(String text, String separator) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return List.of(text.split(Pattern.quote(separator), -1));
    }

    /**
     * Column → value, when the printed value splits into exactly one part per column. A single column
     * takes the whole text (which may itself contain the separator); otherwise a value containing the
     * separator makes the split ambiguous, and nothing is claimed.
     */
    static Map<String, String> zip(List<String> fields, String value, String separator) {
        Map<String, String> values = new LinkedHashMap<>();
        if (value == null || fields.isEmpty()) {
            return values;
        }
        List<String> parts = fields.size() == 1 ? List.of(value) : split(value, separator);
        if (parts.size() == fields.size()) {
            for (int i = 0; i < fields.size(); i++) {
                values.put(fields.get(i), parts.get(i));
            }
        }
        return values;
    }

    /** The table part of {@code schema.table} (SQL Server's {@code dbo.users}) or of MySQL 8's {@code table.key}. */
    static String afterFirstDot(String qualified) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }
}
