package dev.migrator.internal.state;

import dev.migrator.Direction;
import dev.migrator.Phase;
import java.util.List;

/**
 * What the engine writes into one history row.
 *
 * @param startedAt a SQL expression for the start time ({@code now()} offline, a literal online)
 */
public record HistoryRow(
        String revision,
        List<String> revises,
        Direction direction,
        String message,
        Phase phase,
        String checksum,
        String startedAt,
        boolean success,
        String error,
        String appliedBy) {

    public HistoryRow {
        revises = List.copyOf(revises);
    }

    public HistoryRow failed(String error) {
        return new HistoryRow(revision, revises, direction, message, phase, checksum, startedAt, false, error, appliedBy);
    }
}
