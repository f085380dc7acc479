package dev.migrator.result;

import java.time.Instant;
import dev.migrator.ContractPolicy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the database stands, for health and the actuator endpoint.
 *
 * @param current  version-table rows (empty when not initialised)
 * @param heads    the code's heads
 * @param pending  revisions of the code not applied yet, in upgrade order (deferred contract ones included)
 * @param applied  how many of the code's revisions are applied
 * @param deferred the pending revisions an upgrade leaves pending under {@link ContractPolicy#DEFER}:
 *                 contract-phase revisions and every revision that needs one; empty under
 *                 {@link ContractPolicy#APPLY}. State {@code CONTRACT_PENDING} means every pending
 *                 revision is deferred.
 * @param lastRun  the newest run ({@code Migrator.lastRun()}), read with the rest in the same status read;
 *                 empty before the first run that wrote a history row
 */
public record MigratorStatus(MigrationState state, Set<String> current, List<String> heads, List<RevisionInfo> pending,
        int applied, List<RevisionInfo> deferred, Optional<RunSummary> lastRun) {

    public MigratorStatus {
        current = Set.copyOf(current);
        heads = List.copyOf(heads);
        pending = List.copyOf(pending);
        deferred = List.copyOf(deferred);
        lastRun = Objects.requireNonNull(lastRun, "lastRun");
    }

    /** A status without its newest run (none was read). */
    public MigratorStatus(MigrationState state, Set<String> current, List<String> heads, List<RevisionInfo> pending,
            int applied, List<RevisionInfo> deferred) {
        this(state, current, heads, pending, applied, deferred, Optional.empty());
    }

    /** Whether something is pending and all of it is deferred contract work (or needs it). */
    public boolean onlyDeferredPending() {
        return !pending.isEmpty() && deferred.size() == pending.size();
    }

    /** The state of a database relative to the code's revision graph (the {@code state} of the actuator endpoint). */
    public enum MigrationState {
        /** No version table yet. */
        NOT_INITIALIZED,
        /** Revisions of the code are not applied yet. */
        PENDING,
        /** A run is in progress. */
        MIGRATING,
        /** Every pending revision is a deferred contract-phase revision or needs one. */
        CONTRACT_PENDING,
        UP_TO_DATE,
        /** The database holds revisions the code does not know (an older release against a newer schema). */
        AHEAD,
        /** The last run failed. */
        FAILED
    }

    /**
     * One run (an upgrade, downgrade or stamp) as its history rows tell it: every row of a run carries the
     * run's id. {@link Migrator#lastRun()} reads the newest.
     *
     * @param runId      the run's id: the server's clock at its start, in microseconds since 1970 (runs hold the
     *                   migration lock one at a time, so ids are unique and ordered as the runs started)
     * @param startedAt  when its first step started
     * @param finishedAt when its last step ended; null while a step of it has not ended (it is running, or its
     *                   process died and no run has come since to record that)
     * @param steps      its history rows (steps executed, failed ones included)
     * @param applied    its successful upgrade and downgrade steps (stamps are not counted)
     * @param success    whether every step succeeded (false while one is still running)
     */
    public record RunSummary(long runId, Instant startedAt, Instant finishedAt, int steps, int applied, boolean success) {}
}
