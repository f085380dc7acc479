package dev.migrator.revision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Finds ids close to one that does not exist, for "did you mean" hints in error messages. Error paths only. */
final class Suggestions {

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

    static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Levenshtein distance (ids are at most 64 characters, so two rows suffice). */
    static int distance(String a, String b) {
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
