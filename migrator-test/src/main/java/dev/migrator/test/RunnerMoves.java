package dev.migrator.test;

import dev.migrator.ErrorCode;
import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import dev.migrator.test.RevisionHooks.Moment;
import dev.migrator.test.database.ScratchDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a {@link MigrationRunner}'s database moves between sets of applied revisions with the engine:
 * with the hooks of the revisions it crosses, by exact downgrade targets only (see
 * {@link DowngradePlans}), and from a template's copy where one saves replaying revisions.
 */
final class RunnerMoves {

    private final MigrationRunner runner;
    private final Harness harness;
    private final RevisionOrder order;
    private final RevisionHooks hooks;

    RunnerMoves(MigrationRunner runner, Harness harness, RevisionHooks hooks) {
        this.runner = runner;
        this.harness = harness;
        this.order = harness.order();
        this.hooks = hooks;
    }

    private Migrator engine() {
        return runner.engine();
    }

    /** Upgrades exactly {@code revision}, whose needs are applied; no hooks (the caller runs them). */
    void upgradeExactly(String revision) {
        runner.touch();
        engine().upgrade(revision);
    }

    /**
     * Unapplies exactly {@code revision}, which nothing applied may need; false (nothing run) when the
     * engine has no target for that.
     *
     * @param applied what is applied now (the caller knows it; reading it again costs a session)
     */
    boolean downgradeExactly(String revision, Set<String> applied) {
        Set<String> goal = new HashSet<>(applied);
        goal.remove(revision);
        String target = harness.downgrades().targetFor(applied, goal);
        if (target == null) {
            return false;
        }
        runner.touch();
        engine().downgrade(target);
        return true;
    }

    /**
     * Moves from {@code applied} to exactly {@code goal} (both closed under "needs") without hooks: the
     * stairway's move between steps. False, with nothing run, when no downgrade target removes exactly
     * what must go.
     */
    boolean moveTo(Set<String> applied, Set<String> goal) {
        if (!goal.containsAll(applied)) {
            Set<String> kept = new HashSet<>(applied);
            kept.retainAll(goal);
            String target = harness.downgrades().targetFor(applied, kept);
            if (target == null) {
                return false;
            }
            runner.touch();
            engine().downgrade(target);
        }
        if (!applied.containsAll(goal)) {
            runner.touch();
            engine().upgrade(order.target(goal));
        }
        return true;
    }

    /**
     * Applies what of {@code goal} (closed under "needs") is missing. Hooked revisions are applied one
     * by one with their hooks around them; the stretches between them in one engine run each.
     *
     * @param templates whether an untouched runner may copy a template, and leave one for the next: the
     *                  runners of user tests; not the built-in checks, which reach each state once
     */
    void upgradeTo(Set<String> goal, boolean templates) {
        Set<String> applied = runner.applied();
        List<String> missing = new ArrayList<>(order.inOrder(goal));
        missing.removeAll(applied);
        if (missing.isEmpty()) {
            return;
        }
        if (templates && runner.untouched() && applied.isEmpty() && missing.stream().noneMatch(hooks::hasAny)) {
            upgradeFromTemplate(goal);
            return;
        }
        runner.touch();
        Set<String> reached = new HashSet<>(applied);
        for (String id : missing) {
            if (!hooks.hasAny(id)) {
                continue;
            }
            Set<String> before = new HashSet<>(reached);
            missing.stream().filter(m -> order.position(m) < order.position(id)).forEach(before::add);
            if (!before.equals(reached)) {
                engine().upgrade(order.target(before));
                reached = before;
            }
            hooks.run(Moment.BEFORE_UPGRADE, id, runner);
            engine().upgrade(id);
            reached.add(id);
            hooks.run(Moment.AFTER_UPGRADE, id, runner);
        }
        if (!reached.containsAll(goal)) {
            engine().upgrade(order.target(goal));
        }
    }

    /** Unapplies what is applied beyond {@code goal} (closed under "needs"), one by one where hooks wait. */
    void downgradeTo(Set<String> goal) {
        runner.touch();
        Set<String> remaining = new HashSet<>(runner.applied());
        List<String> removed = new ArrayList<>(order.inOrder(remaining));
        removed.removeAll(goal);
        if (removed.isEmpty()) {
            return;
        }
        if (!hooks.hasAny(Moment.AFTER_DOWNGRADE, removed)) {
            engine().downgrade(downgradeTarget(remaining, goal));
            return;
        }
        Collections.reverse(removed);
        for (String id : removed) {
            Set<String> next = new HashSet<>(remaining);
            next.remove(id);
            engine().downgrade(downgradeTarget(remaining, next));
            remaining = next;
            hooks.run(Moment.AFTER_DOWNGRADE, id, runner);
        }
    }

    private String downgradeTarget(Set<String> applied, Set<String> goal) {
        String target = harness.downgrades().targetFor(applied, goal);
        if (target == null) {
            throw new MigratorException(ErrorCode.TARGET_INVALID, "Cannot downgrade this runner's database: "
                    + DowngradePlans.inexpressible(applied, goal) + ". Use migrateDownTo(...) to a revision below the"
                    + " branch point, or give the branches labels.");
        }
        return target;
    }

    /** From nothing to {@code goal} with no hook on the way: a copy of a database that got there before, if any. */
    private void upgradeFromTemplate(Set<String> goal) {
        runner.touch();
        ScratchDatabase copy = harness.templates().copyOf(goal);
        if (copy != null) {
            ScratchDatabase empty = runner.database();
            runner.useDatabase(copy);
            empty.close();
            return;
        }
        engine().upgrade(order.target(goal));
        harness.templates().remember(goal, runner.database());
    }
}
