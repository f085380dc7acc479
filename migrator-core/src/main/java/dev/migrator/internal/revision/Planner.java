package dev.migrator.internal.revision;

import dev.migrator.Direction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans upgrades, downgrades and stamps. The version table holds one row per applied revision with
 * no applied child (a revision only depended on keeps its own row); every plan works on the applied
 * set as a {@link BitSet}, decides which revisions move, orders them with {@link RunOrder} and keeps
 * the rows up to date step by step, so a plan costs time linear in what it touches.
 *
 * <p>What moves, for a target X (ids, {@code heads}, {@code <label>@head}, ...):
 * <ul>
 *   <li>upgrade: X and what it needs, minus what is applied;</li>
 *   <li>downgrade: what was built on top of X (its applied children and everything that needs them);
 *       for {@code <label>@X} only the children of X on the label's line, so the label selects which
 *       side of a fork goes down;</li>
 *   <li>stamp: both at once, without running anything: what X needs becomes applied and what was
 *       built on top of X does not. Rows of unrelated branches stay.</li>
 * </ul>
 *
 * <p>Rows the graph does not know (written by a newer release) are never removed.
 */
final class Planner {

    private final Topology topology;
    private final Branches branches;
    private final TargetResolver resolver;
    private final RunOrder order;
    private final RelativeSteps relative;

    Planner(Topology topology, Branches branches, TargetResolver resolver) {
        this.topology = topology;
        this.branches = branches;
        this.resolver = resolver;
        this.order = new RunOrder(topology);
        this.relative = new RelativeSteps(topology, branches);
    }

    /**
     * Applies what {@code text} needs. Revisions in {@code held}, and everything that needs one of
     * them, are left out of the steps and listed in {@link Plan#heldBack()}; the rest runs.
     */
    Plan upgrade(Set<String> rows, String text, Collection<String> held) {
        Target target = TargetParser.parse(text);
        BitSet applied = applied(rows);
        BitSet todo = toApply(rows, applied, target);
        List<String> heldBack = List.of();
        if (!held.isEmpty() && !todo.isEmpty()) {
            BitSet hold = topology.setOf(held);
            hold.and(todo);
            if (!hold.isEmpty()) {
                BitSet waiting = topology.descendants(hold, todo);
                heldBack = ids(order.upgrade(waiting));
                todo.andNot(waiting);
            }
        }
        return upgradeSteps(rows, order.upgrade(todo), heldBack);
    }

    private BitSet toApply(Set<String> rows, BitSet applied, Target target) {
        if (target instanceof Target.Relative step) {
            if (step.steps() < 0) {
                throw new RevisionGraphException("Target '" + target.text() + "' goes down; an upgrade target must go up. Use downgrade "
                        + target.text() + ".");
            }
            BitSet goal = step.label() == null
                    ? topology.all()
                    : topology.closure(topology.headsOf(branches.members(step.label(), target.text())));
            return relative.up(rows, applied, goal, step);
        }
        if (target instanceof Target.Base) {
            return new BitSet();
        }
        if (target instanceof Target.BranchBase branchBase) {
            branches.members(branchBase.label(), target.text()); // an unknown label is still an error
            return new BitSet();
        }
        BitSet todo = topology.closure(resolver.revisions(target));
        todo.andNot(applied);
        return todo;
    }

    Plan downgrade(Set<String> rows, String text) {
        Target target = TargetParser.parse(text);
        BitSet applied = applied(rows);
        BitSet drop;
        if (target instanceof Target.Relative step) {
            if (step.steps() > 0) {
                throw new RevisionGraphException("Target '" + text + "' goes up; a downgrade target must go down. Use upgrade " + text + ".");
            }
            drop = relative.down(applied, step);
        } else {
            drop = toUnapply(rows, applied, target, true);
        }
        return downgradeSteps(rows, applied, order.downgrade(drop));
    }

    /**
     * What a downgrade to an absolute target unapplies. With {@code mustBeApplied} (a downgrade) a
     * target revision that is not applied is an error; a stamp moves there anyway.
     */
    private BitSet toUnapply(Set<String> rows, BitSet applied, Target target, boolean mustBeApplied) {
        if (target instanceof Target.Base) {
            return (BitSet) applied.clone();
        }
        if (target instanceof Target.BranchBase branchBase) {
            BitSet onBranch = branches.members(branchBase.label(), target.text());
            onBranch.and(applied);
            return topology.descendants(onBranch, applied);
        }
        BitSet revisions = resolver.revisions(target);
        if (mustBeApplied) {
            BitSet notApplied = (BitSet) revisions.clone();
            notApplied.andNot(applied);
            if (!notApplied.isEmpty()) {
                throw new RevisionGraphException("Cannot downgrade to '" + target.text() + "': "
                        + String.join(", ", topology.sortedIds(notApplied)) + (notApplied.cardinality() == 1 ? " is" : " are")
                        + " not applied (the version table holds " + describeRows(rows)
                        + "). A downgrade only goes back to applied revisions; use upgrade to go forward.");
            }
        }
        // Alembic's rule: unapply what was built on top of the target, its children and everything that
        // needs them; other branches stay. <label>@<id> takes only the children on the label's line.
        BitSet line = target instanceof Target.BranchRevision branchRevision
                ? branches.line(branchRevision.label(), target.text()) : null;
        BitSet above = new BitSet();
        for (int i = revisions.nextSetBit(0); i >= 0; i = revisions.nextSetBit(i + 1)) {
            for (int child : topology.children(i)) {
                if (applied.get(child) && (line == null || line.get(child))) {
                    above.set(child);
                }
            }
        }
        BitSet drop = topology.descendants(above, applied);
        // a revision named in the target stays even if another one named there is below it
        drop.andNot(topology.closure(revisions));
        return drop;
    }

    /**
     * Sets the rows as if the target had been reached, running nothing. Only the target's own lines
     * move: what the target needs becomes applied, what was built on top of it does not, and every
     * other row stays, so applied work on unrelated branches is never marked unapplied.
     */
    Plan stamp(Set<String> rows, String text) {
        Target target = TargetParser.parse(text);
        BitSet applied = applied(rows);
        BitSet goal = (BitSet) applied.clone();
        if (target instanceof Target.Relative step) {
            if (step.steps() > 0) {
                BitSet goalOfStep = step.label() == null
                        ? topology.all()
                        : topology.closure(topology.headsOf(branches.members(step.label(), text)));
                goal.or(relative.up(rows, applied, goalOfStep, step));
            } else {
                goal.andNot(relative.down(applied, step));
            }
        } else if (target instanceof Target.Base || target instanceof Target.BranchBase) {
            goal.andNot(toUnapply(rows, applied, target, false));
        } else {
            goal.andNot(toUnapply(rows, applied, target, false));
            goal.or(topology.closure(resolver.revisions(target)));
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

    /** Applies the revisions of {@code order}, which is topological, updating the rows step by step. */
    private Plan upgradeSteps(Set<String> rows, int[] order, List<String> heldBack) {
        Set<String> current = new LinkedHashSet<>(rows);
        List<Step> steps = new ArrayList<>(order.length);
        for (int i : order) {
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
        return new Plan(rows, steps, current, heldBack);
    }

    /** Unapplies the revisions of {@code order} (children and dependents first), updating the rows step by step. */
    private Plan downgradeSteps(Set<String> rows, BitSet applied, int[] order) {
        Set<String> current = new LinkedHashSet<>(rows);
        List<Step> steps = new ArrayList<>(order.length);
        BitSet left = (BitSet) applied.clone();
        for (int i : order) {
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

    private List<String> ids(int[] revisions) {
        List<String> ids = new ArrayList<>(revisions.length);
        for (int i : revisions) {
            ids.add(topology.id(i));
        }
        return ids;
    }

    private static String describeRows(Set<String> rows) {
        return rows.isEmpty() ? "no rows: nothing is applied" : String.join(", ", new TreeSet<>(rows));
    }
}
