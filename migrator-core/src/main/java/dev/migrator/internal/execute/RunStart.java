package dev.migrator.internal.execute;

import dev.migrator.internal.support.DurationText;
import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.dialect.postgresql.PostgresErrors;
import dev.migrator.internal.state.StateStore;
import dev.migrator.internal.state.StateTables;
import dev.migrator.internal.lock.Backoff;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start of a run, under the migration lock: Migrator's tables created when missing, a history
 * table of an older layout upgraded (once: the first run that finds it so), and the run's id drawn.
 * When the tables exist in the current layout that is one round trip and no DDL.
 */
public final class RunStart {

    private static final Logger log = LoggerFactory.getLogger(RunStart.class);

    private RunStart() {}

    /** The store of this run: its history rows carry the run's id. */
    public static StateStore open(Connection connection, StateTables tables, EngineSettings settings) throws SQLException {
        StateStore store = new StateStore(tables);
        StateStore.Found found = store.inspect(connection);
        if (!found.tablesExist()) {
            store.create(connection, found);
        } else if (!found.currentLayout()) {
            upgrade(connection, store, settings);
        }
        return new StateStore(tables.forRun(Long.toString(found.runId())));
    }

    /**
     * Adds {@code run_id} to a history table of the first layout. The ALTER needs an ACCESS EXCLUSIVE lock on
     * the history table for a moment: taken under {@code lock_timeout}, retried like a revision's statement
     * ({@code lockRetries}, with backoff), so status reads of the history never queue behind it for long.
     */
    private static void upgrade(Connection connection, StateStore store, EngineSettings settings) throws SQLException {
        Duration lockTimeout = FailureRecorder.bounded(settings.lockTimeout());
        String table = store.tables().historyTable();
        for (int attempt = 1; ; attempt++) {
            try {
                store.upgradeLayout(connection, lockTimeout);
                log.info("Upgraded Migrator's history table {} to the current layout (column run_id added; the rows "
                        + "already there are grouped into runs by the rule of earlier releases)", table);
                return;
            } catch (SQLException e) {
                ErrorCode code = PostgresErrors.classify(e, ErrorCode.INTERNAL);
                if (code == ErrorCode.LOCK_RETRIES_EXHAUSTED && attempt <= settings.lockRetries()) {
                    Duration pause = Backoff.beforeRetry(attempt + 1);
                    log.warn("Upgrading Migrator's history table {} waited longer than lock_timeout ({}); attempt {} of {} "
                            + "in {}. {}", table, DurationText.of(lockTimeout), attempt + 1, settings.lockRetries() + 1,
                            DurationText.of(pause), Blockers.sentence(Blockers.find(connection, lockTimeout)));
                    Backoff.pause(pause);
                    continue;
                }
                String why = code == ErrorCode.LOCK_RETRIES_EXHAUSTED
                        ? "It waited longer than lock_timeout (" + DurationText.of(lockTimeout) + ") for its lock in each of "
                                + attempt + " attempts. " + Blockers.sentence(Blockers.find(connection, lockTimeout)) + "\n  "
                        : code == ErrorCode.PERMISSION_DENIED ? "Only the table's owner may alter it.\n  " : "";
                throw new MigratorException(code, "Could not upgrade Migrator's history table " + table + " to the current "
                        + "layout (adding column run_id, as this release records which run wrote each row): "
                        + PostgresErrors.describe(e) + "\n  " + why + "Nothing was changed and no revision ran.\n  What to do: "
                        + code.advice(), e);
            }
        }
    }
}
