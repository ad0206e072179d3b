package dev.sequelj.conformance.property;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into quoted identifiers, string literals and the plain text between them, by a
 * {@link QuoteRule}, and reads each quoted part back to the name or string it stands for. Unterminated
 * quoting is an error: that is what a name or value that escaped its quotes looks like.
 *
 * <pre>{@code
 * SqlScanner.scan("SELECT \"a\"\"b\" FROM t WHERE x = ?", QuoteRule.of(Dialects.POSTGRES));
 * // [SQL "SELECT ", IDENTIFIER a"b, SQL " FROM t WHERE x = ?"]
 * }</pre>
 */
public final class SqlScanner {
    private SqlScanner() {}

    /** What a part of the text is. */
    public enum Kind { SQL, IDENTIFIER, LITERAL }

    /**
     * One part of the text.
     *
     * @param value the text as it is for {@link Kind#SQL}; the name or string it stands for otherwise
     */
    public record Token(Kind kind, String value) {}

    /** Thrown when a quote opens and never closes. */
    public static final class UnterminatedQuote extends RuntimeException {
        UnterminatedQuote(String sql, int at) {
            super("a quote opened at offset " + at + " never closes in: " + sql);
        }
    }

    /** The parts of {@code sql}, in order. */
    public static List<Token> scan(String sql, QuoteRule rule) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == rule.open() || c == '\'') {
                if (!plain.isEmpty()) {
                    tokens.add(new Token(Kind.SQL, plain.toString()));
                    plain.setLength(0);
                }
                StringBuilder value = new StringBuilder();
                i = c == '\''
                        ? readLiteral(sql, i, rule.backslashEscapes(), value)
                        : readQuoted(sql, i, rule.close(), value);
                tokens.add(new Token(c == '\'' ? Kind.LITERAL : Kind.IDENTIFIER, value.toString()));
            } else {
                plain.append(c);
                i++;
            }
        }
        if (!plain.isEmpty()) {
            tokens.add(new Token(Kind.SQL, plain.toString()));
        }
        return tokens;
    }

    /** The plain text outside every quoted part, the parts replaced by a space. */
    public static String outsideQuotes(String sql, QuoteRule rule) {
        StringBuilder out = new StringBuilder();
        for (Token token : scan(sql, rule)) {
            out.append(token.kind() == Kind.SQL ? token.value() : " ");
        }
        return out.toString();
    }

    /** Reads from the opening quote at {@code start}; returns the offset after the closing one. */
    private static int readQuoted(String sql, int start, char close, StringBuilder value) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == close) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    value.append(close);
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            value.append(c);
            i++;
        }
        throw new UnterminatedQuote(sql, start);
    }

    private static int readLiteral(String sql, int start, boolean backslashEscapes, StringBuilder value) {
        if (!backslashEscapes) {
            return readQuoted(sql, start, '\'', value);
        }
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && i + 1 < sql.length()) {
                value.append(unescape(sql.charAt(i + 1)));
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                return i + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new UnterminatedQuote(sql, start);
    }

    /** MySQL's backslash escapes (manual, 11.1.1, table 11.1); {@code \%} and {@code \_} keep their backslash. */
    private static String unescape(char c) {
        return switch (c) {
            case '0' -> "\0";
            case 'b' -> "\b";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'Z' -> "\u001A";
            case '%', '_' -> "\\" + c;
            default -> String.valueOf(c);
        };
    }
}
