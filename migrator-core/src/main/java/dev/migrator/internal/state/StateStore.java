package dev.migrator.internal.state;

import dev.migrator.result.HistoryEntry;
import dev.migrator.internal.support.Concat;
import dev.migrator.result.MigratorStatus.RunSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes Migrator's tables over JDBC. Writes of a step are rendered by {@link StateTables}. */
public final class StateStore {

    private static final Logger log = LoggerFactory.getLogger(StateStore.class);

    private final StateTables tables;

    public StateStore(StateTables tables) {
        this.tables = tables;
    }

    public StateTables tables() {
        return tables;
    }

    /** Whether the version table exists (state {@code NOT_INITIALIZED} otherwise). */
    public boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, tables.versionTable());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * What a run finds under the lock, in one round trip: whether the tables and the schema exist, whether
     * the history table has the current layout, and the new run's id.
     */
    public record Found(boolean tablesExist, boolean schemaExists, boolean currentLayout, long runId) {}

    /** Reads what {@link Found} holds; call it under the advisory lock. Sends no DDL. */
    public Found inspect(Connection connection) throws SQLException {
        HistoryLayout layout = new HistoryLayout(tables);
        try (PreparedStatement ps = connection.prepareStatement(Concat.of("SELECT to_regclass(?) IS NOT NULL AND to_regclass(?) IS NOT NULL, "
                + "(? IS NULL OR EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)), ", layout.hasRunId(), ", ",
                HistoryLayout.NEW_RUN_ID))) {
            ps.setString(1, tables.versionTable());
            ps.setString(2, tables.historyTable());
            ps.setString(3, tables.schema());
            ps.setString(4, tables.schema());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Found(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getLong(4));
            }
        }
    }

    /**
     * Creates the schema (when missing) and the tables in the current layout. Call it under the advisory lock,
     * only when {@link #inspect} found them missing: once they exist no DDL is sent at all, so a migration role
     * needs no CREATE privilege on the database (not even for a no-op {@code CREATE SCHEMA IF NOT EXISTS},
     * which PostgreSQL checks before seeing the schema exists).
     */
    public void create(Connection connection, Found found) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : found.schemaExists() ? tables.createTableStatements() : tables.createStatements()) {
                statement.addBatch(ddl);
            }
            statement.executeBatch();
        }
    }

    /** Upgrades a history table of the first layout ({@link HistoryLayout#upgrade(Connection, java.time.Duration)}). */
    public void upgradeLayout(Connection connection, java.time.Duration lockTimeout) throws SQLException {
        new HistoryLayout(tables).upgrade(connection, lockTimeout);
    }

    public Set<String> versionRows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(versionRowsQuery())) {
            return versionRows(rs);
        }
    }

    /**
     * The version rows and, when {@code withChecksums}, the recorded checksums, in one round trip: the
     * two queries go in one {@code execute}, which the driver sends as one message sequence with a
     * single Sync, so the server answers both before the client waits.
     */
    public AppliedState appliedState(Connection connection, boolean withChecksums) throws SQLException {
        if (!withChecksums) {
            return new AppliedState(versionRows(connection), List.of());
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(versionRowsQuery() + ";\n" + checksumsQuery());
            Set<String> rows;
            try (ResultSet rs = statement.getResultSet()) {
                rows = versionRows(rs);
            }
            if (!statement.getMoreResults()) {
                throw new SQLException("No result for the recorded checksums");
            }
            try (ResultSet rs = statement.getResultSet()) {
                return new AppliedState(rows, checksums(rs));
            }
        }
    }

    /**
     * {@link #appliedState} for a run, under the advisory lock, in the same round trip: first fails the history
     * rows a session that has ended left open ({@link HistoryLayout#closeAbandoned}), so neither the history nor
     * {@code lastRun} shows a step that neither finished nor failed.
     *
     * @param detectedBy who closes them (this run's {@code user@host pid N}), named in their error
     */
    public AppliedState appliedStateForRun(Connection connection, boolean withChecksums, String detectedBy) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(Concat.of(new HistoryLayout(tables).closeAbandoned(detectedBy), ";\n", versionRowsQuery(),
                    withChecksums ? ";\n" : "", withChecksums ? checksumsQuery() : ""));
            try (ResultSet rs = statement.getResultSet()) {
                while (rs.next()) {
                    log.warn("History row of {} {} (started {} by {}) was still open: its session ended before the step "
                            + "finished. Recorded it as failed (\"{}\").", rs.getString(2), rs.getString(1),
                            rs.getTimestamp(3).toInstant(), rs.getString(4), HistoryLayout.ABANDONED);
                }
            }
            Set<String> rows;
            if (!statement.getMoreResults()) {
                throw new SQLException("No result for the version rows");
            }
            try (ResultSet rs = statement.getResultSet()) {
                rows = versionRows(rs);
            }
            if (!withChecksums) {
                return new AppliedState(rows, List.of());
            }
            if (!statement.getMoreResults()) {
                throw new SQLException("No result for the recorded checksums");
            }
            try (ResultSet rs = statement.getResultSet()) {
                return new AppliedState(rows, checksums(rs));
            }
        }
    }

    String versionRowsQuery() {
        return Concat.of("SELECT revision FROM ", tables.versionTable(), " ORDER BY revision");
    }

    /**
     * Every successful upgrade's and stamp's row, in no order: picking each revision's latest in Java is
     * cheaper than asking the server to sort the whole history by revision ({@code DISTINCT ON}), which
     * every start would pay (0.3 instead of 1 ms at 1,000 rows, and the history only grows). Rows without
     * a checksum (Java revisions, a stamp that only removed rows) never stand for a file.
     */
    String checksumsQuery() {
        return Concat.of("SELECT id, revision, checksum FROM ", tables.historyTable(),
                " WHERE direction IN ('upgrade', 'stamp') AND success AND checksum IS NOT NULL");
    }

    static Set<String> versionRows(ResultSet rs) throws SQLException {
        Set<String> rows = new LinkedHashSet<>();
        while (rs.next()) {
            rows.add(rs.getString(1));
        }
        return rows;
    }

    /** The checksum of each revision's latest successful upgrade or stamp that recorded one. */
    static List<AppliedState.Checksum> checksums(ResultSet rs) throws SQLException {
        Map<String, Latest> latest = new HashMap<>();
        while (rs.next()) {
            long id = rs.getLong(1);
            String revision = rs.getString(2);
            Latest known = latest.get(revision);
            if (known == null || known.id < id) {
                latest.put(revision, new Latest(id, rs.getString(3)));
            }
        }
        List<AppliedState.Checksum> checksums = new ArrayList<>(latest.size());
        for (Map.Entry<String, Latest> entry : latest.entrySet()) {
            checksums.add(new AppliedState.Checksum(entry.getKey(), entry.getValue().checksum));
        }
        return checksums;
    }

    private record Latest(long id, String checksum) {}

    /** History rows, newest first. */
    public List<HistoryEntry> history(Connection connection, int limit) throws SQLException {
        return new HistoryReader(tables).history(connection, limit);
    }

    /** The newest run ({@link HistoryReader#lastRun}). */
    public Optional<RunSummary> lastRun(Connection connection) throws SQLException {
        return new HistoryReader(tables).lastRun(connection);
    }

    /** When {@code revision} was last successfully upgraded or stamped, or null. */
    public Instant appliedAt(Connection connection, String revision) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT max(coalesce(finished_at, started_at)) FROM "
                + tables.historyTable() + " WHERE revision = ? AND success AND direction IN ('upgrade', 'stamp')")) {
            ps.setString(1, revision);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp ts = rs.getTimestamp(1);
                return ts == null ? null : ts.toInstant();
            }
        }
    }

    /** A bookkeeping write touched another number of rows than it must: someone else changed the table. */
    public static final class RowCountMismatch extends Exception {
        private static final long serialVersionUID = 1L;

        RowCountMismatch(BookkeepingStatement statement, int actual) {
            super(statement.sql() + " touched " + actual + " rows instead of " + statement.expectedRows());
        }
    }

    /**
     * Runs bookkeeping writes (a stamp's) in one transaction, checking each one's row count; anything that
     * fails rolls all of them back. Leaves the connection in autocommit.
     */
    public void commitChecked(Connection connection, List<BookkeepingStatement> writes) throws SQLException, RowCountMismatch {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (BookkeepingStatement write : writes) {
                int rows = statement.executeUpdate(write.sql());
                if (write.expectedRows() >= 0 && rows != write.expectedRows()) {
                    throw new RowCountMismatch(write, rows);
                }
            }
            connection.commit();
        } catch (SQLException | RowCountMismatch | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Inserts a started row (autocommit) and returns its id. */
    public long insertStarted(Connection connection, HistoryRow row) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(tables.historyStartedInsert(row))) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
