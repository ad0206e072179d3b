package dev.sequelj.ast.error;

import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * "Did you mean ...?" for error messages: the known word nearest to a misspelt one, when it is near
 * enough to be a likely typo.
 *
 * <pre>{@code
 * Suggestions.didYouMean("$gtt", List.of("$gt", "$gte", "$lt"));   // "; did you mean $gt?"
 * Suggestions.didYouMean("colour", List.of("id", "name"));         // ""
 * }</pre>
 */
public final class Suggestions {
    private Suggestions() {}

    /** The known word within a few edits of {@code wrong}, case ignored, if there is one. */
    public static Option<String> nearest(String wrong, Iterable<String> known) {
        String target = wrong.toLowerCase();
        int allowed = Math.max(2, wrong.length() / 3);
        return Vector.ofAll(known)
                .minBy(word -> distance(word.toLowerCase(), target))
                .filter(word -> distance(word.toLowerCase(), target) <= allowed);
    }

    /** {@code "; did you mean <nearest>?"}, or nothing when no known word is near. */
    public static String didYouMean(String wrong, Iterable<String> known) {
        return nearest(wrong, known).map(word -> "; did you mean " + word + "?").getOrElse("");
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
