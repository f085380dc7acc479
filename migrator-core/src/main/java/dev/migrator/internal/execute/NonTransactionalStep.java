package dev.migrator.internal.execute;

import dev.migrator.Direction;
import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.dialect.postgresql.PostgresErrors;
import dev.migrator.internal.state.HistoryRow;
import dev.migrator.internal.state.StateStore;
import dev.migrator.operation.Operation;
import dev.migrator.internal.revision.Step;
import dev.migrator.internal.source.LoadedRevision;
import java.sql.Connection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The non-transactional path of a {@link StepExecutor} step: the revision's statements run in autocommit under
 * the step's timeouts as session settings, its history row is written when it starts and completed when it
 * ends, either way. A previous attempt's or run's INVALID index is dropped before building again, and a revision
 * is never recorded over an INVALID index it left. A Java revision with runtime operations runs them through
 * the {@link OperationExecutor}.
 */
final class NonTransactionalStep {

    private static final Logger log = LoggerFactory.getLogger(NonTransactionalStep.class);

    private final StepExecutor executor;
    private final EngineSettings settings;
    private final StateStore store;
    private final RevisionStatements statements;
    private final FailureRecorder recorder;
    private final Listeners listeners;

    NonTransactionalStep(StepExecutor executor, EngineSettings settings, StateStore store, RevisionStatements statements,
            FailureRecorder recorder, Listeners listeners) {
        this.executor = executor;
        this.listeners = listeners;
        this.settings = settings;
        this.store = store;
        this.statements = statements;
        this.recorder = recorder;
    }

    int run(Connection connection, LoadedRevision revision, Step step, List<ExecutableStatement> body, HistoryRow row) {
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
                    if (executor.retry(connection, revision, failure, attempt)) {
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
                    SQLException cause = PostgresErrors.cause(failure);
                    if (cause != null && executor.retry(connection, revision, cause, "in " + failure.getMessage(), attempt)) {
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
                        + "revision is not recorded as applied.\n  What to do: " + ErrorCode.INVALID_INDEX_LEFT.advice());
            }
            List<ExecutableStatement> bookkeeping = new ArrayList<>(List.of(ExecutableStatement.engine(
                    "SET LOCAL lock_timeout = '" + FailureRecorder.bounded(settings.lockTimeout()).toMillis() + "ms'")));
            bookkeeping.addAll(StepExecutor.bookkeeping(store.tables().versionChange(step.removedRows(), step.addedRows())));
            bookkeeping.add(ExecutableStatement.engine(
                    store.tables().historyComplete(historyId, row.startedAt(), true, null)));
            connection.setAutoCommit(false);
            try {
                StatementRunner.run(connection, bookkeeping);
                connection.commit();
            } catch (StatementRunner.StatementFailure | StatementRunner.RowCountMismatch e) {
                StepExecutor.endTransaction(connection);
                if (e instanceof StatementRunner.RowCountMismatch mismatch) {
                    recorder.completeFailed(connection, historyId, row, "the version table was changed outside this run");
                    throw StepExecutor.versionTableChanged(revision, mismatch);
                }
                SQLException cause = ((StatementRunner.StatementFailure) e).sqlException();
                throw ranButNotRecorded(connection, revision, row, historyId, cause);
            } finally {
                StepExecutor.autocommit(connection);
            }
        } catch (SQLException e) {
            throw ranButNotRecorded(connection, revision, row, historyId, e);
        }
    }
    private MigratorException ranButNotRecorded(Connection connection, LoadedRevision revision, HistoryRow row,
            long historyId, SQLException e) {
        FailureRecorder.Recorded recorded = recorder.completeFailed(connection, historyId, row,
                "ran, but checking or recording it failed: " + PostgresErrors.recorded(e));
        return StepFailureMessage.database(revision, "ran, but checking or recording it failed", e)
                .leftNonTransactional(Set.of(), recorded).build(e);
    }
    /**
     * A non-transactional Java revision with runtime operations (batch updates, concurrent indexes,
     * autocommit blocks): the {@link OperationExecutor} gives each the transaction handling it needs.
     */
    private void runOperations(Connection connection, LoadedRevision revision, Step step, List<Operation> operations) {
        String key = step.direction() == Direction.DOWNGRADE ? revision.id() + ":down" : revision.id();
        ExecutionContext context = new ExecutionContext(key, false, settings.schema(), settings.tablePrefix(),
                executor.lockTimeout(revision), progress -> listeners.emit(l -> l.batchProgress(revision.id(), progress)));
        new OperationExecutor(connection, statements.dialect()).execute(operations, context);
    }
    private MigratorException failNonTransactional(Connection connection, LoadedRevision revision, long historyId,
            HistoryRow row, StepFailureMessage message, String error, Set<String> ours, int attempts, Throwable cause) {
        SQLException sql = PostgresErrors.cause(cause);
        List<Blockers.Blocker> blockers = sql != null && PostgresErrors.isLockConflict(sql)
                ? Blockers.find(connection, executor.lockTimeout(revision)) : List.of();
        Set<String> invalidLeft = message.code() == ErrorCode.CONNECTION_LOST ? Set.of()
                : InvalidIndexes.invalidAmong(connection, ours);
        FailureRecorder.Recorded recorded = recorder.completeFailed(connection, historyId, row, error);
        return message.waited(attempts, executor.lockTimeout(revision), blockers).timedOut(settings.statementTimeout())
                .leftNonTransactional(invalidLeft, recorded).build(cause);
    }
    private static Set<String> snapshot(Connection connection) throws StatementRunner.StatementFailure {
        try {
            return InvalidIndexes.snapshot(connection);
        } catch (SQLException e) {
            throw new StatementRunner.StatementFailure(ExecutableStatement.engine("SELECT ... FROM pg_index (INVALID indexes)"), e);
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
}
