package dev.migrator.test;

import dev.migrator.result.RevisionInfo;
import dev.migrator.schema.SchemaDiff;
import dev.migrator.schema.SchemaSnapshot;
import dev.migrator.internal.source.SqlStatement;
import dev.migrator.test.RevisionHooks.Moment;
import dev.migrator.test.database.ScratchDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A non-transactional revision commits statement by statement, so a failure (a killed process, a lost
 * connection, a lock timeout) can leave any number of them applied with no version row written; the
 * next run starts the revision again from its first statement. The simulated failure: for each k from
 * 1 to n, the first k of its n upgrade statements ran and the run died before writing the version row.
 * From each such state the revision is run again by the engine; it must succeed and give the schema a
 * clean upgrade gives (and its {@link AfterUpgrade} hooks must pass). k = n is the common case
 * ("apply its statements, then run it again"); smaller k catch statements that only work in order.
 *
 * <p>Each state starts from a copy ({@code CREATE DATABASE ... TEMPLATE}) of the database just before
 * the revision: the one the stairway passed (copied there, n copies for n statements), or else one built
 * for this check.
 */
final class IdempotencyCheck {

    private final SuiteRun run;

    IdempotencyCheck(SuiteRun run) {
        this.run = run;
    }

    /** The revision's upgrade statements, as the offline script renders them. */
    List<SqlStatement> statements(RevisionInfo revision) {
        RevisionOrder order = run.harness.order();
        Set<String> below = new HashSet<>(order.needs(revision.revision()));
        below.remove(revision.revision());
        String script = run.harness.graph().upgradeSql(order.target(below), revision.revision());
        return OfflineScripts.nonTransactionalBody(revision.revision(), script);
    }

    void check(RevisionInfo revision) {
        String id = revision.revision();
        List<SqlStatement> statements = statements(revision);
        SuiteRun.StateBefore before = run.stateBefore(id);
        if (before == null) {
            before = buildStateBefore(revision, statements.size());
        }
        MigrationRunner database = null;
        for (int k = 1; k <= statements.size(); k++) {
            ScratchDatabase copy = before.copies().get(k - 1);
            try {
                if (database == null) {
                    database = run.harness.runnerOn(copy, run.hooks);
                } else {
                    database.useDatabase(copy); // the engine stays loaded: only the database changes
                }
                rerunAfterFailure(revision, statements, k, database, before.cleanUpgrade());
            } finally {
                copy.close();
            }
        }
    }

    private void rerunAfterFailure(RevisionInfo revision, List<SqlStatement> statements, int k, MigrationRunner database,
            SchemaSnapshot cleanUpgrade) {
        String id = revision.revision();
        String failure = "after a simulated failure (statements 1-" + k + " of " + statements.size()
                + " had run, the version row was not written; statement " + k + ": "
                + OfflineScripts.abbreviate(statements.get(k - 1).sql()) + ")";
        try {
            OfflineScripts.run(database.dataSource(), "", statements.subList(0, k));
        } catch (OfflineScripts.ScriptFailure e) {
            throw SuiteRun.failure("Could not simulate a failure of " + id + " (" + revision.source() + "): its first "
                    + k + " statements do not run on the database it upgrades: " + e.getMessage(), e);
        }
        try {
            database.moves().upgradeExactly(id);
        } catch (RuntimeException e) {
            throw SuiteRun.failure("Non-transactional revision " + id + " (" + revision.source() + ") is not idempotent:"
                    + " its upgrade, run again " + failure + ", failed: " + e.getMessage(), e);
        }
        SchemaDiff diff = cleanUpgrade.diff(database.schema());
        if (!diff.isEmpty()) {
            throw SuiteRun.failure("Non-transactional revision " + id + " (" + revision.source() + ") is not idempotent:"
                    + " its upgrade, run again " + failure + ", gives another schema than a clean upgrade; from the"
                    + " clean one to the rerun's: " + diff.describe());
        }
        run.hooks.run(Moment.AFTER_UPGRADE, id, database);
    }

    /** The stairway did not pass this revision: bring a database to just before it, run its seed hooks, copy it. */
    private SuiteRun.StateBefore buildStateBefore(RevisionInfo revision, int failures) {
        MigrationRunner builder = run.newRunner();
        builder.moves().upgradeTo(run.harness.order().below(revision.revision()), false);
        run.hooks.run(Moment.BEFORE_UPGRADE, revision.revision(), builder);
        List<ScratchDatabase> copies = new ArrayList<>();
        for (int k = 0; k < failures; k++) {
            copies.add(builder.database().copy(Harness.DATABASE_PREFIX));
        }
        builder.moves().upgradeExactly(revision.revision());
        SuiteRun.StateBefore state = new SuiteRun.StateBefore(copies, builder.schema());
        run.stateBefore(revision.revision(), state);
        return state;
    }
}
