package dev.migrator.revision;

import dev.migrator.Direction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans upgrades, downgrades and stamps. The version table holds the heads of the applied set
 * (Alembic's model); every plan works on the applied set as a {@link BitSet} and keeps the rows
 * up to date step by step, so a plan costs time linear in what it touches.
 *
 * <p>Rows the graph does not know (written by a newer release) are never removed.
 */
final class Planner {

    private final Topology topology;
    private final Branches branches;
    private final TargetResolver resolver;

    Planner(Topology topology, Branches branches, TargetResolver resolver) {
        this.topology = topology;
        this.branches = branches;
        this.resolver = resolver;
    }

    Plan upgrade(Set<String> rows, String text) {
        Target target = TargetParser.parse(text);
        if (target instanceof Target.Relative relative) {
            if (relative.steps() < 0) {
                throw new RevisionGraphException("Target '" + text + "' goes down; an upgrade target must go up. Use downgrade " + text + ".");
            }
            BitSet goal = relative.label() == null
                    ? topology.all()
                    : topology.closure(topology.headsOf(branches.members(relative.label(), text)));
            return prefix(upgradeTo(rows, topology.closure(goal)), relative.steps(), text, "pending");
        }
        if (target instanceof Target.Base || target instanceof Target.BranchBase) {
            if (target instanceof Target.BranchBase branchBase) {
                branches.members(branchBase.label(), text); // an unknown label is still an error
            }
            return new Plan(rows, List.of(), rows);
        }
        return upgradeTo(rows, topology.closure(resolver.revisions(target)));
    }

    Plan downgrade(Set<String> rows, String text) {
        Target target = TargetParser.parse(text);
        BitSet applied = applied(rows);
        if (target instanceof Target.Relative relative) {
            if (relative.steps() > 0) {
                throw new RevisionGraphException("Target '" + text + "' goes up; a downgrade target must go down. Use upgrade " + text + ".");
            }
            BitSet keep = relative.label() == null ? new BitSet() : withoutBranch(applied, relative.label(), text);
            return prefix(downgradeTo(rows, keep), -relative.steps(), text, "applied");
        }
        return downgradeTo(rows, keepSet(rows, applied, target));
    }

    /** What a downgrade to {@code target} keeps applied (before removing dependents of what it drops). */
    private BitSet keepSet(Set<String> rows, BitSet applied, Target target) {
        if (target instanceof Target.Base) {
            return new BitSet();
        }
        if (target instanceof Target.BranchBase branchBase) {
            return withoutBranch(applied, branchBase.label(), target.text());
        }
        BitSet revisions = resolver.revisions(target);
        BitSet notApplied = (BitSet) revisions.clone();
        notApplied.andNot(applied);
        if (!notApplied.isEmpty()) {
            throw new RevisionGraphException("Cannot downgrade to '" + target.text() + "': "
                    + String.join(", ", topology.sortedIds(notApplied)) + (notApplied.cardinality() == 1 ? " is" : " are")
                    + " not applied (the version table holds " + describeRows(rows)
                    + "). A downgrade only goes back to applied revisions; use upgrade to go forward.");
        }
        // Alembic's rule: unapply what was built on top of the target (its children and everything that
        // needs them); other branches stay as they are. A branch-qualified revision (<label>@<id>)
        // only checks that the revision is on the branch.
        BitSet children = new BitSet();
        for (int i = revisions.nextSetBit(0); i >= 0; i = revisions.nextSetBit(i + 1)) {
            for (int child : topology.children(i)) {
                children.set(child);
            }
        }
        BitSet keep = (BitSet) applied.clone();
        keep.andNot(topology.descendants(children, applied));
        return keep;
    }

    private BitSet withoutBranch(BitSet applied, String label, String text) {
        BitSet keep = (BitSet) applied.clone();
        keep.andNot(branches.members(label, text));
        return keep;
    }

    Plan stamp(Set<String> rows, String text) {
        Target target = TargetParser.parse(text);
        BitSet goal;
        if (target instanceof Target.Relative relative) {
            Plan moved = relative.steps() > 0 ? upgrade(rows, text) : downgrade(rows, text);
            goal = applied(moved.after());
        } else if (target instanceof Target.Base) {
            goal = new BitSet();
        } else if (target instanceof Target.BranchBase branchBase) {
            BitSet applied = applied(rows);
            BitSet keep = withoutBranch(applied, branchBase.label(), text);
            goal = remaining(applied, keep);
        } else {
            goal = topology.closure(resolver.revisions(target));
        }
        Set<String> after = new TreeSet<>(topology.sortedIds(topology.headsOf(goal)));
        after.addAll(unknown(rows));
        return stampPlan(rows, after);
    }

    /** One STAMP step per row added (the first also removes what goes); one step when rows only go. */
    private Plan stampPlan(Set<String> rows, Set<String> after) {
        Set<String> removed = new TreeSet<>(rows);
        removed.removeAll(after);
        Set<String> added = new TreeSet<>(after);
        added.removeAll(rows);
        List<Step> steps = new ArrayList<>();
        if (added.isEmpty() && !removed.isEmpty()) {
            String revision = "base";
            for (String row : new TreeSet<>(after)) {
                if (topology.indexOf(row) >= 0) {
                    revision = row;
                    break;
                }
            }
            steps.add(new Step(revision, Direction.STAMP, removed, Set.of()));
        }
        boolean first = true;
        for (String id : added) {
            steps.add(new Step(id, Direction.STAMP, first ? removed : Set.of(), Set.of(id)));
            first = false;
        }
        return new Plan(rows, steps, after);
    }

    /** Applies, parents and dependencies first, every revision of {@code goal} not applied yet. */
    private Plan upgradeTo(Set<String> rows, BitSet goal) {
        BitSet todo = (BitSet) goal.clone();
        todo.andNot(applied(rows));
        Set<String> current = new LinkedHashSet<>(rows);
        List<Step> steps = new ArrayList<>(todo.cardinality());
        for (int i = todo.nextSetBit(0); i >= 0; i = todo.nextSetBit(i + 1)) {
            // The parents were heads of the applied set; this revision now covers them.
            Set<String> removed = new LinkedHashSet<>();
            for (int parent : topology.parents(i)) {
                if (current.remove(topology.id(parent))) {
                    removed.add(topology.id(parent));
                }
            }
            current.add(topology.id(i));
            steps.add(new Step(topology.id(i), Direction.UPGRADE, removed, Set.of(topology.id(i))));
        }
        return new Plan(rows, steps, current);
    }

    /** Unapplies, children and dependents first, every applied revision outside {@code keep} and everything needing one. */
    private Plan downgradeTo(Set<String> rows, BitSet keep) {
        BitSet applied = applied(rows);
        BitSet remaining = remaining(applied, keep);
        BitSet drop = (BitSet) applied.clone();
        drop.andNot(remaining);
        Set<String> current = new LinkedHashSet<>(rows);
        List<Step> steps = new ArrayList<>(drop.cardinality());
        BitSet left = applied;
        for (int i = drop.previousSetBit(drop.length()); i >= 0; i = drop.previousSetBit(i - 1)) {
            left.clear(i);
            String id = topology.id(i);
            Set<String> removed = current.remove(id) ? Set.of(id) : Set.of();
            // A parent (or dependency) left without an applied child becomes a head: it needs its row back.
            Set<String> added = new LinkedHashSet<>();
            for (int required : topology.requirements(i)) {
                String requiredId = topology.id(required);
                if (left.get(required) && !topology.hasChildIn(required, left) && current.add(requiredId)) {
                    added.add(requiredId);
                }
            }
            steps.add(new Step(id, Direction.DOWNGRADE, removed, added));
        }
        return new Plan(rows, steps, current);
    }

    /** The largest part of {@code keep} that can stay applied: nothing whose parent or dependency goes. */
    private BitSet remaining(BitSet applied, BitSet keep) {
        BitSet drop = (BitSet) applied.clone();
        drop.andNot(keep);
        BitSet dropped = topology.descendants(drop, applied);
        BitSet remaining = (BitSet) applied.clone();
        remaining.andNot(dropped);
        return remaining;
    }

    /** The first {@code count} steps of {@code plan}; an error saying how many there are if fewer. */
    private static Plan prefix(Plan plan, int count, String text, String what) {
        if (plan.steps().size() < count) {
            throw new RevisionGraphException("Target '" + text + "' needs " + count + " step(s), but only "
                    + plan.steps().size() + " revision(s) are " + what + " in that direction.");
        }
        List<Step> steps = plan.steps().subList(0, count);
        Set<String> rows = new LinkedHashSet<>(plan.before());
        for (Step step : steps) {
            rows.removeAll(step.removedRows());
            rows.addAll(step.addedRows());
        }
        return new Plan(plan.before(), steps, rows);
    }

    BitSet applied(Set<String> rows) {
        return topology.closure(topology.setOf(rows));
    }

    Set<String> unknown(Set<String> rows) {
        Set<String> unknown = new TreeSet<>();
        for (String row : rows) {
            if (topology.indexOf(row) < 0) {
                unknown.add(row);
            }
        }
        return unknown;
    }

    private static String describeRows(Set<String> rows) {
        return rows.isEmpty() ? "no rows: nothing is applied" : String.join(", ", new TreeSet<>(rows));
    }
}
