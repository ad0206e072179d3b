package dev.sequelj.render;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Writes a JSON document (maps with string keys, collections, strings, numbers, booleans, null) as
 * compact JSON text, the way {@code JSON.stringify} writes it, so a JSON value is sent in the form
 * Sequelize sends it.
 *
 * <pre>{@code
 * JsonText.write(Map.of("a", 1));            // {"a":1}
 * JsonText.write(List.of("x", true, null));  // ["x",true,null]
 * }</pre>
 */
public final class JsonText {
    private JsonText() {}

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case CharSequence text -> string(out, text.toString());
            case Boolean bool -> out.append(bool);
            case Double d -> number(out, d);
            case Float f -> number(out, f.doubleValue());
            case BigDecimal big -> out.append(big.stripTrailingZeros().toPlainString());
            case Number number -> out.append(number);
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    string(out, String.valueOf(entry.getKey()));
                    out.append(':');
                    write(out, entry.getValue());
                    first = false;
                }
                out.append('}');
            }
            case Collection<?> list -> {
                out.append('[');
                boolean first = true;
                for (Object item : list) {
                    if (!first) {
                        out.append(',');
                    }
                    write(out, item);
                    first = false;
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    /** Whole doubles print without a fraction, as JavaScript prints them ({@code 2}, not {@code 2.0}). */
    private static void number(StringBuilder out, double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("JSON has no " + d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            out.append((long) d);
        } else {
            out.append(d);
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
