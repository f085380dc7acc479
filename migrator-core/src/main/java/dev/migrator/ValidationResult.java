package dev.migrator;

import java.util.List;
import java.util.Set;

/**
 * The outcome of {@code validate}: what differs between the code and the database. A checksum
 * mismatch makes {@code validate()} throw; this result reports the rest.
 *
 * @param unknown version-table rows the code does not know (state {@code AHEAD})
 */
public record ValidationResult(MigrationState state, Set<String> current, List<RevisionInfo> pending, Set<String> unknown) {

    public ValidationResult {
        current = Set.copyOf(current);
        pending = List.copyOf(pending);
        unknown = Set.copyOf(unknown);
    }

    public boolean upToDate() {
        return pending.isEmpty();
    }
}
