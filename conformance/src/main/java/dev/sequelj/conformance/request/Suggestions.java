package dev.sequelj.conformance.request;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean ...?" for misspelt keys: the known word nearest to a wrong one, when it is near enough. */
final class Suggestions {
    private Suggestions() {}

    /** The known word within a few edits of {@code wrong} (case ignored), if there is one. */
    static Optional<String> nearest(String wrong, Collection<String> known) {
        int allowed = Math.max(2, wrong.length() / 3);
        return known.stream()
                .min(Comparator.comparingInt(word -> distance(word.toLowerCase(), wrong.toLowerCase())))
                .filter(word -> distance(word.toLowerCase(), wrong.toLowerCase()) <= allowed);
    }

    /** Levenshtein distance. */
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
