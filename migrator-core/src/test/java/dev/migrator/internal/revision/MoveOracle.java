package dev.migrator.internal.revision;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The naive oracle for what moves: relative steps taken one at a time over plain sets, and the
 * applied set after a stamp. Deliberately slow and literal, to check the graph's answers against.
 */
final class MoveOracle {

    private MoveOracle() {}

    /** What a relative target does: the revisions it moves, or why it cannot (ambiguous or too few). */
    record Outcome(Set<String> moved, boolean ambiguous, boolean tooFew) {

        static Outcome of(Set<String> moved) {
            return new Outcome(moved, false, false);
        }
    }

    /** {@code +steps} (or {@code <label>@+steps}): each step applies the only revision all of whose requirements are applied. */
    static Outcome up(Map<String, RevisionNode> nodes, Set<String> applied, String label, int steps) {
        Set<String> goal = label == null ? nodes.keySet()
                : Dags.closure(nodes, Dags.heads(nodes, Dags.members(nodes, label)));
        Set<String> now = new HashSet<>(applied);
        Set<String> moved = new HashSet<>();
        for (int step = 0; step < steps; step++) {
            List<String> ready = goal.stream().filter(id -> !now.contains(id))
                    .filter(id -> now.containsAll(nodes.get(id).revises()) && now.containsAll(nodes.get(id).dependsOn()))
                    .toList();
            if (ready.size() != 1) {
                return new Outcome(moved, ready.size() > 1, ready.isEmpty());
            }
            now.add(ready.get(0));
            moved.add(ready.get(0));
        }
        return Outcome.of(moved);
    }

    /** {@code -steps}: each step unapplies the only applied revision no applied revision revises or depends on. */
    static Outcome down(Map<String, RevisionNode> nodes, Set<String> applied, int steps) {
        Set<String> now = new HashSet<>(applied);
        Set<String> moved = new HashSet<>();
        for (int step = 0; step < steps; step++) {
            List<String> free = now.stream().filter(id -> now.stream().noneMatch(other ->
                    nodes.get(other).revises().contains(id) || nodes.get(other).dependsOn().contains(id))).toList();
            if (free.size() != 1) {
                return new Outcome(moved, free.size() > 1, free.isEmpty());
            }
            now.remove(free.get(0));
            moved.add(free.get(0));
        }
        return Outcome.of(moved);
    }

    /** {@code <label>@-steps}: each step unapplies the branch's only applied tip and everything applied that needs it. */
    static Outcome downBranch(Map<String, RevisionNode> nodes, Set<String> applied, String label, int steps) {
        Set<String> members = Dags.members(nodes, label);
        Set<String> now = new HashSet<>(applied);
        Set<String> moved = new HashSet<>();
        for (int step = 0; step < steps; step++) {
            List<String> tips = members.stream().filter(now::contains)
                    .filter(id -> now.stream().noneMatch(other -> nodes.get(other).revises().contains(id))).toList();
            if (tips.size() != 1) {
                return new Outcome(moved, tips.size() > 1, tips.isEmpty());
            }
            Set<String> gone = Dags.descendants(nodes, tips);
            gone.retainAll(now);
            now.removeAll(gone);
            moved.addAll(gone);
        }
        return Outcome.of(moved);
    }

    /**
     * The applied set after stamping revisions {@code targets} ({@code line}: only children on that line
     * count, as for {@code <label>@<id>}; null for plain ids): what the targets need becomes applied,
     * what was built on top of them does not, everything else stays.
     */
    static Set<String> stamp(Map<String, RevisionNode> nodes, Set<String> applied, Set<String> targets, Set<String> line) {
        Set<String> above = new HashSet<>();
        for (String target : targets) {
            for (String child : Dags.children(nodes, target)) {
                if (applied.contains(child) && (line == null || line.contains(child))) {
                    above.add(child);
                }
            }
        }
        Set<String> gone = Dags.descendants(nodes, above);
        Set<String> needed = Dags.closure(nodes, targets);
        gone.removeAll(needed);
        Set<String> after = new HashSet<>(applied);
        after.removeAll(gone);
        after.addAll(needed);
        return after;
    }
}
