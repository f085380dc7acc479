package dev.migrator.internal.state;

import dev.migrator.Direction;
import dev.migrator.result.HistoryEntry;
import dev.migrator.Phase;
import dev.migrator.result.MigratorStatus.RunSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the history table: its rows, newest first, and runs (the rows that share a run id, {@link HistoryLayout}). */
final class HistoryReader {

    private final StateTables tables;

    HistoryReader(StateTables tables) {
        this.tables = tables;
    }

    /**
     * The newest run: the rows of the greatest run id. On a history table of the first layout (no run has
     * upgraded it yet) runs are told by the rule the upgrade applies to old rows ({@link HistoryLayout}).
     * Empty when the history holds no row.
     */
    Optional<RunSummary> lastRun(Connection connection) throws SQLException {
        HistoryLayout layout = new HistoryLayout(tables);
        boolean current;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT " + layout.hasRunId())) {
            rs.next();
            current = rs.getBoolean(1);
        }
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(lastRunQuery(current))) {
            return lastRun(rs);
        }
    }

    /** The query of {@link #lastRun(Connection)} for a history table of the current layout ({@code current}) or the first. */
    String lastRunQuery(boolean current) {
        HistoryLayout layout = new HistoryLayout(tables);
        String history = tables.historyTable();
        String aggregates = "SELECT r.run_id, min(h.started_at), max(h.finished_at), count(*),"
                + " count(*) FILTER (WHERE h.success AND h.direction <> 'stamp'), bool_and(h.success),"
                + " count(*) FILTER (WHERE h.finished_at IS NULL)";
        return current
                // through the run_id index: the newest id, then its rows
                ? aggregates + " FROM " + history + " h JOIN (SELECT max(run_id) AS run_id FROM " + history
                        + ") r ON h.run_id = r.run_id GROUP BY r.run_id"
                : "WITH runs AS (" + layout.legacyRuns() + ") " + aggregates + " FROM " + history
                        + " h JOIN runs r ON r.id = h.id WHERE r.run_id = (SELECT max(run_id) FROM runs) GROUP BY r.run_id";
    }

    /** The newest run from the result of {@link #lastRunQuery}. */
    static Optional<RunSummary> lastRun(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return Optional.empty();
        }
        Timestamp finished = rs.getTimestamp(3);
        boolean open = rs.getLong(7) > 0;
        return Optional.of(new RunSummary(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                open || finished == null ? null : finished.toInstant(), rs.getInt(4), rs.getInt(5), rs.getBoolean(6)));
    }

    /** History rows, newest first. */
    List<HistoryEntry> history(Connection connection, int limit) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(historyQuery("?"))) {
            ps.setInt(1, Math.max(0, limit));
            try (ResultSet rs = ps.executeQuery()) {
                return entries(rs);
            }
        }
    }

    /** History rows, newest first, at most {@code limit} (SQL: a parameter or a number). */
    String historyQuery(String limit) {
        // run_id through to_jsonb: a read never upgrades the layout, and a table of the first layout has no such column
        return "SELECT id, revision, revises, direction, message, phase,"
                + " checksum, started_at, finished_at, duration_ms, success, error, applied_by, schema_fingerprint,"
                + " (to_jsonb(h) ->> 'run_id')::bigint AS run_id FROM " + tables.historyTable() + " h ORDER BY id DESC LIMIT " + limit;
    }

    /** The rows of a result of {@link #historyQuery}. */
    static List<HistoryEntry> entries(ResultSet rs) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        while (rs.next()) {
            entries.add(entry(rs));
        }
        return entries;
    }

    private static HistoryEntry entry(ResultSet rs) throws SQLException {
        String revises = rs.getString("revises");
        String phase = rs.getString("phase");
        Timestamp finished = rs.getTimestamp("finished_at");
        long duration = rs.getLong("duration_ms");
        return new HistoryEntry(
                rs.getLong("id"),
                rs.getString("revision"),
                revises == null || revises.isEmpty() ? List.of() : Arrays.asList(revises.split(",")),
                Direction.valueOf(rs.getString("direction").toUpperCase(Locale.ROOT)),
                rs.getString("message"),
                phase == null ? null : Phase.valueOf(phase.toUpperCase(Locale.ROOT)),
                rs.getString("checksum"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                duration,
                rs.getBoolean("success"),
                rs.getString("error"),
                rs.getString("applied_by"),
                rs.getString("schema_fingerprint"),
                rs.getObject("run_id", Long.class));
    }
}
