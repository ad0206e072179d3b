package dev.sequelj.conformance.golden;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff for failure messages: lines only in the golden file start with {@code -}, lines only in
 * the rendered output with {@code +}, shared lines with two spaces. Golden entries are a few lines
 * long, so the plain longest-common-subsequence table is cheap enough.
 *
 * <pre>{@code
 * LineDiff.diff("a\nb", "a\nc")   // "  a\n- b\n+ c\n"
 * }</pre>
 */
final class LineDiff {
    private LineDiff() {}

    static String diff(String expected, String actual) {
        String[] before = expected.lines().toArray(String[]::new);
        String[] after = actual.lines().toArray(String[]::new);
        // common[i][j]: length of the longest common subsequence of before[i..] and after[j..]
        int[][] common = new int[before.length + 1][after.length + 1];
        for (int i = before.length - 1; i >= 0; i--) {
            for (int j = after.length - 1; j >= 0; j--) {
                common[i][j] = before[i].equals(after[j])
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < before.length || j < after.length) {
            if (i < before.length && j < after.length && before[i].equals(after[j])) {
                lines.add("  " + before[i++]);
                j++;
            } else if (j == after.length || (i < before.length && common[i + 1][j] >= common[i][j + 1])) {
                lines.add("- " + before[i++]);
            } else {
                lines.add("+ " + after[j++]);
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
