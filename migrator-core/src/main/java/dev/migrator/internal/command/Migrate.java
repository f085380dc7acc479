package dev.migrator.internal.command;

import dev.migrator.Direction;
import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.Phase;
import dev.migrator.UnknownRevisionPolicy;
import dev.migrator.internal.execute.Catalog;
import dev.migrator.internal.execute.EngineSettings;
import dev.migrator.internal.execute.StepExecutor;
import dev.migrator.result.MigrationResult;
import dev.migrator.result.RevisionInfo;
import dev.migrator.result.MigrationResult.StepResult;
import dev.migrator.internal.revision.Plan;
import dev.migrator.internal.revision.Step;
import dev.migrator.internal.source.LoadedRevision;
import dev.migrator.internal.state.AppliedState;
import dev.migrator.internal.state.StateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code upgrade} and {@code downgrade} (Flyway's {@code DbMigrate}, Alembic's {@code command.upgrade}):
 * under the migration lock, read the state, refuse what must not run (changed checksums, a database ahead of
 * the code, irreversible revisions), plan, and run the plan's steps one by one.
 */
public final class Migrate {

    private static final Logger log = LoggerFactory.getLogger(Migrate.class);

    private final CommandContext context;
    private final Catalog catalog;
    private final EngineSettings settings;

    public Migrate(CommandContext context) {
        this.context = context;
        this.catalog = context.catalog();
        this.settings = context.settings();
    }

    /** Applies what {@code target} needs; a configured baseline is stamped first on a schema without Migrator state. */
    public MigrationResult upgrade(String target) {
        return run(Direction.UPGRADE, target);
    }

    /** Unapplies every applied revision {@code target} does not need; refuses, before anything runs, to cross an irreversible one. */
    public MigrationResult downgrade(String target) {
        return run(Direction.DOWNGRADE, target);
    }

    private MigrationResult run(Direction direction, String target) {
        return LockedRun.run(context, direction, target, (connection, store, lockWait) -> underLock(connection, store,
                lockWait, direction, target), result -> context.listeners().emit(l -> l.runSucceeded(result)));
    }

    private MigrationResult underLock(Connection connection, StateStore store, Duration lockWait, Direction direction,
            String target) throws SQLException {
        Instant startedAt = Instant.now();
        if (direction == Direction.UPGRADE && settings.baseline() != null
                && Baseline.applies(connection, store, settings.tablePrefix())) {
            log.info("Schema {} holds tables but no Migrator state: stamping baseline {} before the upgrade",
                    store.tables().schema(), settings.baseline());
            new Stamp(context).underLock(connection, store, settings.baseline());
        }
        AppliedState state = store.appliedStateForRun(connection, settings.validateChecksums(), CommandContext.appliedBy());
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
        Checksums.validate(catalog, state);
        List<Step> steps = plan.steps();
        List<RevisionInfo> deferred = catalog.infos(plan.heldBack());
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
        StepExecutor executor = new StepExecutor(settings, store, context.listeners(), CommandContext.appliedBy(),
                context.source());
        List<StepResult> results = new ArrayList<>();
        for (Step step : steps) {
            results.add(executor.run(connection, catalog.get(step.revision()), step));
        }
        if (!results.isEmpty()) {
            SchemaRecord.afterRun(connection, store);
        }
        Set<String> after = steps.isEmpty() ? before : store.versionRows(connection);
        if (results.isEmpty()) {
            log.info("Nothing to {}: the database is at {}", direction.label(), before.isEmpty() ? "base" : before);
        }
        return new MigrationResult(direction, before, after, results, deferred, lockWait, startedAt, Instant.now());
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
}
