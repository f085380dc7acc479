package dev.migrator.internal.execute;

import dev.migrator.Direction;
import dev.migrator.internal.support.DurationText;
import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.result.MigrationResult.StepResult;
import dev.migrator.internal.dialect.postgresql.PostgresErrors;
import dev.migrator.internal.dialect.postgresql.PostgresText;
import dev.migrator.internal.state.BookkeepingStatement;
import dev.migrator.internal.state.HistoryRow;
import dev.migrator.internal.state.StateStore;
import dev.migrator.internal.lock.Backoff;
import dev.migrator.internal.dialect.postgresql.PostgresDialect;
import dev.migrator.internal.revision.Step;
import dev.migrator.internal.source.LoadedRevision;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step of a plan on the migrating connection, which is in autocommit between steps.
 *
 * <p>A transactional revision is one transaction: {@code SET LOCAL lock_timeout}, {@code SET LOCAL
 * statement_timeout}, its statements, the version-table change and the history row, sent as one
 * batch where possible, then COMMIT. A lock timeout (55P03) rolls back and retries after a backoff;
 * any other failure rolls back and records a failed history row in its own transaction.
 *
 * <p>A non-transactional revision runs in autocommit under the same timeouts as session settings, for
 * every statement of each attempt, Migrator's own included: the drop of an INVALID index a previous
 * attempt or run left can wait for the same session the build waited for, and then it fails on
 * {@code lock_timeout} and costs an attempt like any statement. Its history row is written when it starts
 * and completed when it ends, either way.
 *
 * <p>A failure's message comes from {@link StepFailureMessage}; its history row from
 * {@link FailureRecorder}, which falls back to a fresh connection when the migrating one is gone.
 */
public final class StepExecutor {

    private static final Logger log = LoggerFactory.getLogger(StepExecutor.class);

    private final EngineSettings settings;
    private final StateStore store;
    private final RevisionStatements statements;
    private final Listeners listeners;
    private final String appliedBy;
    private final FailureRecorder recorder;

    /**
     * @param store       the run's state store (its history rows carry the run's id)
     * @param appliedBy   who applies, for the history rows
     * @param connections for recording a failure from a fresh session when the migrating one is gone
     */
    public StepExecutor(EngineSettings settings, StateStore store, Listeners listeners, String appliedBy,
            ConnectionSource connections) {
        this.settings = settings;
        this.store = store;
        this.statements = new RevisionStatements(new PostgresDialect());
        this.listeners = listeners;
        this.appliedBy = appliedBy;
        this.recorder = new FailureRecorder(connections, store.tables(), settings.lockTimeout());
    }

    /** Runs one step of the plan on the migrating connection, which is in autocommit between steps. */
    public StepResult run(Connection connection, LoadedRevision revision, Step step) {
        Direction direction = step.direction();
        listeners.emit(l -> l.stepStarted(revision.id(), direction));
        long start = System.nanoTime();
        HistoryRow row = new HistoryRow(revision.id(), revision.node().revises(), direction, revision.message(),
                revision.phase(), revision.checksum(), timestamp(Instant.now()), true, null, appliedBy);
        List<ExecutableStatement> body = statements.statements(revision, direction);
        try {
            int attempts = revision.transactional()
                    ? runTransactional(connection, revision, step, body, row)
                    : new NonTransactionalStep(this, settings, store, statements, recorder, listeners).run(connection, revision, step, body, row);
            StepResult result = new StepResult(revision.id(), direction, revision.message(),
                    Duration.ofNanos(System.nanoTime() - start), attempts);
            listeners.emit(l -> l.stepSucceeded(result));
            log.info("{} {} ({}) in {}", direction.label(), revision.id(), revision.message(),
                    DurationText.rounded(result.duration()));
            return result;
        } catch (RuntimeException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            listeners.emit(l -> l.stepFailed(revision.id(), direction, took, e));
            throw e;
        }
    }

    private int runTransactional(Connection connection, LoadedRevision revision, Step step,
            List<ExecutableStatement> body, HistoryRow row) {
        List<ExecutableStatement> all = new ArrayList<>(StepTimeouts.of(revision, settings).local());
        all.addAll(body);
        all.addAll(bookkeeping(store.tables().versionChange(step.removedRows(), step.addedRows())));
        all.add(ExecutableStatement.engine(store.tables().historyInsert(row)));
        for (int attempt = 1; ; attempt++) {
            try {
                connection.setAutoCommit(false);
                StatementRunner.run(connection, all);
                connection.commit();
                return attempt;
            } catch (StatementRunner.StatementFailure failure) {
                endTransaction(connection);
                if (retry(connection, revision, failure, attempt)) {
                    continue;
                }
                throw failTransactional(connection, revision, row, failure, attempt);
            } catch (StatementRunner.RowCountMismatch mismatch) {
                endTransaction(connection);
                throw versionTableChanged(revision, mismatch);
            } catch (SQLException e) {
                // COMMIT failed: a deferred constraint of the revision, or the connection is gone
                endTransaction(connection);
                ExecutableStatement commit = new ExecutableStatement("COMMIT", List.of(), revision.source(), 0, -1);
                throw failTransactional(connection, revision, row, new StatementRunner.StatementFailure(commit, e), attempt);
            } finally {
                autocommit(connection);
            }
        }
    }

    boolean retry(Connection connection, LoadedRevision revision, StatementRunner.StatementFailure failure, int attempt) {
        return retry(connection, revision, failure.sqlException(), "at " + StepFailureMessage.where(failure.statement()),
                attempt);
    }

    /**
     * After a lock conflict (a lock_timeout, or a deadlock the server ended by rolling this attempt back), and
     * attempts left: reports the retry, naming the session the attempt waited for, and waits out the backoff
     * before it. The caller has ended its transaction: the pause holds no snapshot.
     */
    boolean retry(Connection connection, LoadedRevision revision, SQLException cause, String where, int attempt) {
        if (!PostgresErrors.isLockConflict(cause) || attempt > settings.lockRetries()) {
            return false;
        }
        int next = attempt + 1;
        Duration pause = Backoff.beforeRetry(next);
        String what = PostgresErrors.isDeadlock(cause)
                ? "was rolled back as the victim of a deadlock with another session"
                : "waited longer than lock_timeout (" + DurationText.of(lockTimeout(revision)) + ")";
        log.warn("Revision {}: {} {}\n  {}\n  Attempt {} of {} in {}.", revision.id(), what, where,
                Blockers.sentence(Blockers.find(connection, lockTimeout(revision))),
                next, settings.lockRetries() + 1, DurationText.of(pause));
        listeners.emit(l -> l.lockRetry(revision.id(), next));
        Backoff.pause(pause);
        return true;
    }

    Duration lockTimeout(LoadedRevision revision) {
        return StepTimeouts.of(revision, settings).lockTimeout();
    }

    static List<ExecutableStatement> bookkeeping(List<BookkeepingStatement> statements) {
        List<ExecutableStatement> sql = new ArrayList<>();
        for (BookkeepingStatement statement : statements) {
            sql.add(ExecutableStatement.engine(statement.sql(), statement.expectedRows()));
        }
        return sql;
    }

    private MigratorException failTransactional(Connection connection, LoadedRevision revision, HistoryRow row,
            StatementRunner.StatementFailure failure, int attempts) {
        List<Blockers.Blocker> blockers = PostgresErrors.isLockConflict(failure.sqlException())
                ? Blockers.find(connection, lockTimeout(revision)) : List.of();
        FailureRecorder.Recorded recorded = recorder.insertFailed(connection, row.failed(StepFailureMessage.errorText(failure)));
        return StepFailureMessage.statement(revision, failure).waited(attempts, lockTimeout(revision), blockers)
                .timedOut(settings.statementTimeout()).leftTransactional(recorded).build(failure.sqlException());
    }

    static MigratorException versionTableChanged(LoadedRevision revision, StatementRunner.RowCountMismatch mismatch) {
        return new MigratorException(ErrorCode.STATE_TABLES_INCONSISTENT, "Revision " + revision.id() + " was rolled back: the version-table write \""
                + mismatch.statement().abbreviated(120) + "\" touched " + mismatch.actual() + " row(s) instead of "
                + mismatch.statement().expectedRows() + ". The version table was changed outside this run.\n  What to do: "
                + ErrorCode.STATE_TABLES_INCONSISTENT.advice());
    }

    /** Rolls back and returns to autocommit, so that nothing after a failure (a catalog read, a pause) holds a snapshot. */
    static void endTransaction(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("Rollback failed (connection lost?)", e);
        }
        autocommit(connection);
    }

    static void autocommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            log.debug("Could not restore autocommit (connection lost?)", e);
        }
    }

    static String timestamp(Instant instant) {
        return PostgresText.literal(instant.toString()) + "::timestamptz";
    }
}
