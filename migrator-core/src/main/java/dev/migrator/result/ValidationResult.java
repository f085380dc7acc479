package dev.migrator.result;

import dev.migrator.result.MigratorStatus.MigrationState;

import dev.migrator.ContractPolicy;
import java.util.List;
import java.util.Set;

/**
 * The outcome of {@code validate}: what differs between the code and the database. A checksum
 * mismatch makes {@code validate()} throw; this result reports the rest.
 *
 * @param pending  revisions of the code not applied yet, in upgrade order (deferred ones included)
 * @param unknown  version-table rows the code does not know (state {@code AHEAD})
 * @param deferred the pending revisions an upgrade leaves pending under {@link ContractPolicy#DEFER}
 *                 (contract-phase revisions and everything that needs one)
 */
public record ValidationResult(MigrationState state, Set<String> current, List<RevisionInfo> pending, Set<String> unknown,
        List<RevisionInfo> deferred) {

    public ValidationResult {
        current = Set.copyOf(current);
        pending = List.copyOf(pending);
        unknown = Set.copyOf(unknown);
        deferred = List.copyOf(deferred);
    }

    public boolean upToDate() {
        return pending.isEmpty();
    }

    /** The pending revisions an upgrade would apply now, i.e. those not deferred, in upgrade order. */
    public List<RevisionInfo> blocking() {
        if (deferred.isEmpty()) {
            return pending;
        }
        Set<String> waiting = new java.util.HashSet<>();
        deferred.forEach(r -> waiting.add(r.revision()));
        return pending.stream().filter(r -> !waiting.contains(r.revision())).toList();
    }
}
