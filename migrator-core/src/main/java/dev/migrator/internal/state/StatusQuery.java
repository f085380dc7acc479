package dev.migrator.internal.state;

import dev.migrator.internal.dialect.postgresql.PostgresText;
import dev.migrator.result.HistoryEntry;
import dev.migrator.result.MigratorStatus.RunSummary;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a status read needs of Migrator's tables, in two round trips instead of one per question: the
 * first finds the tables (whether the version table exists, the history table's layout) together with a
 * question of the caller's (whether another session holds the migration lock); the second, only when the
 * tables exist, reads the version rows, the newest history row, the newest run and, for the post-deploy
 * checks, the recorded checksums. The statements of the second go in one {@code execute}, which the driver
 * sends with a single Sync: the server answers all of them before the client waits. Two, not one, because
 * a statement naming a table that does not exist fails as a whole.
 */
public final class StatusQuery {

    private final StateTables tables;

    public StatusQuery(StateTables tables) {
        this.tables = tables;
    }

    /**
     * What the first round trip found.
     *
     * @param asked         the caller's question
     * @param exists        whether the version table exists ({@code NOT_INITIALIZED} otherwise)
     * @param currentLayout whether the history table has the current layout ({@link HistoryLayout})
     */
    public record Found(boolean asked, boolean exists, boolean currentLayout) {}

    /**
     * What the second round trip read; all empty when the version table does not exist.
     *
     * @param versionRows the version table's rows, ordered by revision
     * @param latest      the newest history row
     * @param lastRun     the newest run
     * @param checksums   each revision's recorded checksum (the last successful upgrade or stamp that recorded one); empty unless asked for
     */
    public record Rows(Set<String> versionRows, Optional<HistoryEntry> latest, Optional<RunSummary> lastRun,
            Map<String, String> checksums) {

        static final Rows NONE = new Rows(Set.of(), Optional.empty(), Optional.empty(), Map.of());
    }

    /** The first round trip: whether the tables exist, and {@code question} (an SQL boolean expression). */
    public Found find(Connection connection, String question) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + question + ", to_regclass("
                        + PostgresText.literal(tables.versionTable()) + ") IS NOT NULL, "
                        + new HistoryLayout(tables).hasRunId())) {
            rs.next();
            return new Found(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3));
        }
    }

    /** The second round trip; none when the version table does not exist. */
    public Rows read(Connection connection, Found found, boolean withChecksums) throws SQLException {
        if (!found.exists()) {
            return Rows.NONE;
        }
        StateStore store = new StateStore(tables);
        HistoryReader history = new HistoryReader(tables);
        String sql = store.versionRowsQuery() + ";\n" + history.historyQuery("1") + ";\n"
                + history.lastRunQuery(found.currentLayout()) + (withChecksums ? ";\n" + store.checksumsQuery() : "");
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            Set<String> rows;
            try (ResultSet rs = statement.getResultSet()) {
                rows = StateStore.versionRows(rs);
            }
            Optional<HistoryEntry> latest;
            try (ResultSet rs = next(statement, "the newest history row")) {
                latest = HistoryReader.entries(rs).stream().findFirst();
            }
            Optional<RunSummary> lastRun;
            try (ResultSet rs = next(statement, "the newest run")) {
                lastRun = HistoryReader.lastRun(rs);
            }
            Map<String, String> checksums = new HashMap<>();
            if (withChecksums) {
                try (ResultSet rs = next(statement, "the recorded checksums")) {
                    for (AppliedState.Checksum checksum : StateStore.checksums(rs)) {
                        checksums.put(checksum.revision(), checksum.checksum());
                    }
                }
            }
            return new Rows(rows, latest, lastRun, checksums);
        }
    }

    private static ResultSet next(Statement statement, String what) throws SQLException {
        if (!statement.getMoreResults()) {
            throw new SQLException("No result for " + what);
        }
        return statement.getResultSet();
    }
}
