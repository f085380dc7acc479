package dev.migrator;

import java.util.List;
import java.util.Set;

/**
 * Where the database stands, for health and the actuator endpoint.
 *
 * @param current version-table rows (empty when not initialised)
 * @param heads   the code's heads
 * @param pending revisions of the code not applied yet, in upgrade order (deferred contract ones included)
 * @param applied how many of the code's revisions are applied
 */
public record MigratorStatus(MigrationState state, Set<String> current, List<String> heads, List<RevisionInfo> pending, int applied) {

    public MigratorStatus {
        current = Set.copyOf(current);
        heads = List.copyOf(heads);
        pending = List.copyOf(pending);
    }
}
