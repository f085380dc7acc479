package dev.migrator;

import dev.migrator.check.PostDeployCheck;
import dev.migrator.internal.command.AcceptChecksum;
import dev.migrator.internal.command.Check;
import dev.migrator.internal.command.CommandContext;
import dev.migrator.internal.command.History;
import dev.migrator.internal.command.Migrate;
import dev.migrator.internal.command.Stamp;
import dev.migrator.internal.command.Status;
import dev.migrator.internal.command.Validate;
import dev.migrator.internal.execute.Catalog;
import dev.migrator.internal.execute.ConnectionSource;
import dev.migrator.internal.execute.EarlyConnection;
import dev.migrator.internal.execute.OfflineScript;
import dev.migrator.result.AcceptedChecksum;
import dev.migrator.result.HistoryEntry;
import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigratorStatus;
import dev.migrator.result.RevisionDetails;
import dev.migrator.result.RevisionInfo;
import dev.migrator.result.MigratorStatus.RunSummary;
import dev.migrator.result.StampResult;
import dev.migrator.result.ValidationResult;
import dev.migrator.result.VerifyResult;
import dev.migrator.internal.safety.SafetyAnalyzer;
import dev.migrator.safety.SafetyOptions;
import dev.migrator.safety.SafetyReport;
import dev.migrator.safety.ScratchConnector;
import dev.migrator.internal.source.RevisionLoader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

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
 * Instances are immutable and safe to share between threads. Each method delegates to the class of its
 * verb in {@code dev.migrator.internal.command} (see {@code docs/architecture.md}).
 */
public final class Migrator {

    private final CommandContext context;
    private final SafetyAnalyzer safety;

    private Migrator(CommandContext context, SafetyAnalyzer safety) {
        this.context = context;
        this.safety = safety;
    }

    public static MigratorConfiguration configure() {
        return new MigratorConfiguration();
    }

    /** @param databaseRequired false for {@code loadRevisions()}: what reads only the code works without one */
    static Migrator load(MigratorConfiguration configuration, boolean databaseRequired) {
        if (databaseRequired) {
            ConfigurationValidator.requireDatabase(configuration);
        }
        ConnectionSource source = ConfigurationValidator.connectionSource(configuration);
        // A URL's first connection opens while the configuration is checked and the revisions load
        // (EarlyConnection says why); a DataSource is the application's pool, and loadRevisions() may never
        // need the database.
        EarlyConnection early = databaseRequired && configuration.getDataSource() == null
                ? EarlyConnection.start(source) : null;
        CommandContext context;
        try {
            context = new CommandContext(ConfigurationValidator.settings(configuration),
                    Catalog.of(RevisionLoader.load(configuration.getLocations(), configuration.getClassLoader(),
                            configuration.getMigrations())),
                    early != null ? early : source);
        } catch (RuntimeException | Error e) {
            if (early != null) {
                early.abandon();
            }
            throw e;
        }
        ScratchConnector scratch = configuration.getDataSource() != null
                ? ScratchConnector.forDataSource(configuration.getDataSource())
                : configuration.getUrl() != null
                        ? ScratchConnector.forUrl(configuration.getUrl(), configuration.getUser(), configuration.getPassword())
                        : database -> context.source().open(); // without a database: fails as every database command does
        return new Migrator(context, new SafetyAnalyzer(context, scratch));
    }

    /** Applies what {@code target} needs (see the targets chapter of the guide). */
    public MigrationResult upgrade(String target) {
        return new Migrate(context).upgrade(target);
    }

    /** Unapplies every applied revision {@code target} does not need; refuses, before anything runs, to cross an irreversible one. */
    public MigrationResult downgrade(String target) {
        return new Migrate(context).downgrade(target);
    }

    /** Sets the version table to {@code target} without running any revision. */
    public StampResult stamp(String target) {
        return new Stamp(context).stamp(target);
    }

    /** Every revision of the code this database has applied: the version-table rows and all they need. */
    public Set<String> applied() {
        return context.catalog().graph().appliedClosure(current());
    }

    /**
     * The ids of the code's revisions an absolute target names, sorted, without a database: {@code heads},
     * {@code head}, an id or prefix, {@code <label>@head}, {@code <label>@<id>}, {@code <id>±N}.
     */
    public List<String> resolve(String target) {
        return context.catalog().graph().resolve(target);
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
        return new AcceptChecksum(context).accept(revisionOrAll, reason);
    }

    /** The version-table rows (empty when the table does not exist). */
    public Set<String> current() {
        return new History(context).current();
    }

    public List<RevisionInfo> heads() {
        return context.catalog().infos(context.catalog().graph().heads());
    }

    /** Revisions with more than one child. */
    public List<RevisionInfo> branches() {
        return context.catalog().infos(context.catalog().graph().branchPoints());
    }

    /** The code's revisions in a range {@code [from]:[to]} ({@code ""} for all), newest first. */
    public List<RevisionInfo> history(String range) {
        return context.catalog().range(range == null ? "" : range);
    }

    public RevisionDetails show(String revision) {
        return new History(context).show(revision);
    }

    /**
     * Revisions not applied yet, in the order an {@code upgrade("heads")} would apply them: first
     * what runs under the contract policy, then what it defers (contract ones and what needs them).
     */
    public List<RevisionInfo> pending() {
        return new Status(context).pending();
    }

    /**
     * Fails on a changed checksum (or unknown revisions under {@code FAIL}); reports pending and unknown
     * ones. (Every file was checked completely when it was loaded.)
     */
    public ValidationResult validate() {
        return new Validate(context).validate();
    }

    /** Runs every applied revision's {@code verify} query: the verify checks of {@link #check}. */
    public VerifyResult verify() {
        return new Check(context).verify();
    }

    /**
     * Runs the post-deploy checks: the built-in ones (version table, checksums, INVALID indexes, schema
     * drift, every applied revision's verify query) and then {@code userChecks}, one after another on one
     * connection, each within the configured {@code checkTimeout}. A check that fails, throws or hangs is a
     * FAILED result naming the reason, never an exception.
     */
    public VerifyResult check(List<? extends PostDeployCheck> userChecks) {
        return new Check(context).check(userChecks);
    }

    /**
     * {@link #status()}, then, when {@code checkIf} accepts that status, {@link #check} on the same connection,
     * comparing with what was read with the status: one connection and one read of the state for a caller
     * that shows both (the actuator's summary and health). {@code checkIf} gets the status as soon as it is
     * read, before any check runs; a failure to read the status is thrown as {@link #status()} throws it.
     *
     * @return the checks' result; empty when {@code checkIf} declined
     */
    public Optional<VerifyResult> statusThenCheck(List<? extends PostDeployCheck> userChecks, Predicate<MigratorStatus> checkIf) {
        return new Check(context).statusThenCheck(userChecks, checkIf);
    }

    /**
     * The newest run (upgrade, downgrade or stamp) from the rows of {@code migrator_history} that carry its run
     * id: when it started and finished, how many steps it applied, whether all succeeded. Empty before the first
     * run that wrote a row (a run with nothing to do writes none).
     */
    public Optional<RunSummary> lastRun() {
        return new History(context).lastRun();
    }

    /** Executed steps from {@code migrator_history}, newest first. */
    public List<HistoryEntry> log(int limit) {
        return new History(context).log(limit);
    }

    /**
     * Where the database stands, with the newest run ({@link MigratorStatus#lastRun()}), in one status read:
     * it never waits for the database to come up, and its network reads are bounded by {@code readTimeout}
     * when one is configured.
     */
    public MigratorStatus status() {
        return new Status(context).status();
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
        return offline().upgrade(from, to);
    }

    /** The complete SQL script a downgrade from {@code from} to {@code to} would run; touches no database. */
    public String downgradeSql(String from, String to) {
        return offline().downgrade(from, to);
    }

    /**
     * The SQL script a stamp from {@code from} to {@code to} would run (version-table changes and history rows,
     * no revision's statements); touches no database.
     */
    public String stampSql(String from, String to) {
        return offline().stamp(from, to);
    }

    /** Every revision of the code, parents first. */
    public List<RevisionInfo> revisions() {
        return context.catalog().all();
    }

    private OfflineScript offline() {
        return new OfflineScript(context.settings(), context.catalog(), CommandContext.appliedBy());
    }
}
