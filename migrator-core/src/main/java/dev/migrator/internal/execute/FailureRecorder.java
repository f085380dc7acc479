package dev.migrator.internal.execute;

import dev.migrator.ErrorCode;
import dev.migrator.internal.dialect.postgresql.PostgresErrors;
import dev.migrator.internal.state.HistoryRow;
import dev.migrator.internal.state.StateTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a failed step into the history: on the migrating connection, or, when that connection is
 * gone (its session terminated, the server restarted), on a fresh one, so that a failure is recorded
 * even then. Each write is its own short transaction under {@code lock_timeout}.
 *
 * <p>A fresh connection writes outside the migration lock (the lost session took the lock with it), so
 * the writes are guarded: a transactional step's failed row is inserted only if the step's own success
 * row is absent (a connection lost during COMMIT may have committed it), and a non-transactional step's
 * row is completed only while it is still open.
 */
final class FailureRecorder {

    private static final Logger log = LoggerFactory.getLogger(FailureRecorder.class);

    /** What became of the recording. */
    enum Outcome {
        /** The failed row is in the history. */
        RECORDED,
        /** Nothing written: the step's success is recorded (it committed before its connection was lost). */
        STEP_COMMITTED,
        /** Nothing written: neither connection could write; the next run closes an open row. */
        NOT_RECORDED
    }

    /** @param note for the message when a fresh connection was needed and failed too (null otherwise) */
    record Recorded(Outcome outcome, String note) {}

    private final ConnectionSource connections;
    private final StateTables tables;
    private final Duration lockTimeout;

    FailureRecorder(ConnectionSource connections, StateTables tables, Duration lockTimeout) {
        this.connections = connections;
        this.tables = tables;
        this.lockTimeout = bounded(lockTimeout);
    }

    /** The lock wait of Migrator's own short writes: the configured one, bounded even when that is off (0). */
    static Duration bounded(Duration lockTimeout) {
        return lockTimeout.isZero() ? Duration.ofSeconds(5) : lockTimeout;
    }

    /** The failed row of a transactional step (whose transaction wrote nothing). */
    Recorded insertFailed(Connection migrating, HistoryRow failed) {
        return write(migrating, failed.revision(), tables.historyFailedInsert(failed));
    }

    /** Completes the open row {@code historyId} of a non-transactional step as failed. */
    Recorded completeFailed(Connection migrating, long historyId, HistoryRow row, String error) {
        return write(migrating, row.revision(), tables.historyComplete(historyId, row.startedAt(), false, error));
    }

    private Recorded write(Connection migrating, String revision, String sql) {
        SQLException failure;
        try {
            return recorded(execute(migrating, sql));
        } catch (SQLException e) {
            failure = e;
        }
        if (!gone(migrating, failure)) {
            log.warn("Could not record the failure of revision {} in the history table: {}", revision, PostgresErrors.describe(failure));
            return new Recorded(Outcome.NOT_RECORDED, null);
        }
        try (Connection fresh = connections.open()) {
            if (fresh == null) {
                throw new SQLException("the DataSource returned no connection");
            }
            Recorded recorded = recorded(execute(fresh, sql));
            log.info("Recorded the failure of revision {} from a new connection: the migrating one is gone", revision);
            return recorded;
        } catch (SQLException e) {
            log.warn("Could not record the failure of revision {} in the history table: its connection is gone and a new "
                    + "one failed too: {}", revision, PostgresErrors.describe(e));
            return new Recorded(Outcome.NOT_RECORDED, "A new connection, to record the failure, failed too: "
                    + PostgresErrors.describe(e) + ("57P03".equals(e.getSQLState()) ? " (the server is shutting down or "
                    + "starting up)" : "") + ".");
        }
    }

    private static Recorded recorded(int rows) {
        return new Recorded(rows == 0 ? Outcome.STEP_COMMITTED : Outcome.RECORDED, null);
    }

    /** Whether the migrating connection is lost (then a fresh one is worth a try; else it would fail the same way). */
    private static boolean gone(Connection migrating, SQLException failure) {
        if (PostgresErrors.classify(failure, ErrorCode.INTERNAL) == ErrorCode.CONNECTION_LOST) {
            return true;
        }
        try {
            return migrating.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private int execute(Connection connection, String sql) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
            int rows = statement.executeUpdate(sql);
            connection.commit();
            return rows;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is gone with the failure; the transaction went with it
            }
            throw e;
        } finally {
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // as above
            }
        }
    }
}
