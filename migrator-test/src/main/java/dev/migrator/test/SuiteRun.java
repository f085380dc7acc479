package dev.migrator.test;

import dev.migrator.schema.SchemaSnapshot;
import dev.migrator.test.database.ScratchDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.slf4j.LoggerFactory;

/**
 * What one run of the built-in tests shares between its dynamic tests: the database upgraded to heads
 * (verify, offline and model checks compare with it), and the states the stairway passed before each
 * non-transactional revision (the idempotency checks start from copies of them). Closing drops them all.
 */
final class SuiteRun implements AutoCloseable {

    /**
     * Databases just before a revision's upgrade (its hook data in), one for each failure to simulate,
     * and the schema a clean upgrade gives.
     */
    record StateBefore(List<ScratchDatabase> copies, SchemaSnapshot cleanUpgrade) {}

    final Harness harness;
    final RevisionHooks hooks;
    private MigrationRunner upgraded;
    private SchemaSnapshot headsSchema;
    private String upgradeProblem = "the upgrade check did not run";
    private final Map<String, StateBefore> statesBefore = new HashMap<>();
    private final List<AutoCloseable> owned = new ArrayList<>();

    SuiteRun(Harness harness, RevisionHooks hooks) {
        this.harness = harness;
        this.hooks = hooks;
    }

    MigrationRunner newRunner() {
        MigrationRunner runner = harness.newRunner(hooks);
        owned.add(runner::dropDatabase);
        return runner;
    }

    void own(AutoCloseable resource) {
        owned.add(resource);
    }

    void upgraded(MigrationRunner runner, SchemaSnapshot schema) {
        this.upgraded = runner;
        this.headsSchema = schema;
    }

    void upgradeFailed(String problem) {
        this.upgradeProblem = problem;
    }

    /** The database upgraded to heads; aborts the calling test when the upgrade check failed or did not run. */
    MigrationRunner requireUpgraded(String check) {
        if (upgraded == null) {
            throw new TestAbortedException(check + " not run: it needs the database upgraded to heads, and " + upgradeProblem);
        }
        return upgraded;
    }

    SchemaSnapshot headsSchema() {
        return headsSchema;
    }

    void stateBefore(String revision, StateBefore state) {
        statesBefore.put(revision, state);
        owned.addAll(state.copies());
    }

    StateBefore stateBefore(String revision) {
        return statesBefore.get(revision);
    }

    static AssertionFailedError failure(String message) {
        return new AssertionFailedError(message);
    }

    static AssertionFailedError failure(String message, Throwable cause) {
        return new AssertionFailedError(message, cause);
    }

    @Override
    public void close() {
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                // the checks already ran: say so, and go on dropping the others
                LoggerFactory.getLogger(SuiteRun.class).warn("Could not drop a test database: {}", e.getMessage());
            }
        }
        owned.clear();
    }
}
