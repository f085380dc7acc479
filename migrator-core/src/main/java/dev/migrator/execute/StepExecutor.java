package dev.migrator.execute;

import dev.migrator.Direction;
import dev.migrator.DurationText;
import dev.migrator.ErrorCode;
import dev.migrator.FailureAdvice;
import dev.migrator.MigratorException;
import dev.migrator.StepResult;
import dev.migrator.history.BookkeepingStatement;
import dev.migrator.history.HistoryRow;
import dev.migrator.history.StateStore;
import dev.migrator.history.StateTables;
import dev.migrator.lock.Backoff;
import dev.migrator.operation.Operation;
import dev.migrator.revision.Step;
import dev.migrator.source.LoadedRevision;
import java.sql.Connection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
final class StepExecutor {

    private static final Logger log = LoggerFactory.getLogger(StepExecutor.class);
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private final EngineSettings settings;
    private final StateStore store;
    private final RevisionStatements statements;
    private final Listeners listeners;
    private final String appliedBy;
    private final FailureRecorder recorder;

    StepExecutor(EngineSettings settings, StateStore store, RevisionStatements statements, Listeners listeners, String appliedBy,
            ConnectionSource connections) {
        this.settings = settings;
        this.store = store;
        this.statements = statements;
        this.listeners = listeners;
        this.appliedBy = appliedBy;
        this.recorder = new FailureRecorder(connections, store.tables(), settings.lockTimeout());
    }

    StepResult run(Connection connection, LoadedRevision revision, Step step) {
        Direction direction = step.direction();
        listeners.emit(l -> l.stepStarted(revision.id(), direction));
        long start = System.nanoTime();
        HistoryRow row = new HistoryRow(revision.id(), revision.node().revises(), direction, revision.message(),
                revision.phase(), revision.checksum(), timestamp(Instant.now()), true, null, appliedBy);
        List<ExecutableStatement> body = statements.statements(revision, direction);
        try {
            int attempts = revision.transactional()
                    ? runTransactional(connection, revision, step, body, row)
                    : runNonTransactional(connection, revision, step, body, row);
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

    private int runNonTransactional(Connection connection, LoadedRevision revision, Step step,
            List<ExecutableStatement> body, HistoryRow row) {
        List<Operation> operations = RevisionStatements.forOperationExecutor(revision, step.direction());
        // the indexes the revision builds concurrently: repaired before each attempt, named when left INVALID
        Set<String> ours = InvalidIndexes.createdConcurrently(body);
        Set<String> before = null;
        long historyId;
        try {
            if (operations != null) {
                // runtime operations repair their own INVALID leftovers as they build
                before = InvalidIndexes.snapshot(connection);
            }
            historyId = store.insertStarted(connection, row);
        } catch (SQLException e) {
            throw StepFailureMessage.database(revision, "could not start: writing its history row failed", e).build(e);
        }
        int attempt = 1;
        try {
            while (true) {
                try {
                    // Every statement of the attempt, Migrator's repairs included, runs under the timeouts.
                    StepTimeouts.of(revision, settings).setForSession(connection);
                    if (operations != null) {
                        runOperations(connection, revision, step, operations);
                    } else {
                        // A previous attempt or run may have died inside CREATE INDEX CONCURRENTLY: its INVALID
                        // leftover goes first, or IF NOT EXISTS would skip the build and record success over it.
                        Set<String> repaired = InvalidIndexes.repair(connection, ours);
                        if (!repaired.isEmpty()) {
                            log.warn("Revision {}: dropped INVALID index(es) {} left by an earlier attempt or run before "
                                    + "building again", revision.id(), repaired);
                        }
                        if (before == null) {
                            before = snapshot(connection);
                        }
                        StatementRunner.runEach(connection, body);
                    }
                    break;
                } catch (StatementRunner.StatementFailure failure) {
                    // a BEGIN ... COMMIT block of the revision's own that the failure aborted ends here, so the
                    // session can record the failure and retry
                    boolean blockRolledBack = endOwnBlock(connection);
                    if (retry(connection, revision, failure, attempt)) {
                        attempt++;
                        continue;
                    }
                    StepFailureMessage message = StepFailureMessage.statement(revision, failure);
                    if (blockRolledBack) {
                        message.note("Nothing of the block it was in stayed: a BEGIN ... COMMIT block around it was rolled back.");
                    }
                    throw failNonTransactional(connection, revision, historyId, row, message,
                            StepFailureMessage.errorText(failure), ours, attempt, failure.sqlException());
                } catch (MigratorException failure) {
                    // from a runtime operation; its SQL cause, if any, says whether it is worth another attempt
                    SQLException cause = SqlErrors.cause(failure);
                    if (cause != null && retry(connection, revision, cause, "in " + failure.getMessage(), attempt)) {
                        attempt++;
                        continue;
                    }
                    throw failNonTransactional(connection, revision, historyId, row,
                            StepFailureMessage.operation(revision, failure), failure.getMessage(), ours, attempt, failure);
                } catch (StatementRunner.RowCountMismatch impossible) {
                    throw new IllegalStateException(impossible);
                } finally {
                    StepTimeouts.resetForSession(connection);
                }
            }
        } catch (MigratorException e) {
            if (e.code() == ErrorCode.INTERRUPTED) {
                // stopped while waiting to retry: the row is closed here, not left open for the next run to find
                recorder.completeFailed(connection, historyId, row, "interrupted while waiting to retry: " + e.getMessage());
            }
            throw e;
        }
        complete(connection, revision, step, row, historyId, before);
        return attempt;
    }

    /** After the statements ran: refuses to record the revision over an INVALID index it left, else records it. */
    private void complete(Connection connection, LoadedRevision revision, Step step, HistoryRow row, long historyId,
            Set<String> before) {
        try {
            // INVALID now but not before, and not still being built by another session
            Set<String> appeared = new HashSet<>(InvalidIndexes.leftOver(connection));
            appeared.removeAll(before);
            if (!appeared.isEmpty()) {
                String error = "INVALID index(es) " + appeared + " after the revision ran";
                recorder.completeFailed(connection, historyId, row, error);
                throw new MigratorException(ErrorCode.INVALID_INDEX_LEFT, "Revision " + revision.id() + " (" + revision.source()
                        + ") left INVALID index(es) " + appeared + ": a CREATE INDEX CONCURRENTLY did not complete, so the "
                        + "revision is not recorded as applied.\n  What to do: " + FailureAdvice.of(ErrorCode.INVALID_INDEX_LEFT));
            }
            List<ExecutableStatement> bookkeeping = new ArrayList<>(List.of(ExecutableStatement.engine(
                    "SET LOCAL lock_timeout = '" + FailureRecorder.bounded(settings.lockTimeout()).toMillis() + "ms'")));
            bookkeeping.addAll(bookkeeping(store.tables().versionChange(step.removedRows(), step.addedRows())));
            bookkeeping.add(ExecutableStatement.engine(
                    store.tables().historyComplete(historyId, row.startedAt(), true, null)));
            connection.setAutoCommit(false);
            try {
                StatementRunner.run(connection, bookkeeping);
                connection.commit();
            } catch (StatementRunner.StatementFailure | StatementRunner.RowCountMismatch e) {
                endTransaction(connection);
                if (e instanceof StatementRunner.RowCountMismatch mismatch) {
                    recorder.completeFailed(connection, historyId, row, "the version table was changed outside this run");
                    throw versionTableChanged(revision, mismatch);
                }
                SQLException cause = ((StatementRunner.StatementFailure) e).sqlException();
                throw ranButNotRecorded(connection, revision, row, historyId, cause);
            } finally {
                autocommit(connection);
            }
        } catch (SQLException e) {
            throw ranButNotRecorded(connection, revision, row, historyId, e);
        }
    }

    private MigratorException ranButNotRecorded(Connection connection, LoadedRevision revision, HistoryRow row,
            long historyId, SQLException e) {
        FailureRecorder.Recorded recorded = recorder.completeFailed(connection, historyId, row,
                "ran, but checking or recording it failed: SQLSTATE " + e.getSQLState() + ": " + e.getMessage());
        return StepFailureMessage.database(revision, "ran, but checking or recording it failed", e)
                .leftNonTransactional(Set.of(), recorded).build(e);
    }

    /**
     * A non-transactional Java revision with runtime operations (batch updates, concurrent indexes,
     * autocommit blocks): the {@link OperationExecutor} gives each the transaction handling it needs.
     */
    private void runOperations(Connection connection, LoadedRevision revision, Step step, List<Operation> operations) {
        String key = step.direction() == Direction.DOWNGRADE ? revision.id() + ":down" : revision.id();
        ExecutionContext context = new ExecutionContext(key, false, settings.schema(), settings.tablePrefix(), lockTimeout(revision),
                progress -> listeners.emit(l -> l.batchProgress(revision.id(), progress)));
        new OperationExecutor(connection, statements.dialect()).execute(operations, context);
    }

    private boolean retry(Connection connection, LoadedRevision revision, StatementRunner.StatementFailure failure, int attempt) {
        return retry(connection, revision, failure.sqlException(), "at " + StepFailureMessage.where(failure.statement()),
                attempt);
    }

    /**
     * After a lock_timeout, and attempts left: reports the retry, naming the session the attempt waited for, and
     * waits out the backoff before it. The caller has ended its transaction: the pause holds no snapshot.
     */
    private boolean retry(Connection connection, LoadedRevision revision, SQLException cause, String where, int attempt) {
        if (!LOCK_NOT_AVAILABLE.equals(cause.getSQLState()) || attempt > settings.lockRetries()) {
            return false;
        }
        int next = attempt + 1;
        Duration pause = Backoff.beforeRetry(next);
        log.warn("Revision {}: waited longer than lock_timeout ({}) {}\n  {}\n  Attempt {} of {} in {}.", revision.id(),
                DurationText.of(lockTimeout(revision)), where, Blockers.sentence(Blockers.find(connection, lockTimeout(revision))),
                next, settings.lockRetries() + 1, DurationText.of(pause));
        listeners.emit(l -> l.lockRetry(revision.id(), next));
        Backoff.pause(pause);
        return true;
    }

    private Duration lockTimeout(LoadedRevision revision) {
        return StepTimeouts.of(revision, settings).lockTimeout();
    }

    private static List<ExecutableStatement> bookkeeping(List<BookkeepingStatement> statements) {
        List<ExecutableStatement> sql = new ArrayList<>();
        for (BookkeepingStatement statement : statements) {
            sql.add(ExecutableStatement.engine(statement.sql(), statement.expectedRows()));
        }
        return sql;
    }

    private MigratorException failTransactional(Connection connection, LoadedRevision revision, HistoryRow row,
            StatementRunner.StatementFailure failure, int attempts) {
        List<Blockers.Blocker> blockers = lockTimedOut(failure.sqlException())
                ? Blockers.find(connection, lockTimeout(revision)) : List.of();
        FailureRecorder.Recorded recorded = recorder.insertFailed(connection, row.failed(StepFailureMessage.errorText(failure)));
        return StepFailureMessage.statement(revision, failure).waited(attempts, lockTimeout(revision), blockers)
                .timedOut(settings.statementTimeout()).leftTransactional(recorded).build(failure.sqlException());
    }

    private MigratorException failNonTransactional(Connection connection, LoadedRevision revision, long historyId,
            HistoryRow row, StepFailureMessage message, String error, Set<String> ours, int attempts, Throwable cause) {
        SQLException sql = SqlErrors.cause(cause);
        List<Blockers.Blocker> blockers = sql != null && lockTimedOut(sql)
                ? Blockers.find(connection, lockTimeout(revision)) : List.of();
        Set<String> invalidLeft = message.code() == ErrorCode.CONNECTION_LOST ? Set.of()
                : InvalidIndexes.invalidAmong(connection, ours);
        FailureRecorder.Recorded recorded = recorder.completeFailed(connection, historyId, row, error);
        return message.waited(attempts, lockTimeout(revision), blockers).timedOut(settings.statementTimeout())
                .leftNonTransactional(invalidLeft, recorded).build(cause);
    }

    private static boolean lockTimedOut(SQLException e) {
        return LOCK_NOT_AVAILABLE.equals(e.getSQLState());
    }

    private static Set<String> snapshot(Connection connection) throws StatementRunner.StatementFailure {
        try {
            return InvalidIndexes.snapshot(connection);
        } catch (SQLException e) {
            throw new StatementRunner.StatementFailure(ExecutableStatement.engine("SELECT ... FROM pg_index (INVALID indexes)"), e);
        }
    }

    private static MigratorException versionTableChanged(LoadedRevision revision, StatementRunner.RowCountMismatch mismatch) {
        return new MigratorException(ErrorCode.STATE_TABLES_INCONSISTENT, "Revision " + revision.id() + " was rolled back: the version-table write \""
                + mismatch.statement().abbreviated(120) + "\" touched " + mismatch.actual() + " row(s) instead of "
                + mismatch.statement().expectedRows() + ". The version table was changed outside this run.\n  What to do: "
                + FailureAdvice.of(ErrorCode.STATE_TABLES_INCONSISTENT));
    }

    /** Rolls back and returns to autocommit, so that nothing after a failure (a catalog read, a pause) holds a snapshot. */
    private static void endTransaction(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("Rollback failed (connection lost?)", e);
        }
        autocommit(connection);
    }

    private static void autocommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            log.debug("Could not restore autocommit (connection lost?)", e);
        }
    }

    /**
     * Rolls back a transaction block that the revision's own BEGIN opened and its failure aborted, so the
     * session can record the failure and retry (a non-transactional revision may hold BEGIN ... COMMIT
     * blocks). Returns whether a block was open; with none open nothing is sent.
     */
    private static boolean endOwnBlock(Connection connection) {
        try {
            // the driver knows from the server's last ReadyForQuery whether a block is open (or aborted)
            if (connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE) {
                return false;
            }
            try (var statement = connection.createStatement()) {
                statement.execute("ROLLBACK");
            }
            return true;
        } catch (SQLException e) {
            log.debug("Could not roll back the revision's transaction block", e);
            return false;
        }
    }

    static String timestamp(Instant instant) {
        return StateTables.literal(instant.toString()) + "::timestamptz";
    }
}
