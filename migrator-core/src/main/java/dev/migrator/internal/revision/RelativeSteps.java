package dev.migrator.internal.revision;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code +N}, {@code -N}, {@code <label>@+N} and {@code <label>@-N}: N revisions, one at a time, from
 * the current rows. Each step must be the only one possible: when several current heads could move,
 * or the walk reaches a fork, the target is ambiguous and the error names what to write instead,
 * rather than picking a branch by id.
 *
 * <ul>
 *   <li>{@code +N}: each step applies the one revision whose requirements are all applied (within
 *       the branch's closure for {@code <label>@+N}).</li>
 *   <li>{@code -N}: each step unapplies the one applied revision nothing applied needs.</li>
 *   <li>{@code <label>@-N}: each step unapplies the branch's applied tip and whatever needs it;
 *       only the branch's own revisions count as steps.</li>
 * </ul>
 */
final class RelativeSteps {

    private final Topology topology;
    private final Branches branches;

    RelativeSteps(Topology topology, Branches branches) {
        this.topology = topology;
        this.branches = branches;
    }

    /** The revisions {@code +N} (or {@code <label>@+N}) applies, given the applied set and the closure it may reach. */
    BitSet up(Set<String> rows, BitSet applied, BitSet goal, Target.Relative target) {
        BitSet todo = (BitSet) goal.clone();
        todo.andNot(applied);
        int[] missing = new int[topology.size()];
        BitSet ready = new BitSet();
        int readyCount = 0;
        for (int i = todo.nextSetBit(0); i >= 0; i = todo.nextSetBit(i + 1)) {
            for (int required : topology.requirements(i)) {
                if (!applied.get(required)) {
                    missing[i]++;
                }
            }
            if (missing[i] == 0) {
                ready.set(i);
                readyCount++;
            }
        }
        BitSet taken = new BitSet();
        for (int step = 0; step < target.steps(); step++) {
            if (readyCount != 1) {
                throw readyCount == 0 ? tooFew(target, step, "pending")
                        : ambiguousUp(rows, applied, taken, ready, target, step);
            }
            int i = ready.nextSetBit(0);
            ready.clear(i);
            readyCount--;
            taken.set(i);
            for (int next : topology.requiredBy(i)) {
                if (todo.get(next) && --missing[next] == 0) {
                    ready.set(next);
                    readyCount++;
                }
            }
        }
        return taken;
    }

    /** The revisions {@code -N} or {@code <label>@-N} unapplies. */
    BitSet down(BitSet appliedBefore, Target.Relative target) {
        BitSet applied = (BitSet) appliedBefore.clone();
        return target.label() == null ? downAnywhere(applied, target) : downBranch(applied, target);
    }

    private BitSet downAnywhere(BitSet applied, Target.Relative target) {
        BitSet candidates = new BitSet();
        for (int i = applied.nextSetBit(0); i >= 0; i = applied.nextSetBit(i + 1)) {
            if (!neededIn(i, applied)) {
                candidates.set(i);
            }
        }
        BitSet removed = new BitSet();
        for (int step = 0; step < -target.steps(); step++) {
            int count = candidates.cardinality();
            if (count != 1) {
                throw count == 0 ? tooFew(target, step, "applied") : ambiguousDown(candidates, target, step);
            }
            int i = candidates.nextSetBit(0);
            candidates.clear(i);
            applied.clear(i);
            removed.set(i);
            for (int required : topology.requirements(i)) {
                if (applied.get(required) && !neededIn(required, applied)) {
                    candidates.set(required);
                }
            }
        }
        return removed;
    }

    private BitSet downBranch(BitSet applied, Target.Relative target) {
        String label = target.label();
        BitSet onBranch = branches.members(label, target.text());
        onBranch.and(applied);
        // Children of a branch's revisions are on the branch too, so its tips are those with no applied child.
        BitSet tips = new BitSet();
        for (int i = onBranch.nextSetBit(0); i >= 0; i = onBranch.nextSetBit(i + 1)) {
            if (!topology.hasChildIn(i, applied)) {
                tips.set(i);
            }
        }
        BitSet removed = new BitSet();
        for (int step = 0; step < -target.steps(); step++) {
            int count = tips.cardinality();
            if (count == 0) {
                throw new RevisionGraphException("Target '" + target.text() + "' needs " + -target.steps()
                        + " step(s), but only " + step + " revision(s) of branch '" + label + "' are applied.");
            }
            if (count > 1) {
                throw new RevisionGraphException("Target '" + target.text() + "' is ambiguous: "
                        + (step == 0 ? "" : "after " + step + " step(s), ") + "branch '" + label + "' has " + count
                        + " applied tips (" + String.join(", ", topology.sortedIds(tips)) + "), as it forks. "
                        + "Downgrade to a revision instead, e.g. " + topology.id(tips.nextSetBit(0)) + "-1.");
            }
            // The tip goes, and with it whatever needs it (its dependents on other branches too).
            BitSet tip = new BitSet();
            tip.set(tips.nextSetBit(0));
            BitSet gone = topology.descendants(tip, applied);
            applied.andNot(gone);
            onBranch.andNot(gone);
            tips.andNot(gone);
            removed.or(gone);
            for (int g = gone.nextSetBit(0); g >= 0; g = gone.nextSetBit(g + 1)) {
                for (int parent : topology.parents(g)) {
                    if (onBranch.get(parent) && !topology.hasChildIn(parent, applied)) {
                        tips.set(parent);
                    }
                }
            }
        }
        return removed;
    }

    /** Whether an applied revision is a parent or dependency of revision i. */
    private boolean neededIn(int i, BitSet applied) {
        for (int next : topology.requiredBy(i)) {
            if (applied.get(next)) {
                return true;
            }
        }
        return false;
    }

    private static RevisionGraphException tooFew(Target.Relative target, int possible, String what) {
        return new RevisionGraphException("Target '" + target.text() + "' needs " + Math.abs(target.steps())
                + " step(s), but only " + possible + " revision(s) are " + what + " in that direction"
                + (target.label() == null ? "" : " on branch '" + target.label() + "'") + ".");
    }

    private RevisionGraphException ambiguousUp(Set<String> rows, BitSet applied, BitSet taken, BitSet ready,
            Target.Relative target, int step) {
        // Which applied revisions the candidates grow from: several of them means several current heads move.
        BitSet from = new BitSet();
        List<String> described = new ArrayList<>();
        for (int c = ready.nextSetBit(0); c >= 0; c = ready.nextSetBit(c + 1)) {
            List<String> after = new ArrayList<>();
            for (int parent : topology.parents(c)) {
                if (applied.get(parent) || taken.get(parent)) {
                    from.set(parent);
                    after.add(topology.id(parent));
                }
            }
            described.add(describe(c, after.isEmpty() ? "a base" : "after " + String.join(", ", after)));
        }
        String n = "+" + target.steps();
        String why;
        List<String> walks = new ArrayList<>();
        if (step == 0 && from.cardinality() > 1) {
            Set<String> heads = new TreeSet<>();
            for (String row : rows) {
                if (topology.indexOf(row) >= 0) {
                    heads.add(row);
                }
            }
            why = "there are " + heads.size() + " current heads (" + String.join(", ", heads)
                    + ") and more than one can move up";
            for (String head : topology.sortedIds(from)) {
                walks.add(head + n);
            }
        } else {
            why = step == 0 ? "more than one revision could be applied first"
                    : "after " + step + " step(s) the walk forks";
        }
        return new RevisionGraphException("Target '" + target.text() + "' is ambiguous: " + why + ": "
                + String.join(", ", described) + ". " + instead(ready, n, walks, "upgrade to"));
    }

    private RevisionGraphException ambiguousDown(BitSet candidates, Target.Relative target, int step) {
        List<String> described = new ArrayList<>();
        for (int c = candidates.nextSetBit(0); c >= 0; c = candidates.nextSetBit(c + 1)) {
            described.add(describe(c, null));
        }
        return new RevisionGraphException("Target '" + target.text() + "' is ambiguous: "
                + (step == 0 ? "" : "after " + step + " step(s), ") + candidates.cardinality()
                + " applied revisions could be unapplied next (" + String.join(", ", described) + "). "
                + instead(candidates, "-" + -target.steps(), List.of(), "downgrade to"));
    }

    /** What to write instead: a branch-relative target per branch that holds exactly one candidate, a walk, or an id. */
    private String instead(BitSet candidates, String n, List<String> walks, String verb) {
        List<String> labelled = new ArrayList<>();
        for (String label : branches.labels()) {
            BitSet members = branches.members(label, label);
            members.and(candidates);
            if (members.cardinality() == 1) {
                labelled.add(label + "@" + n);
            }
        }
        List<String> forms = new ArrayList<>(labelled);
        forms.addAll(walks);
        String what = labelled.isEmpty() ? "the revision to walk from" : walks.isEmpty() ? "the branch" : "the branch or the revision to walk from";
        return forms.isEmpty() ? "Name the revision to " + verb + " instead."
                : "Name " + what + " (" + String.join(", ", forms) + "), or the revision to " + verb + ".";
    }

    private String describe(int i, String where) {
        Set<String> labels = branches.labelsOf(i);
        String detail = where == null ? "" : where;
        if (!labels.isEmpty()) {
            detail = (detail.isEmpty() ? "" : detail + ", ") + "branch " + String.join(", ", labels);
        }
        return detail.isEmpty() ? topology.id(i) : topology.id(i) + " (" + detail + ")";
    }
}
