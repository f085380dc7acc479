package dev.migrator.internal.state;

import dev.migrator.internal.dialect.postgresql.PostgresText;
import dev.migrator.internal.support.Concat;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The layout of Migrator's history table across releases, and what runs are made of.
 *
 * <p><b>Layouts.</b> The first release's history table has no {@code run_id}; the current one adds
 * {@code run_id bigint} (last column, nullable) and an index on it. The upgrade ({@link #upgrade}) is one
 * idempotent statement, run once under the migration lock by the first run of a newer release, and put
 * at the top of every offline script. An older release keeps working on upgraded tables (it names its
 * columns; its rows simply have no run id), which a rolling deploy needs.
 *
 * <p><b>Run ids.</b> A run's id is the server's clock at its start, in microseconds since 1970, read
 * under the migration lock: runs hold that lock one at a time, so ids are unique and ordered as the
 * runs started, without a sequence (drawing from one would need a privilege on it that inserting
 * rows does not). Rows written before run ids existed get, at the upgrade, the id of the run the old
 * rule puts them in: the rows one process wrote with gaps of at most 10 seconds, the id being the
 * first row's start. That rule is applied once, to old rows; later runs are never guessed.
 */
public final class HistoryLayout {

    /** The session setting an offline script keeps its run id in (set at its top, read by each history row). */
    public static final String RUN_ID_SETTING = "migrator.run_id";

    /** SQL for a new run's id: the server's clock in microseconds. */
    static final String NEW_RUN_ID = "(extract(epoch FROM clock_timestamp()) * 1000000)::bigint";

    private final StateTables tables;

    HistoryLayout(StateTables tables) {
        this.tables = tables;
    }

    /** SQL that is true when the history table exists with a {@code run_id} column. */
    String hasRunId() {
        return Concat.of("EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(",
                PostgresText.literal(tables.historyTable()), ") AND attname = 'run_id' AND NOT attisdropped)");
    }

    /**
     * Brings a history table of the first layout to the current one: adds {@code run_id}, gives old rows
     * the run the old rule puts them in, and indexes it. Does nothing on a table that has the column, so it
     * is safe to repeat (offline scripts start with it). Takes an ACCESS EXCLUSIVE lock on the history
     * table for the moment of the ALTER: run it under {@code lock_timeout}.
     */
    String upgrade() {
        String history = tables.historyTable();
        return "DO $migrator_layout$ BEGIN IF NOT " + hasRunId() + " THEN "
                + "ALTER TABLE " + history + " ADD COLUMN run_id bigint; "
                + "UPDATE " + history + " h SET run_id = g.run_id FROM (" + legacyRuns() + ") g WHERE h.id = g.id; "
                + "CREATE INDEX IF NOT EXISTS " + tables.runIdIndex() + " ON " + history + " (run_id); "
                + "END IF; END $migrator_layout$";
    }

    /**
     * Upgrades a history table of the first layout ({@link #upgrade()}) in one transaction whose lock
     * waits end after {@code lockTimeout}; a lock timeout (55P03) is the caller's to retry.
     */
    void upgrade(Connection connection, Duration lockTimeout) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
            statement.execute(upgrade());
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * {@code (id, run_id)} for every row, runs told by the old rule: a row starts a new run unless the
     * row before it was written by the same process ({@code applied_by}) and finished at most 10 seconds
     * before it started. The run's id is its first row's start, in microseconds, as new runs' ids are.
     */
    String legacyRuns() {
        return "SELECT id, max(CASE WHEN starts THEN (extract(epoch FROM started_at) * 1000000)::bigint END)"
                + " OVER (ORDER BY id) AS run_id FROM (SELECT id, started_at, NOT coalesce("
                + "applied_by IS NOT DISTINCT FROM lag(applied_by) OVER w"
                + " AND started_at - lag(finished_at) OVER w <= interval '10 seconds', false) AS starts"
                + " FROM " + tables.historyTable() + " WINDOW w AS (ORDER BY id)) s";
    }

    /**
     * For an offline script, after the tables exist: draws the script's run id into {@link #RUN_ID_SETTING},
     * so that every history row of the script carries it ({@link #offlineRunId}).
     */
    public static String offlineRunIdSetup() {
        return "SELECT set_config('" + RUN_ID_SETTING + "', " + NEW_RUN_ID + "::text, false)";
    }

    /** An offline script's history rows' run id: the one its top drew (NULL if run piecemeal without it). */
    public static String offlineRunId() {
        return "nullif(current_setting('" + RUN_ID_SETTING + "', true), '')::bigint";
    }

    /**
     * Fails the rows still open ({@code finished_at} null) when a run starts. Only under the migration
     * lock: then no other session is running a step, so the session that opened them is gone (a killed
     * process, a terminated backend that could not record its failure). Their end is not known:
     * {@code finished_at} and {@code duration_ms} say when they were found, the error says so.
     */
    String closeAbandoned(String detectedBy) {
        return Concat.of("UPDATE ", tables.historyTable(), " SET finished_at = clock_timestamp(),"
                + " duration_ms = (extract(epoch FROM clock_timestamp() - started_at) * 1000)::bigint, success = false,"
                + " error = ", PostgresText.literal(Concat.of(ABANDONED, " (found open by the next run, ", detectedBy,
                        "; finished_at is when it was found)")),
                " WHERE finished_at IS NULL RETURNING revision, direction, started_at, applied_by");
    }

    /** The start of the error of a row closed by {@link #closeAbandoned}. */
    public static final String ABANDONED = "session ended before the step finished";
}
