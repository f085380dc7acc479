package dev.migrator.internal.command;

import dev.migrator.Direction;
import dev.migrator.internal.execute.Catalog;
import dev.migrator.internal.lock.AdvisoryLock;
import dev.migrator.internal.lock.LockHolder;
import dev.migrator.result.HistoryEntry;
import dev.migrator.result.MigratorStatus.MigrationState;
import dev.migrator.result.MigratorStatus;
import dev.migrator.result.RevisionInfo;
import dev.migrator.internal.revision.Plan;
import dev.migrator.internal.state.StateStore;
import dev.migrator.internal.state.StatusQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code status} (Flyway's {@code info}, Alembic's {@code current} with heads): where the database stands,
 * as one state of {@link MigrationState}, read in one status read that never waits for the database. Also
 * the one place that says what is pending and, of that, what the contract policy defers.
 */
public final class Status {

    private final CommandContext context;
    private final Catalog catalog;

    public Status(CommandContext context) {
        this.context = context;
        this.catalog = context.catalog();
    }

    /** Where the database stands, with the newest run: one status read, one connection. */
    public MigratorStatus status() {
        return new StateRead(context).readState(this::read);
    }

    /** The status as read on {@code connection} (for verbs that read more in the same round of reads). */
    MigratorStatus read(Connection connection, StateStore store) throws SQLException {
        return read(connection, store, false).status();
    }

    /**
     * The status and what was read with it, on {@code connection}, in two round trips ({@link StatusQuery}):
     * the migration lock and the tables, then the version rows, the newest history row, the newest run and,
     * when {@code withChecksums}, the recorded checksums (for the post-deploy checks).
     */
    Reading read(Connection connection, StateStore store, boolean withChecksums) throws SQLException {
        List<String> heads = catalog.graph().heads();
        long key = AdvisoryLock.keyFor(store.tables().schema(), context.settings().tablePrefix());
        StatusQuery query = new StatusQuery(store.tables());
        StatusQuery.Found found = query.find(connection, LockHolder.heldByAnotherCondition(key));
        boolean migrating = found.asked();
        StatusQuery.Rows read = query.read(connection, found, withChecksums);
        if (!found.exists()) {
            Pending pending = pending(Set.of());
            return new Reading(new MigratorStatus(migrating ? MigrationState.MIGRATING : MigrationState.NOT_INITIALIZED,
                    Set.of(), heads, pending.all(), 0, pending.deferred(), Optional.empty()), read);
        }
        Set<String> rows = read.versionRows();
        Set<String> applied = catalog.graph().appliedClosure(rows);
        Pending pending = pending(rows);
        Optional<HistoryEntry> latest = read.latest();
        MigrationState state;
        if (migrating) {
            state = MigrationState.MIGRATING;
        } else if (latest.isPresent() && failedAndNotRepaired(latest.get(), applied)) {
            state = MigrationState.FAILED;
        } else if (!catalog.graph().unknown(rows).isEmpty()) {
            state = MigrationState.AHEAD;
        } else {
            state = pending.state();
        }
        return new Reading(new MigratorStatus(state, rows, heads, pending.all(), applied.size(), pending.deferred(),
                read.lastRun()), read);
    }

    /** A status, and the rows it was read from (the checks compare the recorded checksums and fingerprint). */
    record Reading(MigratorStatus status, StatusQuery.Rows rows) {}

    /**
     * Revisions not applied yet, in the order an {@code upgrade("heads")} would apply them: first
     * what runs under the contract policy, then what it defers (contract ones and what needs them).
     */
    public List<RevisionInfo> pending() {
        return pending(new History(context).current()).all();
    }

    /** What is pending and, of that, what the contract policy defers: read from the upgrade's own plan. */
    record Pending(List<RevisionInfo> all, List<RevisionInfo> deferred) {

        /** UP_TO_DATE, CONTRACT_PENDING (everything pending is deferred) or PENDING. */
        MigrationState state() {
            return all.isEmpty() ? MigrationState.UP_TO_DATE
                    : deferred.size() == all.size() ? MigrationState.CONTRACT_PENDING : MigrationState.PENDING;
        }
    }

    /** Nothing is pending for a database AHEAD of the code: what lies below unknown revisions cannot be told. */
    Pending pending(Set<String> rows) {
        if (!catalog.graph().unknown(rows).isEmpty()) {
            return new Pending(List.of(), List.of());
        }
        Plan plan = catalog.upgrade(rows, "heads", context.settings().contract());
        List<RevisionInfo> all = new ArrayList<>();
        plan.steps().forEach(step -> all.add(catalog.info(step.revision())));
        List<RevisionInfo> deferred = catalog.infos(plan.heldBack());
        all.addAll(deferred);
        return new Pending(all, deferred);
    }

    /** A failed last step whose effect is not in the version table: an upgrade not applied, a downgrade still applied. */
    private static boolean failedAndNotRepaired(HistoryEntry latest, Set<String> applied) {
        if (latest.success()) {
            return false;
        }
        return latest.direction() == Direction.DOWNGRADE ? applied.contains(latest.revision())
                : !applied.contains(latest.revision());
    }
}
