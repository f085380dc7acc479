package dev.migrator.test;

import dev.migrator.result.RevisionInfo;
import dev.migrator.schema.SchemaDiff;
import dev.migrator.test.RevisionHooks.Moment;
import dev.migrator.test.database.ScratchDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import org.opentest4j.TestAbortedException;

/**
 * Walks the revisions in upgrade order on one database. Each step starts from exactly what the
 * revision needs (so the downgrade under test unapplies it alone, even between branches), then:
 * upgrade, downgrade (which must restore the schema it started from: nothing left, nothing dropped
 * that was there), upgrade again (which must give the first upgrade's schema). Between steps the
 * database moves without hooks; hook data stays in it, as in production. A step that fails leaves a
 * database the next one cannot trust: the walk rebuilds it from base (with the hooks) and goes on, and
 * steps that need a revision whose upgrade failed are not run.
 */
final class Stairway {

    private final SuiteRun run;
    /** How many copies of the state before a revision the idempotency check needs (0 when it does not run). */
    private final ToIntFunction<RevisionInfo> copiesBefore;
    private final Set<String> failedUpgrades = new HashSet<>();
    private MigrationRunner database;
    /** What is applied to {@code database}; tracked, not read, since every move is the walk's own. */
    private Set<String> applied;
    /** The schema of {@code database} when it is known (after a step that passed), else null. */
    private RecordedSchema schema;

    Stairway(SuiteRun run, ToIntFunction<RevisionInfo> copiesBefore) {
        this.run = run;
        this.copiesBefore = copiesBefore;
    }

    void step(RevisionInfo revision) {
        String id = revision.revision();
        Set<String> below = run.harness.order().below(id);
        Set<String> blocked = new TreeSet<>(below);
        blocked.retainAll(failedUpgrades);
        if (!blocked.isEmpty()) {
            failedUpgrades.add(id);
            throw new TestAbortedException("Not run: " + id + " needs " + blocked + ", whose upgrade failed");
        }
        boolean passed = false;
        try {
            RecordedSchema before = reach(below);
            walk(revision, before);
            passed = true;
        } catch (TestAbortedException e) {
            passed = true; // the step stopped early, the database is in the state it reached
            throw e;
        } finally {
            if (!passed) {
                schema = null;
                database = null;
                applied = null;
            }
        }
    }

    /** The database at exactly {@code state}: moved there, or rebuilt from base with the hooks when it cannot be. */
    private RecordedSchema reach(Set<String> state) {
        if (database != null && state.equals(applied) && schema != null) {
            return schema;
        }
        if (database == null || !database.moves().moveTo(applied, state)) {
            database = run.newRunner();
            database.moves().upgradeTo(state, false);
        }
        applied = new HashSet<>(state);
        // after a move the engine's last run recorded the schema; on a database nothing ran on, it is read
        schema = state.isEmpty() ? RecordedSchema.read(database.schema()) : database.recordedSchema();
        return schema;
    }

    private void walk(RevisionInfo revision, RecordedSchema before) {
        String id = revision.revision();
        String which = id + " (" + revision.source() + ")";
        run.hooks.run(Moment.BEFORE_UPGRADE, id, database);
        List<ScratchDatabase> copies = new ArrayList<>();
        for (int k = copiesBefore.applyAsInt(revision); k > 0; k--) {
            copies.add(database.database().copy(Harness.DATABASE_PREFIX));
        }
        try {
            database.moves().upgradeExactly(id);
        } catch (RuntimeException e) {
            failedUpgrades.add(id);
            copies.forEach(ScratchDatabase::close);
            throw SuiteRun.failure("Upgrade of " + which + " failed: " + e.getMessage(), e);
        }
        applied.add(id);
        RecordedSchema upgraded = database.recordedSchema();
        if (!copies.isEmpty()) {
            run.stateBefore(id, new SuiteRun.StateBefore(copies, database.describe(upgraded)));
        }
        run.hooks.run(Moment.AFTER_UPGRADE, id, database);
        schema = upgraded;
        if (revision.irreversible() != null) {
            return;
        }
        boolean downgraded;
        try {
            downgraded = database.moves().downgradeExactly(id, applied);
        } catch (RuntimeException e) {
            throw SuiteRun.failure("Downgrade of " + which + " failed: " + e.getMessage(), e);
        }
        if (!downgraded) {
            throw new TestAbortedException("Upgrade of " + which + " passed; its downgrade is not tested: "
                    + DowngradePlans.inexpressible(run.harness.order().needs(id), run.harness.order().below(id)));
        }
        applied.remove(id);
        SchemaDiff leftovers = before.diff(database.recordedSchema(), database::describe);
        if (!leftovers.isEmpty()) {
            throw SuiteRun.failure("Downgrade of " + which + " did not restore the schema it was upgraded from: "
                    + SchemaWords.leftovers(leftovers));
        }
        run.hooks.run(Moment.AFTER_DOWNGRADE, id, database);
        try {
            database.moves().upgradeExactly(id);
        } catch (RuntimeException e) {
            throw SuiteRun.failure("Upgrade of " + which + " again after its downgrade failed: " + e.getMessage(), e);
        }
        applied.add(id);
        RecordedSchema again = database.recordedSchema();
        SchemaDiff drift = upgraded.diff(again, database::describe);
        if (!drift.isEmpty()) {
            throw SuiteRun.failure("Upgrade of " + which + " again after its downgrade gives another schema than its"
                    + " first upgrade; from the first to the second: " + drift.describe());
        }
        schema = again;
    }
}
