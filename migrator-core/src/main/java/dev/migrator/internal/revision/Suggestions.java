package dev.migrator.internal.revision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean ...?" for error messages: near revision ids, and the closest header key or section
 * name. One edit distance for all of them. Error paths only.
 */
public final class Suggestions {

    private static final int MAX = 5;

    private Suggestions() {}

    /** Ids sharing a prefix of at least 4 characters with {@code wanted}, or at most 2 edits away; closest first. */
    static List<String> nearIds(String wanted, Collection<String> ids) {
        record Candidate(String id, int distance) {}
        List<Candidate> candidates = new ArrayList<>();
        for (String id : ids) {
            int common = commonPrefix(wanted, id);
            int distance = distance(wanted, id);
            if (common >= Math.min(4, wanted.length()) || distance <= 2) {
                candidates.add(new Candidate(id, common >= 4 ? Math.min(distance, 2) : distance));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::id));
        List<String> near = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX, candidates.size()); i++) {
            near.add(candidates.get(i).id());
        }
        return near;
    }

    /**
     * The word closest to {@code typed} (case-insensitive), or null when none is plausibly meant: a
     * third of the word may be wrong (typos, transpositions, "BranchLabels" for "Branch-Labels").
     */
    public static String closest(String typed, Collection<String> words) {
        String needle = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String word : words) {
            int d = distance(needle, word.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = word;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, needle.length() / 3) ? best : null;
    }

    static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("upgarde", "a1b2" for "a12b"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
