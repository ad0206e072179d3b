package dev.sequelj.render;

import dev.sequelj.ast.error.SequeljError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * PostgreSQL's array text, {@code {1,2,"a \"b\"",NULL}}: how an ARRAY value is bound (as text the
 * server reads by the column's type, the way node-postgres sends arrays for Sequelize) and read back
 * when a driver hands over the text.
 *
 * <pre>{@code
 * PostgresArrays.format(List.of(1, 2));      // {1,2}
 * PostgresArrays.format(List.of("a", "b c")); // {"a","b c"}
 * PostgresArrays.parse("{1,NULL}");          // ["1", null]
 * }</pre>
 */
public final class PostgresArrays {
    private PostgresArrays() {}

    /**
     * The elements, already in their stored form, as array text. Strings (and everything but numbers,
     * booleans and nested lists) are quoted with {@code "} and {@code \} escaped, so no element can
     * end the array or an element early.
     */
    public static String format(List<?> elements) {
        StringBuilder out = new StringBuilder();
        format(out, elements);
        return out.toString();
    }

    private static void format(StringBuilder out, List<?> elements) {
        out.append('{');
        boolean first = true;
        for (Object element : elements) {
            if (!first) {
                out.append(',');
            }
            switch (element) {
                case null -> out.append("NULL");
                case List<?> nested -> format(out, nested);
                case Boolean b -> out.append(b);
                case java.math.BigDecimal d -> out.append(d.toPlainString());
                case Number n -> out.append(n);
                case byte[] bytes -> quoted(out, "\\x" + HexFormat.of().formatHex(bytes));
                default -> quoted(out, element.toString());
            }
            first = false;
        }
        out.append('}');
    }

    private static void quoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** Array text as nested lists of element strings, {@code NULL} as null. */
    public static List<Object> parse(String text) {
        int[] pos = {0};
        List<Object> parsed = parseArray(text, pos);
        if (pos[0] != text.length()) {
            throw new SequeljError("malformed array text at character " + pos[0] + ": " + text);
        }
        return parsed;
    }

    private static List<Object> parseArray(String text, int[] pos) {
        if (pos[0] >= text.length() || text.charAt(pos[0]) != '{') {
            throw new SequeljError("malformed array text, expected '{' at character " + pos[0] + ": " + text);
        }
        pos[0]++;
        List<Object> elements = new ArrayList<>();
        if (pos[0] < text.length() && text.charAt(pos[0]) == '}') {
            pos[0]++;
            return Collections.unmodifiableList(elements);
        }
        while (pos[0] < text.length()) {
            char c = text.charAt(pos[0]);
            if (c == '{') {
                elements.add(parseArray(text, pos));
            } else if (c == '"') {
                StringBuilder element = new StringBuilder();
                pos[0]++;
                while (pos[0] < text.length() && text.charAt(pos[0]) != '"') {
                    if (text.charAt(pos[0]) == '\\') {
                        pos[0]++;
                    }
                    element.append(text.charAt(pos[0]++));
                }
                pos[0]++;
                elements.add(element.toString());
            } else {
                int start = pos[0];
                while (pos[0] < text.length() && text.charAt(pos[0]) != ',' && text.charAt(pos[0]) != '}') {
                    pos[0]++;
                }
                String element = text.substring(start, pos[0]).trim();
                elements.add(element.equalsIgnoreCase("NULL") ? null : element);
            }
            if (pos[0] >= text.length()) {
                break;
            }
            char next = text.charAt(pos[0]++);
            if (next == '}') {
                return Collections.unmodifiableList(elements);
            }
            if (next != ',') {
                throw new SequeljError("malformed array text at character " + (pos[0] - 1) + ": " + text);
            }
        }
        throw new SequeljError("unterminated array text: " + text);
    }
}
