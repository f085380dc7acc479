package dev.migrator.test;

import dev.migrator.Migrator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the downgrade target that unapplies exactly a given set of revisions. The engine's rule (a
 * downgrade to a revision unapplies everything built on top of it, on every branch, as in Alembic)
 * has no target for some sets: with two sibling branches applied, neither can go alone unless it has
 * a branch label ({@code accounts@-1}). Candidates are checked against the engine's own plan, read
 * from its offline script, so the harness never runs a downgrade that would unapply more than it meant.
 */
final class DowngradePlans {

    private final Migrator graph;
    private final RevisionOrder order;

    DowngradePlans(Migrator graph, RevisionOrder order) {
        this.graph = graph;
        this.order = order;
    }

    /** A target whose downgrade from {@code applied} unapplies exactly what is not in {@code goal}; null when none does. */
    String targetFor(Set<String> applied, Set<String> goal) {
        Set<String> removed = new HashSet<>(applied);
        removed.removeAll(goal);
        List<String> candidates = new ArrayList<>();
        candidates.add(order.target(goal));
        if (removed.size() == 1) {
            for (String label : order.labels()) {
                candidates.add(label + "@-1");
            }
        }
        for (String candidate : candidates) {
            if (removed.equals(planned(applied, candidate))) {
                return candidate;
            }
        }
        return null;
    }

    /** What a downgrade from {@code applied} to {@code target} would unapply, or null when the engine refuses it. */
    private Set<String> planned(Set<String> applied, String target) {
        try {
            return new HashSet<>(OfflineScripts.revisionsIn(graph.downgradeSql(order.target(applied), target), "downgrade"));
        } catch (RuntimeException refused) {
            return null;
        }
    }

    /** Why nothing matched, for messages. */
    static String inexpressible(Set<String> applied, Set<String> goal) {
        Set<String> removed = new HashSet<>(applied);
        removed.removeAll(goal);
        return "no downgrade target unapplies exactly " + new java.util.TreeSet<>(removed) + " while "
                + new java.util.TreeSet<>(goal) + " stay applied (a downgrade to a revision unapplies everything built on"
                + " top of it, on every branch; a branch label allows <label>@-1)";
    }
}
