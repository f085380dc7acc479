package dev.migrator;

import java.util.List;
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
 */
public record MigratorStatus(MigrationState state, Set<String> current, List<String> heads, List<RevisionInfo> pending,
        int applied, List<RevisionInfo> deferred) {

    public MigratorStatus {
        current = Set.copyOf(current);
        heads = List.copyOf(heads);
        pending = List.copyOf(pending);
        deferred = List.copyOf(deferred);
    }

    /** Whether something is pending and all of it is deferred contract work (or needs it). */
    public boolean onlyDeferredPending() {
        return !pending.isEmpty() && deferred.size() == pending.size();
    }
}
