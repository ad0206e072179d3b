package dev.sequelj.executor.query;

import dev.sequelj.executor.query.RawSqlBinder.Bound;
import dev.sequelj.executor.query.RawSqlBinder.NamedReplacements;
import dev.sequelj.executor.query.RawSqlBinder.PositionalBind;
import dev.sequelj.executor.query.RawSqlBinder.PositionalReplacements;
import io.vavr.collection.Array;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random SQL made of words, string literals, quoted names and comments, all full of characters that
 * look like placeholders, with real placeholders in between: the rewriter finds exactly the real ones,
 * in order, and leaves every other character where it was.
 */
class RawSqlBinderPropertiesTest {
    /** What a literal or comment may hold: every character that means something to the scanner. */
    private static final String TRICKY = "?:$1a_ -*/#'\"`[]\\\n";

    /** One piece of generated SQL: its text, and whether it is a placeholder. */
    private record Token(String text, boolean placeholder) {}

    @Provide
    Arbitrary<RawSqlSyntax> syntaxes() {
        return Arbitraries.of(RawSqlSyntax.POSTGRES, RawSqlSyntax.MYSQL, RawSqlSyntax.SQLITE, RawSqlSyntax.MSSQL);
    }

    private static Arbitrary<String> tricky() {
        return Arbitraries.strings().withChars(TRICKY.toCharArray()).ofMaxLength(12);
    }

    /** Text the database reads as data or as nothing: literals, quoted names, comments, each closed properly. */
    private static Arbitrary<Token> inert(RawSqlSyntax syntax) {
        boolean backslashes = syntax.has(RawSqlSyntax.Feature.BACKSLASH_ESCAPES);
        List<Arbitrary<? extends Token>> kinds = new ArrayList<>();
        kinds.add(tricky().map(s -> new Token("'" + escape(s, '\'', backslashes) + "'", false)));
        kinds.add(tricky().map(s -> new Token("\"" + escape(s, '"', backslashes) + "\"", false)));
        kinds.add(tricky().map(s -> new Token("-- " + s.replace('\n', ' ') + "\n", false)));
        kinds.add(tricky().map(s -> new Token("/* " + s.replace("*", "").replace("/", "") + " */", false)));
        if (syntax.has(RawSqlSyntax.Feature.BACKTICK_IDENTIFIERS)) {
            kinds.add(tricky().map(s -> new Token("`" + s.replace("`", "``") + "`", false)));
        }
        if (syntax.has(RawSqlSyntax.Feature.BRACKET_IDENTIFIERS)) {
            kinds.add(tricky().map(s -> new Token("[" + s.replace("]", "]]") + "]", false)));
        }
        if (syntax.has(RawSqlSyntax.Feature.DOLLAR_QUOTED_STRINGS)) {
            kinds.add(tricky().map(s -> new Token("$q$" + s.replace("$q$", "") + "$q$", false)));
        }
        if (syntax.has(RawSqlSyntax.Feature.HASH_COMMENTS)) {
            kinds.add(tricky().map(s -> new Token("# " + s.replace('\n', ' ') + "\n", false)));
        }
        kinds.add(Arbitraries.of("SELECT", "a", "=", "(", ")", ",", "1", "x_2", "+").map(w -> new Token(w, false)));
        return Arbitraries.oneOf(kinds);
    }

    /** A closed literal: the quote doubled inside, and with backslash escapes each backslash doubled too. */
    private static String escape(String text, char quote, boolean backslashes) {
        String escaped = backslashes ? text.replace("\\", "\\\\") : text;
        return escaped.replace(String.valueOf(quote), String.valueOf(quote) + quote);
    }

    private static Arbitrary<List<Token>> sql(RawSqlSyntax syntax, String placeholder) {
        Arbitrary<Token> real = Arbitraries.just(new Token(placeholder, true));
        return Arbitraries.frequencyOf(
                        Tuple.of(4, inert(syntax)),
                        Tuple.of(1, real))
                .list().ofMaxSize(25);
    }

    @Provide
    Arbitrary<Case> positionalCases() {
        return syntaxes().flatMap(syntax -> sql(syntax, "?").map(tokens -> new Case(syntax, tokens)));
    }

    @Provide
    Arbitrary<Case> namedCases() {
        return syntaxes().flatMap(syntax -> sql(syntax, ":v").map(tokens -> new Case(syntax, tokens)));
    }

    @Provide
    Arbitrary<Case> bindCases() {
        return syntaxes().flatMap(syntax -> sql(syntax, "$1").map(tokens -> new Case(syntax, tokens)));
    }

    record Case(RawSqlSyntax syntax, List<Token> tokens) {
        /** Tokens joined by spaces, so that no two of them run into each other. */
        String text(String placeholderAs) {
            StringBuilder out = new StringBuilder();
            for (Token token : tokens) {
                out.append(token.placeholder() ? placeholderAs : token.text()).append(' ');
            }
            return out.toString();
        }

        int placeholders() {
            return (int) tokens.stream().filter(Token::placeholder).count();
        }
    }

    @Property(tries = 500)
    void positionalReplacementsFindExactlyTheRealPlaceholders(@ForAll("positionalCases") Case c) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < c.placeholders(); i++) {
            values.add("v" + i);
        }
        Bound bound = RawSqlBinder.rewrite(c.text("?"), c.syntax(), new PositionalReplacements(values));
        assertThat(bound).isEqualTo(new Bound(c.text("?"), Array.ofAll(values)));
    }

    @Property(tries = 500)
    void namedReplacementsFindExactlyTheRealPlaceholders(@ForAll("namedCases") Case c) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("v", "value");
        Bound bound = RawSqlBinder.rewrite(c.text(":v"), c.syntax(), new NamedReplacements(values));
        assertThat(bound).isEqualTo(new Bound(c.text("?"), Array.fill(c.placeholders(), "value")));
    }

    @Property(tries = 500)
    void bindParametersFindExactlyTheRealPlaceholders(@ForAll("bindCases") Case c) {
        if (c.placeholders() == 0) {
            return; // an unused bind value is refused; covered by the unit tests
        }
        Bound bound = RawSqlBinder.rewrite(c.text("$1"), c.syntax(), new PositionalBind(List.of("value")));
        assertThat(bound).isEqualTo(new Bound(c.text("?"), Array.fill(c.placeholders(), "value")));
    }
}
