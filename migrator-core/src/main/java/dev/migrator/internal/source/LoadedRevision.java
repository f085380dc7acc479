package dev.migrator.internal.source;

import dev.migrator.Phase;
import dev.migrator.result.RevisionInfo;
import dev.migrator.internal.revision.RevisionNode;
import java.time.Duration;

/**
 * A revision loaded from a SQL file or a Java class: its graph node, its header, and its body.
 *
 * @param lockTimeout  per-revision override, or null for the configured default
 * @param irreversible reason, or null when the revision can be downgraded
 * @param checksum     SHA-256 hex of the normalised file; null for Java revisions
 * @param source       e.g. {@code classpath:db/migrations/x.sql}, {@code filesystem:/opt/m/x.sql}, {@code java:com.example.X}
 */
public record LoadedRevision(
        RevisionNode node,
        String message,
        Phase phase,
        boolean transactional,
        Duration lockTimeout,
        String irreversible,
        String checksum,
        String source,
        RevisionBody body) {

    public String id() {
        return node.id();
    }

    public RevisionInfo info() {
        return new RevisionInfo(node.id(), node.revises(), message, node.branchLabels(), node.dependsOn(),
                phase, transactional, source, checksum, irreversible);
    }
}
