package dev.migrator;

import dev.migrator.check.AppliedRevision;
import dev.migrator.check.BuiltInChecks;
import dev.migrator.check.CheckContext;
import dev.migrator.check.CheckRunner;
import dev.migrator.check.PostDeployCheck;
import dev.migrator.execute.Catalog;
import dev.migrator.execute.ConnectionSource;
import dev.migrator.execute.DatabaseWait;
import dev.migrator.execute.Engine;
import dev.migrator.execute.EngineSettings;
import dev.migrator.history.AppliedState;
import dev.migrator.lock.AdvisoryLock;
import dev.migrator.revision.Plan;
import dev.migrator.revision.RevisionGraph;
import dev.migrator.revision.RevisionNode;
import dev.migrator.safety.SafetyAnalyzer;
import dev.migrator.safety.SafetyOptions;
import dev.migrator.safety.SafetyReport;
import dev.migrator.safety.ScratchConnector;
import dev.migrator.source.LoadedRevision;
import dev.migrator.source.RevisionBody;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The engine. Create it with {@link #configure()}:
 *
 * <pre>{@code
 * Migrator migrator = Migrator.configure()
 *         .dataSource(dataSource)
 *         .locations("classpath:db/migrations")
 *         .load();
 * migrator.upgrade("heads");
 * }</pre>
 *
 * Every command returns a typed result; every failure is a {@link MigratorException}.
 * Instances are immutable and safe to share between threads.
 */
public final class Migrator {

    private final Engine engine;
    private final ConnectionSource connections;
    private final Duration checkTimeout;
    private final SafetyAnalyzer safety;

    private Migrator(Engine engine, ConnectionSource connections, Duration checkTimeout, SafetyAnalyzer safety) {
        this.engine = engine;
        this.connections = connections;
        this.checkTimeout = checkTimeout;
        this.safety = safety;
    }

    public static MigratorConfiguration configure() {
        return new MigratorConfiguration();
    }

    static Migrator load(MigratorConfiguration configuration, boolean databaseRequired) {
        if (databaseRequired && configuration.getDataSource() == null && configuration.getUrl() == null) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "No database configured: call dataSource(...) or url(jdbcUrl, user, password) "
                    + "on Migrator.configure() before load().");
        }
        EngineSettings settings = validate(configuration);
        ConnectionSource connections = connectionSource(configuration);
        List<LoadedRevision> loaded = dev.migrator.source.RevisionLoader.load(
                configuration.getLocations(), configuration.getClassLoader(), configuration.getMigrations());
        List<RevisionNode> nodes = new ArrayList<>();
        for (LoadedRevision revision : loaded) {
            nodes.add(revision.node());
        }
        RevisionGraph graph = RevisionGraph.of(nodes);
        Engine engine = new Engine(settings, new Catalog(graph, loaded), connections);
        ScratchConnector scratch = configuration.getDataSource() != null
                ? ScratchConnector.forDataSource(configuration.getDataSource())
                : configuration.getUrl() != null
                        ? ScratchConnector.forUrl(configuration.getUrl(), configuration.getUser(), configuration.getPassword())
                        : database -> connections.open(); // without a database: fails as every database command does
        return new Migrator(engine, connections, configuration.getCheckTimeout(),
                new SafetyAnalyzer(engine, connections, scratch));
    }

    private static EngineSettings validate(MigratorConfiguration c) {
        if (c.getLockRetries() < 0) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "lockRetries must be 0 or more, was " + c.getLockRetries());
        }
        requireNotNegative("lockTimeout", c.getLockTimeout());
        requireNotNegative("statementTimeout", c.getStatementTimeout());
        requireNotNegative("advisoryLockWait", c.getAdvisoryLockWait());
        if (c.getCheckTimeout().isZero() || c.getCheckTimeout().isNegative()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "checkTimeout must be positive, was "
                    + DurationText.of(c.getCheckTimeout()));
        }
        if (!isWordCharacters(c.getTablePrefix())) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "tablePrefix '" + c.getTablePrefix() + "' may only contain letters, digits and _");
        }
        if (c.getSchema() != null && c.getSchema().isBlank()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "schema is blank: leave it unset for the connection's current schema");
        }
        if (c.getConnectRetries() < 0) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "connectRetries must be 0 or more, was " + c.getConnectRetries());
        }
        if (c.getConnectRetriesInterval().isZero() || c.getConnectRetriesInterval().isNegative()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "connectRetriesInterval must be positive, was "
                    + c.getConnectRetriesInterval());
        }
        requireNotNegative("readTimeout", c.getReadTimeout());
        if (c.getBaseline() != null && c.getBaseline().isBlank()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "baseline is blank: give the revision that matches "
                    + "the existing schema, or leave it unset");
        }
        String database = c.getDataSource() != null ? DatabaseWait.describe(c.getDataSource())
                : c.getUrl() != null ? DatabaseWait.describe(c.getUrl()) : "no database (loaded with loadRevisions())";
        return new EngineSettings(c.getSchema(), c.getTablePrefix(), c.getLockTimeout(), c.getStatementTimeout(),
                c.getLockRetries(), c.getAdvisoryLockWait(), c.isValidateChecksums(), c.getOnUnknownRevision(),
                c.getContract(), c.getListeners(), new EngineSettings.ConnectSettings(database, c.getConnectRetries(),
                        c.getConnectRetriesInterval(), c.getReadTimeout()), c.getBaseline());
    }

    /** Letters, digits and {@code _} only (no regular expression: this runs in every start). */
    private static boolean isWordCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static void requireNotNegative(String name, Duration value) {
        if (value.isNegative()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, name + " must not be negative, was " + DurationText.of(value));
        }
    }

    private static ConnectionSource connectionSource(MigratorConfiguration c) {
        DataSource dataSource = c.getDataSource();
        if (dataSource != null) {
            return dataSource::getConnection;
        }
        String url = c.getUrl();
        if (url == null) {
            // loaded with loadRevisions(): the code's graph works, the first database access says what is missing
            return () -> {
                throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "No database configured, and this command "
                        + "reads or changes the database: configure a JDBC URL (and user and password).");
            };
        }
        Properties properties = new Properties();
        if (c.getUser() != null) {
            properties.setProperty("user", c.getUser());
        }
        if (c.getPassword() != null) {
            properties.setProperty("password", c.getPassword());
        }
        return () -> DriverManager.getConnection(url, properties);
    }

    /** Applies what {@code target} needs (see the targets chapter of the guide). */
    public MigrationResult upgrade(String target) {
        return engine.upgrade(target);
    }

    /** Unapplies every applied revision {@code target} does not need; refuses, before anything runs, to cross an irreversible one. */
    public MigrationResult downgrade(String target) {
        return engine.downgrade(target);
    }

    /** Sets the version table to {@code target} without running any revision. */
    public StampResult stamp(String target) {
        return engine.stamp(target);
    }

    /** Every revision of the code this database has applied: the version-table rows and all they need. */
    public Set<String> applied() {
        return graph().appliedClosure(current());
    }

    /**
     * The ids of the code's revisions an absolute target names, sorted, without a database: {@code heads},
     * {@code head}, an id or prefix, {@code <label>@head}, {@code <label>@<id>}, {@code <id>±N}.
     */
    public List<String> resolve(String target) {
        return graph().resolve(target);
    }

    /**
     * Records the current checksum of applied revisions whose file was edited on purpose, so that runs
     * and the checksum check pass again: one history row per revision (direction {@code stamp}, the new
     * checksum, who, when, and {@code "checksum accepted: <reason>"}). {@code revisionOrAll} is a revision
     * id (or unique prefix), or {@code all} for every applied revision whose file differs, each named in
     * the log. Runs under the migration lock; changes nothing else.
     *
     * @return the accepted revisions; empty when every file already matches
     * @throws MigratorException without a reason, or for a revision that is not applied or has no checksum
     */
    public List<AcceptedChecksum> acceptChecksum(String revisionOrAll, String reason) {
        return engine.acceptChecksum(revisionOrAll, reason);
    }

    /** The version-table rows (empty when the table does not exist). */
    public Set<String> current() {
        return engine.readState((connection, store) -> store.exists(connection) ? store.versionRows(connection) : Set.of());
    }

    public List<RevisionInfo> heads() {
        return infos(graph().heads());
    }

    /** Revisions with more than one child. */
    public List<RevisionInfo> branches() {
        return infos(graph().branchPoints());
    }

    /** The code's revisions in a range {@code [from]:[to]} ({@code ""} for all), newest first. */
    public List<RevisionInfo> history(String range) {
        List<RevisionInfo> infos = new ArrayList<>();
        for (RevisionNode node : graph().range(range == null ? "" : range)) {
            infos.add(engine.catalog().info(node.id()));
        }
        return infos;
    }

    public RevisionDetails show(String revision) {
        String id = graph().resolveId(revision);
        RevisionInfo info = engine.catalog().info(id);
        return engine.readState((connection, store) -> {
            if (!store.exists(connection)) {
                return new RevisionDetails(info, false, null);
            }
            boolean applied = graph().appliedClosure(store.versionRows(connection)).contains(id);
            Instant appliedAt = applied ? store.appliedAt(connection, id) : null;
            return new RevisionDetails(info, applied, appliedAt);
        });
    }

    /**
     * Revisions not applied yet, in the order an {@code upgrade("heads")} would apply them: first
     * what runs under the contract policy, then what it defers (contract ones and what needs them).
     */
    public List<RevisionInfo> pending() {
        return pending(current()).all();
    }

    /** What is pending and, of that, what the contract policy defers: read from the engine's own plan. */
    private record Pending(List<RevisionInfo> all, List<RevisionInfo> deferred) {

        /** UP_TO_DATE, CONTRACT_PENDING (everything pending is deferred) or PENDING. */
        MigrationState state() {
            return all.isEmpty() ? MigrationState.UP_TO_DATE
                    : deferred.size() == all.size() ? MigrationState.CONTRACT_PENDING : MigrationState.PENDING;
        }
    }

    /** Nothing is pending for a database AHEAD of the code: what lies below unknown revisions cannot be told. */
    private Pending pending(Set<String> rows) {
        if (!graph().unknown(rows).isEmpty()) {
            return new Pending(List.of(), List.of());
        }
        Plan plan = engine.catalog().upgrade(rows, "heads", engine.settings().contract());
        List<RevisionInfo> all = new ArrayList<>();
        plan.steps().forEach(step -> all.add(engine.catalog().info(step.revision())));
        List<RevisionInfo> deferred = new ArrayList<>();
        plan.heldBack().forEach(id -> deferred.add(engine.catalog().info(id)));
        all.addAll(deferred);
        return new Pending(all, deferred);
    }

    /**
     * Fails on a changed checksum (or unknown revisions under {@code FAIL}); reports pending and unknown
     * ones. (Every file was checked completely when it was loaded.)
     */
    public ValidationResult validate() {
        return engine.read((connection, store) -> {
            if (!store.exists(connection)) {
                Pending pending = pending(Set.of());
                return new ValidationResult(MigrationState.NOT_INITIALIZED, Set.of(), pending.all(), Set.of(), pending.deferred());
            }
            AppliedState applied = store.appliedState(connection, true);
            Set<String> rows = applied.versionRows();
            Set<String> unknown = graph().unknown(rows);
            if (!unknown.isEmpty() && engine.settings().onUnknownRevision() == UnknownRevisionPolicy.FAIL) {
                throw new MigratorException(ErrorCode.DATABASE_AHEAD, "The database holds revision(s) " + unknown + " that this code does not "
                        + "define (state AHEAD) and onUnknownRevision is FAIL. Deploy the release that defines them.");
            }
            engine.validateChecksums(applied);
            Pending pending = pending(rows);
            MigrationState state = !unknown.isEmpty() ? MigrationState.AHEAD : pending.state();
            return new ValidationResult(state, rows, pending.all(), unknown, pending.deferred());
        });
    }

    /** Runs every applied revision's {@code verify} query. */
    public VerifyResult verify() {
        return engine.read((connection, store) -> {
            if (!store.exists(connection)) {
                return new VerifyResult(List.of());
            }
            Set<String> applied = graph().appliedClosure(store.versionRows(connection));
            List<CheckResult> results = new ArrayList<>();
            for (RevisionNode node : graph().nodes()) {
                LoadedRevision revision = engine.catalog().get(node.id());
                if (applied.contains(node.id()) && revision.body() instanceof RevisionBody.Sql sql && sql.verify() != null) {
                    results.add(check(connection, revision, sql.verify().sql(), sql.verify().line()));
                }
            }
            return new VerifyResult(results);
        });
    }

    /** One verify query in its own rolled-back transaction: a check never changes anything. */
    private static CheckResult check(Connection connection, LoadedRevision revision, String query, int line) {
        String name = "verify " + revision.id();
        long start = System.nanoTime();
        CheckResult.Status status;
        String detail;
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
                if (!rs.next()) {
                    status = CheckResult.Status.FAILED;
                    detail = "returned no row (expected one boolean)";
                } else {
                    Object value = rs.getObject(1);
                    status = Boolean.TRUE.equals(value) ? CheckResult.Status.PASSED : CheckResult.Status.FAILED;
                    detail = Boolean.TRUE.equals(value) ? "returned true" : "returned " + value + " (expected true)";
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            status = CheckResult.Status.FAILED;
            detail = "failed: " + e.getMessage() + " [SQLSTATE " + e.getSQLState() + "]";
        }
        return new CheckResult(name, revision.id(), status, Duration.ofNanos(System.nanoTime() - start),
                detail + " (" + revision.source() + (line > 0 ? ":" + line : "") + ")");
    }

    /**
     * Runs the post-deploy checks: the built-in ones (version table, checksums, INVALID indexes, schema
     * drift, every applied revision's verify query) and then {@code userChecks}, each on a connection of
     * its own within the configured {@code checkTimeout}. A check that fails, throws or hangs is a FAILED
     * result naming the reason, never an exception.
     */
    public VerifyResult check(List<? extends PostDeployCheck> userChecks) {
        List<PostDeployCheck> checks = new ArrayList<>(BuiltInChecks.all(checkContext()));
        checks.addAll(userChecks);
        return new VerifyResult(new CheckRunner(connections::open, checkTimeout).run(checks));
    }

    /** What the built-in checks compare the database with: the code's revisions and the recorded history. */
    private CheckContext checkContext() {
        MigratorStatus status = status();
        return engine.readState((connection, store) -> {
            Map<String, String> recorded = store.exists(connection) ? store.recordedChecksums(connection) : Map.of();
            Set<String> applied = graph().appliedClosure(status.current());
            List<AppliedRevision> revisions = new ArrayList<>();
            for (RevisionNode node : graph().nodes()) {
                if (applied.contains(node.id())) {
                    LoadedRevision revision = engine.catalog().get(node.id());
                    String verify = revision.body() instanceof RevisionBody.Sql sql && sql.verify() != null
                            ? sql.verify().sql() : null;
                    revisions.add(new AppliedRevision(node.id(), revision.source(), revision.checksum(),
                            recorded.get(node.id()), verify));
                }
            }
            // the fingerprint the last successful run put on its last row; older rows may hold none
            String fingerprint = store.exists(connection)
                    ? store.latest(connection).filter(HistoryEntry::success).map(HistoryEntry::schemaFingerprint).orElse(null)
                    : null;
            return new CheckContext(store.tables().schema(), engine.settings().tablePrefix(), status, revisions, fingerprint);
        });
    }

    /**
     * The newest run (upgrade, downgrade or stamp) from the rows of {@code migrator_history} that carry its run
     * id: when it started and finished, how many steps it applied, whether all succeeded. Empty before the first
     * run that wrote a row (a run with nothing to do writes none).
     */
    public Optional<RunSummary> lastRun() {
        return engine.read((connection, store) -> store.exists(connection) ? store.lastRun(connection) : Optional.empty());
    }

    /** Executed steps from {@code migrator_history}, newest first. */
    public List<HistoryEntry> log(int limit) {
        return engine.readState((connection, store) -> store.exists(connection) ? store.history(connection, limit) : List.of());
    }

    /**
     * Where the database stands. A status read: it never waits for the database to come up, and its
     * network reads are bounded by {@code readTimeout} when one is configured.
     */
    public MigratorStatus status() {
        List<String> heads = graph().heads();
        return engine.readState((connection, store) -> {
            long key = AdvisoryLock.keyFor(store.tables().schema(), engine.settings().tablePrefix());
            boolean migrating = AdvisoryLock.isHeldByAnother(connection, key);
            if (!store.exists(connection)) {
                Pending pending = pending(Set.of());
                return new MigratorStatus(migrating ? MigrationState.MIGRATING : MigrationState.NOT_INITIALIZED,
                        Set.of(), heads, pending.all(), 0, pending.deferred());
            }
            Set<String> rows = store.versionRows(connection);
            Set<String> applied = graph().appliedClosure(rows);
            Pending pending = pending(rows);
            MigrationState state;
            Optional<HistoryEntry> latest = store.latest(connection);
            if (migrating) {
                state = MigrationState.MIGRATING;
            } else if (latest.isPresent() && failedAndNotRepaired(latest.get(), applied)) {
                state = MigrationState.FAILED;
            } else if (!graph().unknown(rows).isEmpty()) {
                state = MigrationState.AHEAD;
            } else {
                state = pending.state();
            }
            return new MigratorStatus(state, rows, heads, pending.all(), applied.size(), pending.deferred());
        });
    }

    /** A failed last step whose effect is not in the version table: an upgrade not applied, a downgrade still applied. */
    private static boolean failedAndNotRepaired(HistoryEntry latest, Set<String> applied) {
        if (latest.success()) {
            return false;
        }
        return latest.direction() == Direction.DOWNGRADE ? applied.contains(latest.revision())
                : !applied.contains(latest.revision());
    }

    /**
     * The safety analysis of what {@code upgrade(target)} would apply: every rule of {@code docs/safety-rules.md}
     * applied to the pending revisions, in the context of each (transaction mode, phase, server version, and
     * the real size of every table). Reads the database, never changes it.
     */
    public SafetyReport analyze(String target) {
        return safety.analyze(target, SafetyOptions.defaults());
    }

    /**
     * {@link #analyze(String)} with options: offline (no database access: every revision from base is analysed
     * and earlier tables are taken to be large), measured (also applied on a scratch database whose locks and
     * rewrites are recorded per statement), thresholds, levels.
     */
    public SafetyReport analyze(String target, SafetyOptions options) {
        return safety.analyze(target, options);
    }

    /** The complete SQL script an upgrade from {@code from} to {@code to} would run; touches no database. */
    public String upgradeSql(String from, String to) {
        return engine.offline().upgrade(from, to);
    }

    /** The complete SQL script a downgrade from {@code from} to {@code to} would run; touches no database. */
    public String downgradeSql(String from, String to) {
        return engine.offline().downgrade(from, to);
    }

    /**
     * The SQL script a stamp from {@code from} to {@code to} would run (version-table changes and history rows,
     * no revision's statements); touches no database.
     */
    public String stampSql(String from, String to) {
        return engine.offline().stamp(from, to);
    }

    /** Every revision of the code, parents first. */
    public List<RevisionInfo> revisions() {
        List<RevisionInfo> infos = new ArrayList<>();
        for (RevisionNode node : graph().nodes()) {
            infos.add(engine.catalog().info(node.id()));
        }
        return infos;
    }

    private RevisionGraph graph() {
        return engine.catalog().graph();
    }

    private List<RevisionInfo> infos(List<String> ids) {
        List<RevisionInfo> infos = new ArrayList<>();
        for (String id : ids) {
            infos.add(engine.catalog().info(id));
        }
        return infos;
    }
}
