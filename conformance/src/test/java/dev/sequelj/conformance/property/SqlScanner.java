package dev.sequelj.conformance.property;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** A character written by its code outside the quotes: SQL Server's {@code NCHAR(10)}, SQLite's {@code char(0)}. */
    private static final String CODE = "(?:NCHAR|char)\\((\\d+)\\)";
    /** The concatenation operator with its spaces: SQL Server's {@code +}, SQLite's {@code ||}. */
    private static final String JOIN = "\\s*(?:\\+|\\|\\|)\\s*";
    private static final Pattern CODE_PATTERN = Pattern.compile(CODE);
    /** Between two literals of one string: {@code  + NCHAR(0) + N}. */
    private static final Pattern BETWEEN = Pattern.compile("(?:" + JOIN + CODE + ")*" + JOIN + "N?");
    /** Right after a string's last literal: {@code  + NCHAR(10)}. */
    private static final Pattern TRAILING = Pattern.compile("(?:" + JOIN + CODE + ")+");
    /** Right before a string's first literal: {@code NCHAR(0) + N}. */
    private static final Pattern LEADING = Pattern.compile("(?:" + CODE + JOIN + ")+N?$");

    /**
     * {@link #scan} that reads a string written as a concatenation back as one {@link Kind#LITERAL}: the
     * literal writers put characters that cannot stand inside quotes outside them, SQL Server as
     * {@code (N'a\' + NCHAR(10) + N'b')}, SQLite as {@code ('a' || char(0) || 'b')}. Without this, each
     * piece reads as a literal of its own, and a name quoted inside the string (SQL Server's
     * {@code OBJECT_ID(N'[t]')}) is cut in two.
     *
     * <pre>{@code
     * SqlScanner.scanStrings("OBJECT_ID((N'[\\' + NCHAR(10) + N']'), 'U')", QuoteRule.of(Dialects.MSSQL));
     * // [SQL "OBJECT_ID((N", LITERAL "[\<LF>]", SQL "), ", LITERAL "U", SQL ")"]
     * }</pre>
     */
    public static List<Token> scanStrings(String sql, QuoteRule rule) {
        List<Token> tokens = scan(sql, rule);
        List<Token> joined = new ArrayList<>();
        String prefix = "";
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean afterLiteral = !joined.isEmpty() && joined.getLast().kind() == Kind.LITERAL;
            boolean beforeLiteral = i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.LITERAL;
            if (token.kind() == Kind.LITERAL) {
                joined.add(new Token(Kind.LITERAL, prefix + token.value()));
                prefix = "";
            } else if (token.kind() == Kind.IDENTIFIER) {
                joined.add(token);
            } else if (afterLiteral && beforeLiteral && BETWEEN.matcher(token.value()).matches()) {
                Token last = joined.removeLast();
                joined.add(new Token(Kind.LITERAL, last.value() + codes(token.value()) + tokens.get(++i).value()));
            } else {
                String text = token.value();
                Matcher trailing = TRAILING.matcher(text);
                if (afterLiteral && trailing.lookingAt()) {
                    Token last = joined.removeLast();
                    joined.add(new Token(Kind.LITERAL, last.value() + codes(trailing.group())));
                    text = text.substring(trailing.end());
                }
                Matcher leading = LEADING.matcher(text);
                if (beforeLiteral && leading.find()) {
                    prefix = codes(leading.group());
                    text = text.substring(0, leading.start());
                }
                if (!text.isEmpty()) {
                    joined.add(new Token(Kind.SQL, text));
                }
            }
        }
        return joined;
    }

    /** The characters whose codes a piece of concatenation names, in order. */
    private static String codes(String concatenation) {
        StringBuilder characters = new StringBuilder();
        Matcher code = CODE_PATTERN.matcher(concatenation);
        while (code.find()) {
            characters.appendCodePoint(Integer.parseInt(code.group(1)));
        }
        return characters.toString();
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
