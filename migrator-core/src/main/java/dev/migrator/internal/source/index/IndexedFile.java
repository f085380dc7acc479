package dev.migrator.internal.source.index;

import dev.migrator.Phase;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One SQL revision file as a {@link RevisionIndex} records it: everything a start-up needs to know about
 * the revision without opening the file, and what tells whether the file is still the one indexed.
 *
 * @param relativePath  '/'-separated path below the location, the file's key
 * @param size          the file's length in bytes, compared with the listing at start-up
 * @param checksum      the revision's checksum (SHA-256 hex of the normalised text), checked against the
 *                      file whenever the file is read
 * @param branchLabels  in the order the header gives them
 * @param lockTimeout   the header's Lock-Timeout, or null
 * @param irreversible  the header's reason, or null
 * @param verifyLine    line of the {@code migrate:verify} query, 0 when there is none
 * @param verifySql     the verify query, or null
 */
public record IndexedFile(
        String relativePath,
        long size,
        String checksum,
        String id,
        List<String> revises,
        List<String> dependsOn,
        List<String> branchLabels,
        Phase phase,
        boolean transactional,
        Duration lockTimeout,
        String irreversible,
        String message,
        int verifyLine,
        String verifySql) {

    public IndexedFile {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(id, "id");
        revises = List.copyOf(revises);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = List.copyOf(branchLabels);
        Objects.requireNonNull(phase, "phase");
        message = message == null ? "" : message;
    }
}
