package dev.migrator.execute;

import dev.migrator.ErrorCode;
import dev.migrator.FailureAdvice;
import dev.migrator.Direction;
import dev.migrator.MigrationResult;
import dev.migrator.MigratorException;
import dev.migrator.Phase;
import dev.migrator.RevisionInfo;
import dev.migrator.AcceptedChecksum;
import dev.migrator.StampResult;
import dev.migrator.StepResult;
import dev.migrator.UnknownRevisionPolicy;
import dev.migrator.dialect.postgresql.PostgresDialect;
import dev.migrator.event.MigrationListener;
import dev.migrator.history.AppliedState;
import dev.migrator.history.HistoryRow;
import dev.migrator.history.StateStore;
import dev.migrator.history.StateTables;
import dev.migrator.lock.AdvisoryLock;
import dev.migrator.revision.Plan;
import dev.migrator.revision.Step;
import dev.migrator.schema.SchemaSnapshotStore;
import dev.migrator.schema.ServerFingerprint;
import dev.migrator.source.LoadedRevision;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands against PostgreSQL: one connection per run, the advisory lock on that very
 * connection, the state tables created under the lock, then the plan, step by step.
 */
public final class Engine {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final EngineSettings settings;
    private final Catalog catalog;
    private final PostgresDialect dialect = new PostgresDialect();
    private final RevisionStatements statements = new RevisionStatements(dialect);
    private final Listeners listeners;
    private final EngineConnections access;
    /** For recording a failure from a fresh session when the migrating one is gone. */
    private final ConnectionSource connections;

    public Engine(EngineSettings settings, Catalog catalog, ConnectionSource connections) {
        this.settings = settings;
        this.catalog = catalog;
        this.connections = connections;
        this.listeners = new Listeners(settings.listeners());
        this.access = new EngineConnections(connections, settings.connect());
    }

    public Catalog catalog() {
        return catalog;
    }

    public EngineSettings settings() {
        return settings;
    }

    /** A read-only command's access to the database. */
    @FunctionalInterface
    public interface Query<T> {
        T run(Connection connection, StateStore store) throws SQLException;
    }

    /**
     * Runs a read-only command on a fresh connection (no lock), waiting for the database as
     * {@code connectRetries} allows.
     */
    public <T> T read(Query<T> query) {
        try (Connection connection = access.forCommand()) {
            return query.run(connection, new StateStore(tables(connection)));
        } catch (SQLException e) {
            throw access.readError(e);
        }
    }

    /**
     * Runs a status read: never waits for the database to come up, and every network read is bounded by
     * {@code readTimeout} (when set), so a database that stopped answering fails the read instead of
     * holding it until TCP gives up.
     */
    public <T> T readState(Query<T> query) {
        try (Connection connection = access.forStatusRead()) {
            return access.withReadTimeout(connection, c -> query.run(c, new StateStore(tables(c))));
        } catch (SQLException e) {
            throw access.readError(e);
        }
    }

    public MigrationResult upgrade(String target) {
        return migrate(Direction.UPGRADE, target);
    }

    public MigrationResult downgrade(String target) {
        return migrate(Direction.DOWNGRADE, target);
    }

    private MigrationResult migrate(Direction direction, String target) {
        return locked(direction, target, (connection, store, lockWait) -> {
            Instant startedAt = Instant.now();
            if (direction == Direction.UPGRADE && settings.baseline() != null
                    && Baseline.applies(connection, store, settings.tablePrefix())) {
                log.info("Schema {} holds tables but no Migrator state: stamping baseline {} before the upgrade",
                        store.tables().schema(), settings.baseline());
                stampUnderLock(connection, store, settings.baseline());
            }
            AppliedState state = store.appliedStateForRun(connection, settings.validateChecksums(), appliedBy());
            Set<String> before = state.versionRows();
            boolean ahead = checkUnknown(before);
            Plan plan = direction == Direction.UPGRADE
                    ? catalog.upgrade(before, target, settings.contract())
                    : catalog.graph().downgrade(before, target);
            if (ahead) {
                // What lies below a revision this code does not know cannot be told: a newer release
                // migrated this database, so an older one applies nothing (and never downgrades it).
                if (direction == Direction.DOWNGRADE) {
                    throw new MigratorException(ErrorCode.DATABASE_AHEAD, "Cannot downgrade: the database holds revision(s) "
                            + new TreeSet<>(catalog.graph().unknown(before)) + " that this code does not define. "
                            + "Downgrade with the release that defines them.");
                }
                return new MigrationResult(direction, before, before, List.of(), List.of(), lockWait, startedAt, Instant.now());
            }
            validateChecksums(state);
            List<Step> steps = plan.steps();
            List<RevisionInfo> deferred = new ArrayList<>();
            for (String id : plan.heldBack()) {
                deferred.add(catalog.info(id));
            }
            if (!deferred.isEmpty()) {
                log.info("Deferring {} revision(s) (contract policy DEFER): {}", deferred.size(), describeDeferred(deferred));
            }
            if (direction == Direction.UPGRADE && !steps.isEmpty()) {
                warnAboutUnjoinedHeads(target);
            }
            if (direction == Direction.DOWNGRADE) {
                refuseIrreversible(steps);
            }
            readBodies(steps);
            StepExecutor executor = new StepExecutor(settings, store, statements, listeners, appliedBy(), connections);
            List<StepResult> results = new ArrayList<>();
            for (Step step : steps) {
                results.add(executor.run(connection, catalog.get(step.revision()), step));
            }
            if (!results.isEmpty()) {
                recordSchema(connection, store);
            }
            Set<String> after = steps.isEmpty() ? before : store.versionRows(connection);
            if (results.isEmpty()) {
                log.info("Nothing to {}: the database is at {}", direction.label(), before.isEmpty() ? "base" : before);
            }
            return new MigrationResult(direction, before, after, results, deferred, lockWait, startedAt, Instant.now());
        }, result -> listeners.emit(l -> l.runSucceeded(result)));
    }

    /**
     * The version rows an upgrade plans from, read without changing anything: the table's rows or, when a
     * configured baseline would be stamped first, the rows that stamp writes. For analyses of what an upgrade
     * would run.
     */
    public Set<String> plannedFrom(Connection connection, StateStore store) throws SQLException {
        if (settings.baseline() != null && Baseline.wouldApply(connection, store, settings.tablePrefix())) {
            Set<String> rows = new TreeSet<>();
            for (Step step : catalog.graph().stamp(Set.of(), settings.baseline()).steps()) {
                rows.removeAll(step.removedRows());
                rows.addAll(step.addedRows());
            }
            return rows;
        }
        return store.exists(connection) ? store.versionRows(connection) : Set.of();
    }

    /** Writes the version rows of {@code target} and a stamp history row per changed row set; runs no revision. */
    public StampResult stamp(String target) {
        return locked(Direction.STAMP, target, (connection, store, lockWait) -> stampUnderLock(connection, store, target),
                result -> { });
    }

    /** The stamp itself: the caller holds the advisory lock. */
    private StampResult stampUnderLock(Connection connection, StateStore store, String target) throws SQLException {
        Set<String> before = store.versionRows(connection);
        Plan plan = catalog.graph().stamp(before, target);
        List<ExecutableStatement> statements = new ArrayList<>();
        for (Step step : plan.steps()) {
            store.tables().versionChange(step.removedRows(), step.addedRows())
                    .forEach(b -> statements.add(ExecutableStatement.engine(b.sql(), b.expectedRows())));
            statements.add(ExecutableStatement.engine(store.tables().historyInsert(stampRow(step))));
        }
        if (!statements.isEmpty()) {
            connection.setAutoCommit(false);
            try {
                StatementRunner.run(connection, statements);
                connection.commit();
            } catch (StatementRunner.StatementFailure e) {
                connection.rollback();
                throw new MigratorException(ErrorCode.INTERNAL, "Stamping " + target + " failed: " + e.getMessage()
                        + ". The version table is unchanged.", e.sqlException());
            } catch (StatementRunner.RowCountMismatch e) {
                connection.rollback();
                throw new MigratorException(ErrorCode.STATE_TABLES_INCONSISTENT, "Stamping " + target + " was rolled back: " + e.getMessage()
                        + ". The version table was changed outside this run; check it with 'current'.");
            } finally {
                connection.setAutoCommit(true);
            }
        }
        if (!statements.isEmpty()) {
            recordSchema(connection, store);
        }
        return new StampResult(before, store.versionRows(connection));
    }

    /**
     * Records the current checksum of changed applied revisions ({@code revisionOrAll}: an id, a prefix,
     * or {@code all}), one stamp history row each that says who and why, under the lock.
     */
    public List<AcceptedChecksum> acceptChecksum(String revisionOrAll, String reason) {
        ChecksumAcceptance acceptance = new ChecksumAcceptance(catalog, revisionOrAll, reason, appliedBy());
        return locked(Direction.STAMP, "accept-checksum " + revisionOrAll,
                (connection, store, lockWait) -> acceptance.run(connection, store), result -> { });
    }

    /**
     * The history row of a stamp step. It carries the revision's checksum only when the step adds that
     * revision's row: from then on the file counts as applied and an edit is caught like one of an
     * upgraded revision. A step that only removes rows names a remaining revision, whose file it does
     * not vouch for, so it records none (recording the current one would hide an earlier edit).
     */
    private HistoryRow stampRow(Step step) {
        return stampRow(catalog, step, appliedBy());
    }

    /** Shared with the offline script, so a rendered stamp records exactly what an online one does. */
    static HistoryRow stampRow(Catalog catalog, Step step, String appliedBy) {
        String id = step.revision();
        boolean known = id != null && catalog.contains(id);
        LoadedRevision revision = known ? catalog.get(id) : null;
        String checksum = known && step.addedRows().contains(id) ? revision.checksum() : null;
        return new HistoryRow(id == null ? "base" : id, known ? revision.node().revises() : List.of(), Direction.STAMP,
                known ? revision.message() : null, known ? revision.phase() : null, checksum,
                "now()", true, null, appliedBy);
    }

    @FunctionalInterface
    private interface LockedWork<T> {
        T run(Connection connection, StateStore store, Duration lockWait) throws SQLException;
    }

    private <T> T locked(Direction direction, String target, LockedWork<T> work, java.util.function.Consumer<T> succeeded) {
        listeners.emit(l -> l.runStarted(new MigrationListener.RunStarted(direction, target)));
        try (Connection connection = access.forCommand()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                // The lock resolves the schema (the configured one, else the connection's current one)
                // in the statement that takes it: the tables are found and created only under the lock.
                AdvisoryLock lock = new AdvisoryLock(settings.schema(), settings.tablePrefix(),
                        settings.advisoryLockWait(), who());
                Duration[] waited = {Duration.ZERO};
                T result = lock.withLock(connection, schema -> {
                    StateStore store = RunStart.open(connection, new StateTables(schema, settings.tablePrefix(), dialect), settings);
                    return work.run(connection, store, waited[0]);
                }, wait -> {
                    waited[0] = wait;
                    listeners.emit(l -> l.lockAcquired(wait));
                });
                succeeded.accept(result);
                return result;
            } finally {
                restoreAutoCommit(connection, autoCommit);
            }
        } catch (MigratorException e) {
            listeners.emit(l -> l.runFailed(e));
            throw e;
        } catch (SQLException e) {
            MigratorException error = databaseError(direction.label() + " to " + target, e);
            listeners.emit(l -> l.runFailed(error));
            throw error;
        } catch (Exception e) {
            MigratorException error = new MigratorException(ErrorCode.INTERNAL, "Unexpected failure during " + direction.label() + " to "
                    + target + ": " + e, e);
            listeners.emit(l -> l.runFailed(error));
            throw error;
        }
    }

    /** Whether the database is AHEAD of the code; fails under {@link UnknownRevisionPolicy#FAIL}. */
    private boolean checkUnknown(Set<String> rows) {
        Set<String> unknown = catalog.graph().unknown(rows);
        if (unknown.isEmpty()) {
            return false;
        }
        String message = "The database holds revision(s) " + new TreeSet<>(unknown) + " that this code does not "
                + "define (state AHEAD): a newer release migrated it.";
        if (settings.onUnknownRevision() == UnknownRevisionPolicy.FAIL) {
            throw new MigratorException(ErrorCode.DATABASE_AHEAD, message + " Deploy the release that defines them, or set "
                    + "onUnknownRevision to WARN to run this older release against the newer schema.");
        }
        log.warn("{} Applying nothing (onUnknownRevision = WARN).", message);
        return true;
    }

    /**
     * Fails before anything runs when an applied revision's file changed since it was applied (the
     * state must have been read with its checksums; without them there is nothing to compare).
     */
    public void validateChecksums(AppliedState state) {
        // The common case, nothing changed, is one pass over the recorded checksums: the applied
        // closure is built, and the message sorted, only when some checksum differs.
        List<AppliedState.Checksum> differing = new ArrayList<>();
        for (AppliedState.Checksum recorded : state.checksums()) {
            String id = recorded.revision();
            if (catalog.contains(id)) {
                String now = catalog.get(id).checksum();
                if (now != null && !now.equals(recorded.checksum())) {
                    differing.add(recorded);
                }
            }
        }
        if (differing.isEmpty()) {
            return;
        }
        // a revision upgraded and later downgraded may have been edited since: only applied ones count
        Set<String> applied = catalog.graph().appliedClosure(state.versionRows());
        List<String> changed = new ArrayList<>();
        differing.sort(Comparator.comparing(AppliedState.Checksum::revision));
        for (AppliedState.Checksum recorded : differing) {
            String id = recorded.revision();
            if (applied.contains(id)) {
                changed.add(id + " (" + catalog.get(id).source() + "): applied with checksum " + recorded.checksum()
                        + ", now " + catalog.get(id).checksum());
            }
        }
        if (!changed.isEmpty()) {
            throw new MigratorException(ErrorCode.CHECKSUM_MISMATCH, "Applied revision(s) changed since they were applied:\n  "
                    + String.join("\n  ", changed) + "\nAn applied revision must not be edited: restore the file "
                    + "and write a new revision for the change. If the edit is intended and leaves the schema as the "
                    + "revision made it (a comment, formatting), accept it with an audited history row: "
                    + "acceptChecksum(\"<revision>\", \"<reason>\") (CLI: migrator accept-checksum; Spring Boot: start "
                    + "once with migrator.accept-checksum-change=<revision>: <reason>).");
        }
    }

    /** {@code c1 (contract), d1 (needs a contract revision)}: why each deferred revision waits. */
    private static String describeDeferred(List<RevisionInfo> deferred) {
        List<String> described = new ArrayList<>();
        for (RevisionInfo revision : deferred) {
            described.add(revision.revision() + (revision.phase() == Phase.CONTRACT ? " (contract)" : " (needs a contract revision)"));
        }
        return String.join(", ", described);
    }

    /**
     * Branches are legal, so {@code upgrade heads} applies every head; but heads that no merge joins
     * are often an accident (two teams revised the same parent). One WARN per run says so, naming the
     * heads and how to join them.
     */
    private void warnAboutUnjoinedHeads(String target) {
        List<String> heads = catalog.graph().heads();
        if (heads.size() < 2 || !"heads".equals(target == null ? null : target.strip())) {
            return;
        }
        List<String> described = new ArrayList<>();
        for (String head : heads) {
            Set<String> labels = catalog.graph().labelsOf(head);
            described.add(labels.isEmpty() ? head : head + " (branch " + String.join(", ", labels) + ")");
        }
        log.warn("The revisions have {} heads that no merge joins: {}. 'upgrade heads' applies all of them (branches "
                + "are legal). If they belong together, add a merge revision that revises them all "
                + "(-- Revises: {}) so the history has one head again.",
                heads.size(), String.join(", ", described), String.join(", ", heads));
    }

    private void refuseIrreversible(List<Step> steps) {
        for (Step step : steps) {
            LoadedRevision revision = catalog.get(step.revision());
            if (revision.irreversible() != null) {
                throw new MigratorException(ErrorCode.IRREVERSIBLE, "Cannot downgrade across revision " + revision.id() + " ("
                        + revision.source() + "): it is irreversible: \"" + revision.irreversible() + "\". Nothing was "
                        + "run. Choose a downgrade target above it, or restore from a backup.");
            }
        }
    }

    /**
     * A revision known from a build-time index reads its file only now, when it is about to run: every one
     * of the run's before the first runs, so a file that no longer matches its index stops the run with
     * nothing run.
     */
    private void readBodies(List<Step> steps) {
        for (Step step : steps) {
            catalog.get(step.revision()).body().read();
        }
    }

    /**
     * Records the schema as this run left it, once per run (not per step), in one statement the server
     * evaluates on its own: the fingerprint and description are computed there, the description stored
     * in the snapshot store there, and the fingerprint put on the run's last history row; only the
     * fingerprint comes back. The drift check can later name what was changed outside migrations. Runs
     * under the advisory lock; the row marked is this run's newest.
     */
    private void recordSchema(Connection connection, StateStore store) {
        String schema = store.tables().schema();
        try {
            ServerFingerprint.record(connection, schema, settings.tablePrefix(),
                    new SchemaSnapshotStore(schema, settings.tablePrefix()), store.tables().historyTable(),
                    store.tables().runId());
        } catch (MigratorException | SQLException e) {
            // the revisions are applied and recorded; only drift detection loses its reference
            log.warn("Could not record the schema after the run (drift checks compare with an older one): {}",
                    e.getMessage());
        }
    }

    /** Migrator's tables in the configured schema, or in the connection's current schema. */
    private StateTables tables(Connection connection) throws SQLException {
        String schema = settings.schema();
        if (schema == null) {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
                rs.next();
                schema = rs.getString(1);
            }
            if (schema == null) {
                throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "The connection has no current schema (its search_path names no "
                        + "existing schema): configure migrator's schema explicitly.");
            }
        }
        return new StateTables(schema, settings.tablePrefix(), dialect);
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            if (!connection.isClosed()) {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            log.debug("Could not restore autocommit", e);
        }
    }

    /** A database failure outside the steps (connecting, locking, reading the state): its advice by its class. */
    static MigratorException databaseError(String what, SQLException e) {
        ErrorCode code = SqlErrors.classify(e, ErrorCode.INTERNAL);
        return new MigratorException(code, "Database error while " + what + ": " + e.getMessage()
                + " [SQLSTATE " + e.getSQLState() + "]\n  What to do: " + FailureAdvice.of(code), e);
    }

    /** {@code host=<host> pid=<pid>}: who migrates, for application_name. */
    static String who() {
        return "host=" + hostName() + " pid=" + ProcessHandle.current().pid();
    }

    /** {@code user@host pid N}: who applied a step, for the history table. */
    static String appliedBy() {
        return System.getProperty("user.name", "unknown") + "@" + hostName() + " pid " + ProcessHandle.current().pid();
    }

    private static String hostName() {
        return HostName.VALUE;
    }

    /**
     * Looked up once per process: {@code getLocalHost} may ask DNS, and on a badly configured host
     * that takes seconds, which every run (and every status read) would otherwise pay again.
     */
    private static final class HostName {
        static final String VALUE = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                return "unknown-host";
            }
        }
    }

    /** The offline renderer for this configuration (no database access). */
    public OfflineScript offline() {
        return new OfflineScript(settings, catalog, new StateTables(settings.schema(), settings.tablePrefix(), dialect),
                statements, appliedBy());
    }
}
