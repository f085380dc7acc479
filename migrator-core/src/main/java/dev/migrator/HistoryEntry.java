package dev.migrator;

import java.time.Instant;
import java.util.List;

/** One row of the {@code migrator_history} audit table: one executed step. */
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
        String schemaFingerprint) {

    public HistoryEntry {
        revises = List.copyOf(revises);
    }
}
