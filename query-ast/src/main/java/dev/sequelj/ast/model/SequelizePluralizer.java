package dev.sequelj.ast.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pluralizes a model name into its table name exactly as Sequelize 6 does ({@code Utils.pluralize},
 * which is the npm package {@code inflection} 1.13.4's {@code pluralize}), so that a Java service and
 * a Node service define the same tables: {@code user} → {@code users}, {@code person} → {@code people},
 * {@code BlogPost} → {@code BlogPosts}, {@code userData} → {@code userData}.
 *
 * <p>Written from observed behaviour only: the rules below were derived by running that
 * {@code pluralize} on English words, their capitalized, upper-case and prefixed forms and on
 * synthetic strings, and checking this class against all of them. Some results are not good English;
 * they are kept on purpose because Sequelize produces them (see the comments on each rule).
 *
 * <p>Case-insensitive matching is ASCII-only, like the JavaScript patterns it reproduces: a non-ASCII
 * letter never matches a letter of a rule.
 *
 * <p>How a word is pluralized:
 * <ol>
 *   <li>A whole word of the uncountable list ({@code sequelize-uncountables.txt} beside this class,
 *       compared case-insensitively) is returned unchanged. Only the whole name counts:
 *       {@code equipment} stays, {@code userEquipment} becomes {@code userEquipments}.</li>
 *   <li>Otherwise the first rule of {@link #RULES} whose pattern matches (case-insensitively) wins.
 *       Most rules look only at the end of the word, so compound and camelCase names are pluralized
 *       by their last word ({@code salesperson} → {@code salespeople}, {@code UserStatus} →
 *       {@code UserStatuses}); a few irregular nouns match only as the whole name ({@code man} →
 *       {@code men} but {@code chairman} → {@code chairmans}).</li>
 *   <li>A rule keeps the word up to the end of its first group (or up to where its match starts when
 *       it has no group), letters in their original case, and appends its replacement, always in
 *       lower case: {@code PERSON} → {@code PEople}, {@code HERO} → {@code HEROs}, {@code USERS}
 *       → {@code USERs}. A "keep" rule returns the word unchanged; those recognize words that are
 *       already plural ({@code people}, {@code children}, {@code data}, {@code matrices}).</li>
 * </ol>
 */
public final class SequelizePluralizer implements Pluralizer {
    public static final SequelizePluralizer INSTANCE = new SequelizePluralizer();

    /** Whole words left unchanged, lower case. */
    static final Set<String> UNCOUNTABLES = loadUncountables("sequelize-uncountables.txt");

    /** The rules in the order they are tried; the first that matches wins. */
    static final List<Rule> RULES = List.of(
            // Irregular nouns that Sequelize knows only as whole words: "man" → "men" and
            // "woman" → "women", but "chairman" → "chairmans", "superman" → "supermans".
            whole("(m|wom)an", "en"),
            whole("(ox)", "en"), // but "box" → "boxes"
            whole("(criteri)on", "a"), // but "xcriterion" → "xcriterions"
            whole("foot", "feet"), // the whole word is rewritten in lower case: "Foot" → "feet"
            whole("tooth", "teeth"),
            whole("goose", "geese"), // but "mongoose" → "mongooses"
            whole("genus", "genera"),
            // These three get "es" only as whole words; "xbonus" stays "xbonus" by the final "s" rule.
            whole("(bonus|summons|whereas)", "es"),
            // Their plurals, kept only as whole words ("xmen" → "xmens").
            wholeKeep("men|women|feet|teeth|geese|genera|bonuses|summonses|whereases"),
            // Sequelize keeps every name that merely starts with "oxen" ("oxenUser", "oxen_tag", "oxenite")
            // unchanged; "xoxen" → "xoxens".
            new Rule(Pattern.compile("\\Aoxen", Pattern.CASE_INSENSITIVE), null),

            // Words already plural: returned unchanged.
            keep("matrices"), // only matrices: "INDICES" and "VERTICES" fall to the "s" rule ("INDICEs")
            keep("quizzes"),
            keep("people"),
            keep("children"),
            keep("[ml]ice"), // mice, lice, also "police", "accomplice"
            keep("[ti]a"), // data, media, criteria, also "quota", "pasta" and every word in -ia
            keep("(?:x|ch|ss|sh)es"),
            keep("(?:[^aeiouy]|qu)ies"),
            keep("[^fo]ves"), // wolves, knives, archives; but after o the "s" rule applies: "MOVES" → "MOVEs"
            keep("oes"), // heroes, potatoes, shoes
            // Only these plurals of -sis; other words in -ses fall to the "s" rule ("HOUSES" → "HOUSEs").
            keep("(?:analy|ba|cri|diagno|progno|synop|the)ses"),
            keep("(?:ax|test)es"),
            keep("(?:octop|vir)uses"),
            keep("buses"),
            keep("(?:alias|status|campus|canvas)es"),

            // Singular suffixes.
            rule("(quiz)", "zes"), // "quiz" → "quizzes", but "buzz" → "buzzs", "fez" → "fezs"
            rule("(matr)ix", "ices"), // only matrix, vertex and index: "appendix" → "appendixes", "vortex" → "vortexes",
            rule("(vert|ind)ex", "ices"), // and not "vertix" or "indix" ("bindix" → "bindixes")
            rule("(pe)rson", "ople"), // "salesperson" → "salespeople", "PERSON" → "PEople"
            rule("(child)", "ren"),
            rule("([ml])ouse", "ice"), // mouse → mice, and also "blouse" → "blice"
            rule("([ti])um", "a"), // medium → media, datum → data, but "album" → "albums"
            // Only these three take "oes": "hero" → "heros", "echo" → "echos".
            rule("(buffal|tomat|potat)o", "oes"),
            rule("(x|ch|ss|sh)", "es"), // box → boxes, and "fish" → "fishes"
            rule("([^aeiouy]|qu)y", "ies"), // "y" alone → "ys"
            rule("(hi|ti)ve", "ves"), // changes nothing but the case: "ARCHIVE" → "ARCHIves"
            // Any letter but f before "fe": "knife" → "knives", but also "safe" → "saves", "cafe" → "caves".
            rule("([^f])fe", "ves"),
            // Only l and r before a final f: "wolf" → "wolves", "scarf" → "scarves", but "leaf" → "leafs".
            rule("([lr])f", "ves"),
            rule("sis", "ses"), // "analysis" → "analyses", "SIS" → "ses"
            rule("(ax|test)is", "es"),
            rule("(octop|vir)us", "uses"), // "octopus" → "octopuses", not "octopi"
            rule("(alias|status|campus|canvas)", "es"),
            rule("(bu)s", "ses"),
            // Any other word ending in s is taken as plural already and left as it is, which makes
            // "cactus", "focus", "radius", "bias", "gas", "atlas", "lens" their own plurals. Its final
            // s is rewritten in lower case: "USERS" → "USERs".
            rule("s", "s"),
            // Everything else gets an s.
            new Rule(Pattern.compile("\\z"), "s"));

    private SequelizePluralizer() {}

    @Override
    public String pluralize(String word) {
        if (UNCOUNTABLES.contains(word.toLowerCase(Locale.ROOT))) {
            return word;
        }
        for (Rule rule : RULES) {
            String plural = rule.apply(word);
            if (plural != null) {
                return plural;
            }
        }
        throw new IllegalStateException("the last rule matches every word"); // unreachable
    }

    /**
     * One rule: a case-insensitive pattern; the word is kept up to the end of the pattern's first group
     * (or up to the start of the match when it has none), and {@code replacement} is appended. A null
     * replacement keeps the whole word.
     */
    record Rule(Pattern pattern, String replacement) {
        String apply(String word) {
            Matcher m = pattern.matcher(word);
            if (!m.find()) {
                return null;
            }
            if (replacement == null) {
                return word;
            }
            int kept = m.groupCount() >= 1 && m.start(1) >= 0 ? m.end(1) : m.start();
            return word.substring(0, kept) + replacement;
        }
    }

    private static Rule rule(String endRegex, String replacement) {
        return new Rule(Pattern.compile("(?:" + endRegex + ")\\z", Pattern.CASE_INSENSITIVE), replacement);
    }

    private static Rule keep(String endRegex) {
        return rule(endRegex, null);
    }

    private static Rule whole(String regex, String replacement) {
        return new Rule(Pattern.compile("\\A(?:" + regex + ")\\z", Pattern.CASE_INSENSITIVE), replacement);
    }

    private static Rule wholeKeep(String regex) {
        return whole(regex, null);
    }

    private static Set<String> loadUncountables(String resource) {
        InputStream in = SequelizePluralizer.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource + " beside " + SequelizePluralizer.class);
        }
        Set<String> words = new TreeSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
