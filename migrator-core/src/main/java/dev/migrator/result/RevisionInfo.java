package dev.migrator.result;

import dev.migrator.Phase;
import java.util.List;
import java.util.Set;

/**
 * A revision as the code defines it (no database state).
 *
 * @param source   where it was loaded from, e.g. {@code classpath:db/migrations/1f3c_add_email.sql}
 *                 or {@code java:com.example.AddEmailVerified}
 * @param checksum SHA-256 (hex) of the normalised SQL file; null for Java revisions
 * @param irreversible the reason given, or null when the revision can be downgraded
 */
public record RevisionInfo(
        String revision,
        List<String> revises,
        String message,
        Set<String> branchLabels,
        List<String> dependsOn,
        Phase phase,
        boolean transactional,
        String source,
        String checksum,
        String irreversible) {

    public RevisionInfo {
        revises = List.copyOf(revises);
        branchLabels = Set.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }
}
