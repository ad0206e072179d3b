package dev.sequelj.executor.query;

import dev.sequelj.ast.error.Suggestions;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.executor.query.RawSqlSyntax.Feature;
import io.vavr.collection.Array;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the placeholders of a raw query ({@code sequelize.query}) into JDBC's {@code ?}, with the
 * values to bind in order. Values are never written into the SQL: Sequelize 6 splices escaped
 * replacements into the text; Sequelj binds them, so no value can change what the statement does.
 *
 * <ul>
 *   <li>positional replacements: each {@code ?} takes the next value;</li>
 *   <li>named replacements: {@code :name} takes {@code values.get("name")}; PostgreSQL's
 *       {@code ::type} casts are left alone;</li>
 *   <li>bind parameters: {@code $1}, {@code $2}, ... from a list, or {@code $name} from a map, as in
 *       Sequelize's {@code bind} option; {@code $$} is a plain {@code $} where it cannot start a
 *       PostgreSQL dollar-quoted string.</li>
 * </ul>
 *
 * <p>A collection given as a replacement becomes one placeholder per element, for {@code IN (:ids)}.
 * Placeholders inside string literals, quoted identifiers, comments and dollar-quoted strings are text
 * and stay as written; what counts as which is the database's {@link RawSqlSyntax}.
 *
 * <p>Everything that would leave a placeholder without a value, or a value without a placeholder, is a
 * {@link ValidationError} before any SQL is sent: a missing name, too few or too many positional
 * values, a {@code ?} when the values are named, an unterminated literal or comment (which would hide
 * placeholders from this scan but not from the database).
 *
 * <pre>{@code
 * RawSqlBinder.rewrite("SELECT * FROM users WHERE status = :status AND id IN (:ids)", RawSqlSyntax.POSTGRES,
 *         new NamedReplacements(Map.of("status", "active", "ids", List.of(1, 2))));
 * // → Bound[text=SELECT * FROM users WHERE status = ? AND id IN (?, ?), params=[active, 1, 2]]
 * }</pre>
 */
public final class RawSqlBinder {

    /** The rewritten SQL with only {@code ?} placeholders, and one value per placeholder. */
    public record Bound(String text, Array<Object> params) {}

    /** Where a raw query's values come from: Sequelize's {@code replacements} or {@code bind}, or neither. */
    public sealed interface Parameters {}

    /** No values: the SQL must contain no placeholder. */
    public record NoParameters() implements Parameters {}

    /** {@code replacements: [a, b]}: one value per {@code ?}, in order. */
    public record PositionalReplacements(List<Object> values) implements Parameters {
        public PositionalReplacements {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** {@code replacements: {name: value}}: a value per {@code :name}. */
    public record NamedReplacements(Map<String, Object> values) implements Parameters {
        public NamedReplacements {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** {@code bind: [a, b]}: {@code $1} is the first value, {@code $2} the second, ... */
    public record PositionalBind(List<Object> values) implements Parameters {
        public PositionalBind {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** {@code bind: {name: value}}: a value per {@code $name}. */
    public record NamedBind(Map<String, Object> values) implements Parameters {
        public NamedBind {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    private final String sql;
    private final RawSqlSyntax syntax;
    private final Parameters parameters;
    private final StringBuilder out;
    private final List<Object> params = new ArrayList<>();
    private int position;
    private int positionalUsed;
    private final boolean[] bindUsed;

    private RawSqlBinder(String sql, RawSqlSyntax syntax, Parameters parameters) {
        this.sql = sql;
        this.syntax = syntax;
        this.parameters = parameters;
        this.out = new StringBuilder(sql.length() + 16);
        this.bindUsed = new boolean[parameters instanceof PositionalBind bind ? bind.values().size() : 0];
    }

    /** Rewrites {@code sql}'s placeholders to {@code ?} and collects their values, in order. */
    public static Bound rewrite(String sql, RawSqlSyntax syntax, Parameters parameters) {
        RawSqlBinder binder = new RawSqlBinder(sql, syntax, parameters);
        binder.scan();
        binder.checkAllUsed();
        return new Bound(binder.out.toString(), Array.ofAll(binder.params));
    }

    private void scan() {
        int length = sql.length();
        while (position < length) {
            char c = sql.charAt(position);
            char next = position + 1 < length ? sql.charAt(position + 1) : '\0';
            if (c == '\'') {
                skipQuoted('\'', backslashEscapesAt(position), "string literal");
            } else if (c == '"') {
                skipQuoted('"', syntax.has(Feature.BACKSLASH_ESCAPES), "double-quoted name or string");
            } else if (c == '`' && syntax.has(Feature.BACKTICK_IDENTIFIERS)) {
                skipQuoted('`', false, "`quoted` identifier");
            } else if (c == '[' && syntax.has(Feature.BRACKET_IDENTIFIERS)) {
                skipQuoted(']', false, "[bracketed] identifier");
            } else if (c == '-' && next == '-' && dashDashStartsComment()) {
                skipLineComment();
            } else if (c == '#' && syntax.has(Feature.HASH_COMMENTS)) {
                skipLineComment();
            } else if (c == '/' && next == '*') {
                skipBlockComment();
            } else if (c == '$' && startsDollarQuote()) {
                skipDollarQuoted();
            } else if (c == '?') {
                questionMark(next);
            } else if (c == ':' && parameters instanceof NamedReplacements named) {
                colon(next, named);
            } else if (c == '$' && (parameters instanceof PositionalBind || parameters instanceof NamedBind)) {
                dollar(next);
            } else {
                out.append(c);
                position++;
            }
        }
    }

    // ---- text that is not SQL structure: copied as it is ---------------------------------------------

    /** PostgreSQL reads backslash escapes only in {@code E'...'}; MySQL in every string. */
    private boolean backslashEscapesAt(int quote) {
        if (syntax.has(Feature.BACKSLASH_ESCAPES)) {
            return true;
        }
        if (!syntax.has(Feature.E_STRINGS) || quote == 0) {
            return false;
        }
        char prefix = sql.charAt(quote - 1);
        return (prefix == 'E' || prefix == 'e') && (quote == 1 || !isIdentifierPart(sql.charAt(quote - 2)));
    }

    /** From the opening quote to past the closing one; a doubled closing quote is part of the text. */
    private void skipQuoted(char close, boolean backslashEscapes, String what) {
        int start = position;
        int i = position + 1;
        while (true) {
            if (i >= sql.length()) {
                throw unterminated(what, start);
            }
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == close) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    i += 2;
                } else {
                    i++;
                    break;
                }
            } else {
                i++;
            }
        }
        copyTo(i);
    }

    private boolean dashDashStartsComment() {
        if (!syntax.has(Feature.DASH_DASH_NEEDS_SPACE)) {
            return true;
        }
        int after = position + 2;
        return after >= sql.length() || sql.charAt(after) <= ' ';
    }

    private void skipLineComment() {
        int end = sql.indexOf('\n', position);
        copyTo(end < 0 ? sql.length() : end);
    }

    private void skipBlockComment() {
        int start = position;
        boolean nests = syntax.has(Feature.NESTED_BLOCK_COMMENTS);
        int depth = 0;
        int i = position;
        do {
            if (i + 1 >= sql.length()) {
                throw unterminated("/* comment", start);
            }
            if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*' && (nests || depth == 0)) {
                depth++;
                i += 2;
            } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                depth--;
                i += 2;
            } else {
                i++;
            }
        } while (depth > 0);
        copyTo(i);
    }

    /** {@code $$} or {@code $tag$}, where a dollar-quoted string can start (not inside a name such as {@code a$b}). */
    private boolean startsDollarQuote() {
        return syntax.has(Feature.DOLLAR_QUOTED_STRINGS) && !precededByIdentifier() && dollarTagEnd(position) > 0;
    }

    /** The index after a {@code $tag$} opening at {@code at}, or -1. */
    private int dollarTagEnd(int at) {
        int i = at + 1;
        if (i < sql.length() && isIdentifierStart(sql.charAt(i))) {
            i++;
            while (i < sql.length() && isIdentifierPart(sql.charAt(i))) {
                i++;
            }
        }
        return i < sql.length() && sql.charAt(i) == '$' ? i + 1 : -1;
    }

    private void skipDollarQuoted() {
        int start = position;
        String tag = sql.substring(position, dollarTagEnd(position));
        int close = sql.indexOf(tag, position + tag.length());
        if (close < 0) {
            throw unterminated("dollar-quoted string " + tag, start);
        }
        copyTo(close + tag.length());
    }

    private void copyTo(int end) {
        out.append(sql, position, end);
        position = end;
    }

    // ---- placeholders ---------------------------------------------------------------------------------

    private void questionMark(char next) {
        if (next == '?' && syntax.has(Feature.DOUBLED_QUESTION_MARK)) {
            copyTo(position + 2);
            return;
        }
        if (!(parameters instanceof PositionalReplacements positional)) {
            throw new ValidationError(switch (parameters) {
                case NoParameters none -> "the SQL has a ? placeholder at offset " + position + " (" + around(position)
                        + ") but no replacements were given; pass them with replacements(List.of(...))";
                case NamedReplacements named -> "the replacements are named, so write :name; the ? at offset "
                        + position + " (" + around(position) + ") would have no value";
                case PositionalBind bind -> bindWithQuestionMark();
                case NamedBind bind -> bindWithQuestionMark();
                case PositionalReplacements unreachable -> throw new AssertionError();
            });
        }
        if (positionalUsed >= positional.values().size()) {
            throw new ValidationError("positional replacement ? number " + (positionalUsed + 1) + " at offset " + position
                    + " (" + around(position) + ") has no value: " + given(positional.values().size(), "replacement"));
        }
        emitReplacement(positional.values().get(positionalUsed), "replacement number " + (positionalUsed + 1));
        positionalUsed++;
        position++;
    }

    private String bindWithQuestionMark() {
        return "bind parameters are written $1 or $name; the ? at offset " + position + " (" + around(position)
                + ") would have no value (replacements fill ? placeholders)";
    }

    /** {@code :name} after something that cannot end an expression; {@code ::} is a cast, {@code a:b} not ours. */
    private void colon(char next, NamedReplacements named) {
        if (next == ':') {
            copyTo(position + 2);
            return;
        }
        if (precededByIdentifier() || !isIdentifierStart(next)) {
            copyTo(position + 1);
            return;
        }
        int start = position;
        String name = identifierAt(position + 1);
        if (!named.values().containsKey(name)) {
            throw new ValidationError("named replacement :" + name + " at offset " + start + " has no entry in the"
                    + " replacements; given: " + String.join(", ", named.values().keySet())
                    + Suggestions.didYouMean(name, named.values().keySet()));
        }
        emitReplacement(named.values().get(name), "replacement :" + name);
        position += 1 + name.length();
    }

    /** {@code $1} or {@code $name} after something that cannot end a name; {@code $$} is a plain {@code $}. */
    private void dollar(char next) {
        if (precededByIdentifier()) {
            copyTo(position + 1);
            return;
        }
        if (next == '$') {
            out.append('$');
            position += 2;
            return;
        }
        int start = position;
        if (Character.isDigit(next)) {
            String digits = digitsAt(position + 1);
            if (!(parameters instanceof PositionalBind positional)) {
                throw new ValidationError("$" + digits + " at offset " + start + " is a positional bind parameter, but"
                        + " bind was given as a map; pass a list for $1, $2, ... or name the parameters $name");
            }
            int index = Integer.parseInt(digits);
            if (index < 1 || index > positional.values().size()) {
                throw new ValidationError("bind parameter $" + digits + " at offset " + start + " has no value: "
                        + given(positional.values().size(), "bind value") + ", numbered from $1");
            }
            bindUsed[index - 1] = true;
            params.add(positional.values().get(index - 1));
            out.append('?');
            position += 1 + digits.length();
        } else if (isIdentifierStart(next)) {
            String name = identifierAt(position + 1);
            if (!(parameters instanceof NamedBind named)) {
                throw new ValidationError("$" + name + " at offset " + start + " is a named bind parameter, but bind was"
                        + " given as a list; pass a map for $name, or number the parameters $1, $2, ...");
            }
            if (!named.values().containsKey(name)) {
                throw new ValidationError("Named bind parameter \"$" + name + "\" has no value in the given object; given: "
                        + String.join(", ", named.values().keySet()) + Suggestions.didYouMean(name, named.values().keySet()));
            }
            params.add(named.values().get(name));
            out.append('?');
            position += 1 + name.length();
        } else {
            copyTo(position + 1);
        }
    }

    /** One {@code ?}, or one per element of a collection (for {@code IN (:ids)}). */
    private void emitReplacement(Object value, String which) {
        if (value instanceof Collection<?> values) {
            if (values.isEmpty()) {
                throw new ValidationError(which + " is an empty list, which would leave nothing between the"
                        + " parentheses of IN (...); leave the condition out when there is nothing to match");
            }
            String separator = "";
            for (Object element : values) {
                out.append(separator).append('?');
                params.add(element);
                separator = ", ";
            }
        } else {
            out.append('?');
            params.add(value);
        }
    }

    private void checkAllUsed() {
        if (parameters instanceof PositionalReplacements positional && positionalUsed < positional.values().size()) {
            throw new ValidationError(given(positional.values().size(), "replacement") + " but the SQL has "
                    + positionalUsed + " ? placeholder" + (positionalUsed == 1 ? "" : "s")
                    + "; replacement number " + (positionalUsed + 1) + " would be unused");
        }
        for (int i = 0; i < bindUsed.length; i++) {
            if (!bindUsed[i]) {
                throw new ValidationError(given(bindUsed.length, "bind value") + " but $" + (i + 1)
                        + " does not appear in the SQL");
            }
        }
    }

    // ---- characters -----------------------------------------------------------------------------------

    private boolean precededByIdentifier() {
        return position > 0 && (isIdentifierPart(sql.charAt(position - 1)) || sql.charAt(position - 1) == '$');
    }

    private String identifierAt(int start) {
        int end = start;
        while (end < sql.length() && isIdentifierPart(sql.charAt(end))) {
            end++;
        }
        return sql.substring(start, end);
    }

    private String digitsAt(int start) {
        int end = start;
        while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
            end++;
        }
        return sql.substring(start, end);
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private ValidationError unterminated(String what, int start) {
        return new ValidationError("the SQL ends inside a " + what + " opened at offset " + start + " (" + around(start)
                + "); close it. Placeholders after it could not be told from its text");
    }

    /** {@code "1 replacement was given"}, {@code "2 replacements were given"}. */
    private static String given(int count, String what) {
        return count + " " + what + (count == 1 ? " was given" : "s were given");
    }

    /** A short excerpt of the SQL from {@code at}, for messages. */
    private String around(int at) {
        int end = Math.min(sql.length(), at + 20);
        return "\"" + sql.substring(at, end) + (end < sql.length() ? "..." : "") + "\"";
    }
}
