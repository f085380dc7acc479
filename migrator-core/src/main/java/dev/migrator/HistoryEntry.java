package dev.migrator;

import java.time.Instant;
import java.util.List;

/**
 * One row of the {@code migrator_history} audit table: one executed step.
 *
 * @param runId the run the step belongs to (every row of one upgrade, downgrade or stamp has the same; see
 *     {@link RunSummary}); null on a row an older release wrote, or while the table has the first layout
 */
public record HistoryEntry(
        long id,
        String revision,
        List<String> revises,
        Direction direction,
        String message,
        Phase phase,
        String checksum,
        Instant startedAt,
        Instant finishedAt,
        long durationMs,
        boolean success,
        String error,
        String appliedBy,
        String schemaFingerprint,
        Long runId) {

    public HistoryEntry {
        revises = List.copyOf(revises);
    }
}
