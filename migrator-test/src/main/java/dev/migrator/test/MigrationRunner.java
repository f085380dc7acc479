package dev.migrator.test;

import dev.migrator.ErrorCode;
import dev.migrator.HistoryEntry;
import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import dev.migrator.schema.SchemaSnapshot;
import dev.migrator.test.database.ScratchDatabase;
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
    private final SwitchableDataSource dataSource;
    private final Migrator migrator;
    private final RunnerSql sql;
    private final RunnerMoves moves;
    private ScratchDatabase database;
    private boolean untouched = true;

    MigrationRunner(Harness harness, RevisionHooks hooks, ScratchDatabase database) {
        this.harness = harness;
        this.order = harness.order();
        this.database = database;
        this.dataSource = new SwitchableDataSource(database.dataSource());
        this.migrator = harness.load(dataSource);
        this.sql = new RunnerSql(dataSource, this::touch);
        this.moves = new RunnerMoves(this, harness, hooks);
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
        moves.upgradeTo(goal, true);
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
        moves.upgradeTo(goal, true);
        return this;
    }

    /** Applies the next revision in walking order. */
    public MigrationRunner migrateUpOne() {
        Set<String> applied = applied();
        for (var info : order.all()) {
            if (!applied.contains(info.revision())) {
                Set<String> goal = new HashSet<>(applied);
                goal.add(info.revision());
                moves.upgradeTo(goal, true);
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
        moves.downgradeTo(goal);
        return this;
    }

    /** Unapplies {@code revision} and everything applied that needs it. */
    public MigrationRunner migrateDownBefore(String revision) {
        String id = requireApplied(revision, "migrateDownBefore");
        Set<String> goal = new HashSet<>(applied());
        goal.removeAll(order.dependents(id));
        moves.downgradeTo(goal);
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
        moves.downgradeTo(goal);
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

    /** The engine moves behind the public methods, for the built-in checks too. */
    RunnerMoves moves() {
        return moves;
    }

    Migrator engine() {
        return migrator;
    }

    ScratchDatabase database() {
        return database;
    }

    /** The schema after the engine's last run here: its recorded fingerprint, else read from the catalog. */
    RecordedSchema recordedSchema() {
        if (harness.engineRecordsTheComparedSchema()) {
            List<HistoryEntry> last = migrator.log(1);
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
        touch();
    }

    /** Something changed this runner's database: it can no longer be replaced by a template's copy. */
    void touch() {
        untouched = false;
    }

    boolean untouched() {
        return untouched;
    }

    void dropDatabase() {
        database.close();
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
