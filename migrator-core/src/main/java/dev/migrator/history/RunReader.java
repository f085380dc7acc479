package dev.migrator.history;

import dev.migrator.RunSummary;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Optional;

/** Reads runs from the history table: the rows that share a run id ({@link HistoryLayout}). */
final class RunReader {

    private final StateTables tables;

    RunReader(StateTables tables) {
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
        String history = tables.historyTable();
        String aggregates = "SELECT r.run_id, min(h.started_at), max(h.finished_at), count(*),"
                + " count(*) FILTER (WHERE h.success AND h.direction <> 'stamp'), bool_and(h.success),"
                + " count(*) FILTER (WHERE h.finished_at IS NULL)";
        String sql = current
                // through the run_id index: the newest id, then its rows
                ? aggregates + " FROM " + history + " h JOIN (SELECT max(run_id) AS run_id FROM " + history
                        + ") r ON h.run_id = r.run_id GROUP BY r.run_id"
                : "WITH runs AS (" + layout.legacyRuns() + ") " + aggregates + " FROM " + history
                        + " h JOIN runs r ON r.id = h.id WHERE r.run_id = (SELECT max(run_id) FROM runs) GROUP BY r.run_id";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Timestamp finished = rs.getTimestamp(3);
            boolean open = rs.getLong(7) > 0;
            return Optional.of(new RunSummary(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                    open || finished == null ? null : finished.toInstant(), rs.getInt(4), rs.getInt(5), rs.getBoolean(6)));
        }
    }

}
