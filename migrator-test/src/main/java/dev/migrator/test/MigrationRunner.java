package dev.migrator.test;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.Migrator;
import dev.migrator.schema.SchemaSnapshot;
import dev.migrator.test.RevisionHooks.Moment;
import dev.migrator.test.database.ScratchDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A fresh database of its own and the code's revisions, for tests that need data: move the database
 * one revision at a time, seed rows, run the revision, look at what it did.
 *
 * <pre>{@code
 * @Test
 * void backfillFillsEveryOrder(MigrationRunner db) {
 *     db.migrateUpBefore("8d4a3f2b5e74");
 *     db.insert("users", Map.of("email", "ada@example.com", "name", "Ada"));
 *     db.insert("orders", Map.of("user_id", 1, "total_cents", 1250));
 *     db.migrateUpOne();
 *     assertThat(db.queryValue("SELECT count(*) FROM orders WHERE status IS NULL")).isEqualTo(0L);
 * }
 * }</pre>
 *
 * <p>A test method gets one by declaring a parameter of this type in a class with {@link MigratorTest}
 * (or implementing {@link BuiltInMigrationTests}); the database is dropped when the test ends.
 * Revisions are walked in the order of {@link Migrator#revisions()} (parents first). The class's
 * {@link BeforeUpgrade}, {@link AfterUpgrade} and {@link AfterDowngrade} hooks run when this runner
 * crosses their revision. Moving an untouched runner to a state another runner of the class already
 * reached without hooks copies that database ({@code CREATE DATABASE ... TEMPLATE}) instead of
 * running the revisions again.
 */
public final class MigrationRunner {

    private final Harness harness;
    private final RevisionOrder order;
    private final RevisionHooks hooks;
    private final SwitchableDataSource dataSource;
    private final Migrator migrator;
    private final RunnerSql sql;
    private ScratchDatabase database;
    private boolean untouched = true;

    MigrationRunner(Harness harness, RevisionHooks hooks, ScratchDatabase database) {
        this.harness = harness;
        this.order = harness.order();
        this.hooks = hooks;
        this.database = database;
        this.dataSource = new SwitchableDataSource(database.dataSource());
        this.migrator = harness.load(dataSource);
        this.sql = new RunnerSql(dataSource, () -> untouched = false);
    }

    /** The engine on this runner's database (contract-phase revisions are applied like any other). */
    public Migrator migrator() {
        return migrator;
    }

    /** Connections to this runner's database, one new session per {@code getConnection()}. */
    public DataSource dataSource() {
        return dataSource;
    }

    public String databaseName() {
        return database.name();
    }

    /** The version-table rows (the tips of what is applied). */
    public Set<String> current() {
        return migrator.current();
    }

    /** Every applied revision. */
    public Set<String> applied() {
        return Collections.unmodifiableSet(order.applied(current()));
    }

    /** Applies {@code revision} (an id or unique prefix, or {@code heads}) and everything it needs. */
    public MigrationRunner migrateUpTo(String revision) {
        Set<String> goal = new HashSet<>(applied());
        if ("heads".equals(revision)) {
            order.all().forEach(info -> goal.add(info.revision()));
        } else {
            goal.addAll(order.needs(resolve(revision, "migrateUpTo")));
        }
        upgradeTo(goal, true);
        return this;
    }

    /** Applies everything {@code revision} needs, but not the revision itself. */
    public MigrationRunner migrateUpBefore(String revision) {
        String id = resolve(revision, "migrateUpBefore");
        Set<String> applied = applied();
        if (applied.contains(id)) {
            throw new MigratorException(ErrorCode.TARGET_INVALID, "migrateUpBefore(" + revision + "): " + id + " is applied already (current: "
                    + current() + "). Use migrateDownBefore(\"" + id + "\") to go back below it.");
        }
        Set<String> goal = new HashSet<>(applied);
        goal.addAll(order.needs(id));
        goal.remove(id);
        upgradeTo(goal, true);
        return this;
    }

    /** Applies the next revision in walking order. */
    public MigrationRunner migrateUpOne() {
        Set<String> applied = applied();
        for (var info : order.all()) {
            if (!applied.contains(info.revision())) {
                Set<String> goal = new HashSet<>(applied);
                goal.add(info.revision());
                upgradeTo(goal, true);
                return this;
            }
        }
        throw new MigratorException(ErrorCode.TARGET_INVALID, "migrateUpOne(): every revision is applied already (current: " + current() + ")");
    }

    /** Unapplies the last applied revision in walking order. */
    public MigrationRunner migrateDownOne() {
        List<String> applied = order.inOrder(applied());
        if (applied.isEmpty()) {
            throw new MigratorException(ErrorCode.TARGET_INVALID, "migrateDownOne(): no revision is applied");
        }
        Set<String> goal = new HashSet<>(applied);
        goal.remove(applied.get(applied.size() - 1));
        downgradeTo(goal);
        return this;
    }

    /** Unapplies {@code revision} and everything applied that needs it. */
    public MigrationRunner migrateDownBefore(String revision) {
        String id = requireApplied(revision, "migrateDownBefore");
        Set<String> goal = new HashSet<>(applied());
        goal.removeAll(order.dependents(id));
        downgradeTo(goal);
        return this;
    }

    /** Unapplies everything built on top of {@code revision} ({@code base}: everything); the revision stays. */
    public MigrationRunner migrateDownTo(String revision) {
        Set<String> goal = new HashSet<>();
        if (!"base".equals(revision)) {
            String id = requireApplied(revision, "migrateDownTo");
            goal.addAll(applied());
            goal.removeAll(order.dependents(id));
            goal.add(id);
        }
        downgradeTo(goal);
        return this;
    }

    /**
     * Inserts rows into {@code table}, one {@code INSERT} per row with the row's columns. Strings are
     * sent untyped, so PostgreSQL reads them as the column's type (enum, jsonb, uuid, timestamptz...).
     *
     * @param table a table name, optionally schema-qualified, as it would be written unquoted in SQL
     * @return the number of rows inserted
     */
    @SafeVarargs
    public final int insert(String table, Map<String, ?>... rows) {
        return sql.insert(table, rows);
    }

    /** Runs one statement (JDBC {@code ?} parameters) and returns its update count. */
    public int execute(String statement, Object... params) {
        return sql.execute(statement, params);
    }

    /** Every row of {@code query}, as column label to value, in the query's column order. */
    public List<Map<String, Object>> query(String query, Object... params) {
        return sql.query(query, params);
    }

    /** The first column of the first row, or null when there is no row. */
    public Object queryValue(String query, Object... params) {
        return sql.queryValue(query, params);
    }

    /** The schema as it is now (Migrator's own tables left out). */
    public SchemaSnapshot schema() {
        return harness.snapshot(dataSource);
    }

    // ---- for the built-in tests ----

    void upgradeExactly(String revision) {
        untouched = false;
        migrator.upgrade(revision);
    }

    /**
     * Unapplies exactly {@code revision}, which nothing applied may need; false (nothing run) when the
     * engine has no target for that (see {@link DowngradePlans}).
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
        untouched = false;
        migrator.downgrade(target);
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
            untouched = false;
            migrator.downgrade(target);
        }
        if (!applied.containsAll(goal)) {
            untouched = false;
            migrator.upgrade(order.target(goal));
        }
        return true;
    }

    ScratchDatabase database() {
        return database;
    }

    /** The schema after the engine's last run here: its recorded fingerprint, else read from the catalog. */
    RecordedSchema recordedSchema() {
        if (harness.engineRecordsTheComparedSchema()) {
            List<dev.migrator.HistoryEntry> last = migrator.log(1);
            if (!last.isEmpty() && last.get(0).schemaFingerprint() != null) {
                return RecordedSchema.recorded(last.get(0).schemaFingerprint());
            }
        }
        return RecordedSchema.read(schema());
    }

    /** The description behind a recorded schema (from the engine's snapshot table for a fingerprint). */
    SchemaSnapshot describe(RecordedSchema recorded) {
        return recorded.snapshot() != null ? recorded.snapshot() : harness.recordedSnapshot(dataSource, recorded.fingerprint());
    }

    /** Points this runner (and its loaded engine) at another database; the previous one is left as it is. */
    void useDatabase(ScratchDatabase other) {
        database = other;
        dataSource.switchTo(other.dataSource());
        untouched = false;
    }

    RevisionHooks hooks() {
        return hooks;
    }

    void dropDatabase() {
        database.close();
    }

    /**
     * Applies what of {@code goal} (closed under "needs") is missing. Hooked revisions are applied one
     * by one with their hooks around them; the stretches between them in one engine run each.
     *
     * @param templates whether an untouched runner may copy a template, and leave one for the next: the
     *                  runners of user tests; not the built-in checks, which reach each state once
     */
    void upgradeTo(Set<String> goal, boolean templates) {
        Set<String> applied = applied();
        List<String> missing = new ArrayList<>(order.inOrder(goal));
        missing.removeAll(applied);
        if (missing.isEmpty()) {
            return;
        }
        if (templates && untouched && applied.isEmpty() && !missing.stream().anyMatch(hooks::hasAny)) {
            upgradeFromTemplate(goal);
            return;
        }
        untouched = false;
        Set<String> reached = new HashSet<>(applied);
        for (String id : missing) {
            if (!hooks.hasAny(id)) {
                continue;
            }
            Set<String> before = new HashSet<>(reached);
            missing.stream().filter(m -> order.position(m) < order.position(id)).forEach(before::add);
            if (!before.equals(reached)) {
                migrator.upgrade(order.target(before));
                reached = before;
            }
            hooks.run(Moment.BEFORE_UPGRADE, id, this);
            migrator.upgrade(id);
            reached.add(id);
            hooks.run(Moment.AFTER_UPGRADE, id, this);
        }
        if (!reached.containsAll(goal)) {
            migrator.upgrade(order.target(goal));
        }
    }

    /** Unapplies what is applied beyond {@code goal} (closed under "needs"), one by one where hooks wait. */
    void downgradeTo(Set<String> goal) {
        untouched = false;
        Set<String> remaining = new HashSet<>(applied());
        List<String> removed = new ArrayList<>(order.inOrder(remaining));
        removed.removeAll(goal);
        if (removed.isEmpty()) {
            return;
        }
        if (!hooks.hasAny(Moment.AFTER_DOWNGRADE, removed)) {
            migrator.downgrade(downgradeTarget(remaining, goal));
            return;
        }
        Collections.reverse(removed);
        for (String id : removed) {
            Set<String> next = new HashSet<>(remaining);
            next.remove(id);
            migrator.downgrade(downgradeTarget(remaining, next));
            remaining = next;
            hooks.run(Moment.AFTER_DOWNGRADE, id, this);
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
        untouched = false;
        ScratchDatabase copy = harness.templates().copyOf(goal);
        if (copy != null) {
            ScratchDatabase empty = database;
            useDatabase(copy);
            empty.close();
            return;
        }
        migrator.upgrade(order.target(goal));
        harness.templates().remember(goal, database);
    }

    private String resolve(String revision, String method) {
        try {
            return order.resolve(revision);
        } catch (MigratorException e) {
            throw new MigratorException(e.code(), method + "(" + revision + "): " + e.getMessage(), e);
        }
    }

    private String requireApplied(String revision, String method) {
        String id = resolve(revision, method);
        if (!applied().contains(id)) {
            throw new MigratorException(ErrorCode.TARGET_INVALID, method + "(" + revision + "): " + id + " is not applied (current: " + current() + ")");
        }
        return id;
    }
}
