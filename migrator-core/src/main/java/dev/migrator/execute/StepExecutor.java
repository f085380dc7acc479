package dev.migrator.execute;

import dev.migrator.ErrorCode;
import dev.migrator.Direction;
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
 */
final class StepExecutor {

    private static final Logger log = LoggerFactory.getLogger(StepExecutor.class);
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private final EngineSettings settings;
    private final StateStore store;
    private final RevisionStatements statements;
    private final Listeners listeners;
    private final String appliedBy;

    StepExecutor(EngineSettings settings, StateStore store, RevisionStatements statements, Listeners listeners, String appliedBy) {
        this.settings = settings;
        this.store = store;
        this.statements = statements;
        this.listeners = listeners;
        this.appliedBy = appliedBy;
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
            log.info("{} {} ({}) in {} ms", direction.label(), revision.id(), revision.message(), result.duration().toMillis());
            return result;
        } catch (RuntimeException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            listeners.emit(l -> l.stepFailed(revision.id(), direction, took, e));
            throw e;
        }
    }

    private int runTransactional(Connection connection, LoadedRevision revision, Step step,
            List<ExecutableStatement> body, HistoryRow row) {
        List<ExecutableStatement> all = new ArrayList<>(timeouts(revision, true));
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
                rollback(connection);
                if (retry(revision, failure, attempt)) {
                    continue;
                }
                throw fail(connection, revision, row, failure, attempt, true);
            } catch (StatementRunner.RowCountMismatch mismatch) {
                rollback(connection);
                throw versionTableChanged(revision, mismatch);
            } catch (SQLException e) {
                rollback(connection);
                throw new MigratorException(ErrorCode.INTERNAL, "Revision " + revision.id() + " (" + revision.source()
                        + ") could not be committed: " + e.getMessage() + " [SQLSTATE " + e.getSQLState()
                        + "]. Nothing of it was applied.", e);
            } finally {
                autocommit(connection);
            }
        }
    }

    private int runNonTransactional(Connection connection, LoadedRevision revision, Step step,
            List<ExecutableStatement> body, HistoryRow row) {
        long historyId;
        Set<String> before;
        try {
            // A previous run may have died inside CREATE INDEX CONCURRENTLY: drop its INVALID leftover first.
            Set<String> repaired = InvalidIndexes.dropInvalid(connection, InvalidIndexes.createdConcurrently(body));
            if (!repaired.isEmpty()) {
                log.warn("Revision {}: dropped INVALID index(es) {} left by an earlier failed run before retrying it",
                        revision.id(), repaired);
            }
            before = InvalidIndexes.snapshot(connection);
            historyId = store.insertStarted(connection, row);
        } catch (SQLException e) {
            throw new MigratorException(ErrorCode.INTERNAL, "Revision " + revision.id() + " (" + revision.source()
                    + ") could not be prepared: " + e.getMessage() + " [SQLSTATE " + e.getSQLState() + "]", e);
        }
        List<ExecutableStatement> autocommitWork = new ArrayList<>(timeouts(revision, false));
        autocommitWork.addAll(body);
        autocommitWork.add(ExecutableStatement.engine("RESET lock_timeout"));
        autocommitWork.add(ExecutableStatement.engine("RESET statement_timeout"));
        List<Operation> operations = RevisionStatements.forOperationExecutor(revision, step.direction());
        int attempt = 1;
        while (true) {
            try {
                if (operations != null) {
                    try {
                        runOperations(connection, revision, step, operations);
                    } catch (MigratorException failure) {
                        if (retryOperations(revision, failure, attempt)) {
                            attempt++;
                            continue;
                        }
                        completeFailed(connection, historyId, row, failure.getMessage());
                        throw operationsFailed(revision, failure, attempt);
                    }
                } else {
                    StatementRunner.runEach(connection, autocommitWork);
                }
                break;
            } catch (StatementRunner.StatementFailure failure) {
                endOwnBlock(connection);
                resetTimeouts(connection);
                if (retry(revision, failure, attempt)) {
                    attempt++;
                    try {
                        InvalidIndexes.dropInvalid(connection, InvalidIndexes.createdConcurrently(body));
                    } catch (SQLException e) {
                        log.warn("Revision {}: could not drop INVALID indexes before retrying", revision.id(), e);
                    }
                    continue;
                }
                throw failNonTransactional(connection, revision, historyId, row, failure, attempt);
            } catch (StatementRunner.RowCountMismatch impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        try {
            // INVALID now but not before, and not still being built by another session
            Set<String> appeared = new HashSet<>(InvalidIndexes.leftOver(connection));
            appeared.removeAll(before);
            if (!appeared.isEmpty()) {
                String error = "INVALID index(es) " + appeared + " after the revision ran";
                completeFailed(connection, historyId, row, error);
                throw new MigratorException(ErrorCode.INVALID_INDEX_LEFT, "Revision " + revision.id() + " (" + revision.source() + ") left INVALID "
                        + "index(es) " + appeared + ": a CREATE INDEX CONCURRENTLY did not complete, so the revision is "
                        + "not recorded as applied. The next run drops the INVALID indexes it creates and retries; "
                        + "or drop them yourself with DROP INDEX CONCURRENTLY.");
            }
            List<ExecutableStatement> bookkeeping = new ArrayList<>(
                    bookkeeping(store.tables().versionChange(step.removedRows(), step.addedRows())));
            bookkeeping.add(ExecutableStatement.engine(
                    store.tables().historyComplete(historyId, row.startedAt(), true, null)));
            connection.setAutoCommit(false);
            try {
                StatementRunner.run(connection, bookkeeping);
                connection.commit();
            } catch (StatementRunner.StatementFailure | StatementRunner.RowCountMismatch e) {
                rollback(connection);
                if (e instanceof StatementRunner.RowCountMismatch mismatch) {
                    throw versionTableChanged(revision, mismatch);
                }
                throw new MigratorException(ErrorCode.INTERNAL, "Revision " + revision.id() + " ran, but recording it failed: "
                        + e.getMessage() + ". It is non-transactional and idempotent: run again.", e);
            } finally {
                autocommit(connection);
            }
            return attempt;
        } catch (SQLException e) {
            throw new MigratorException(ErrorCode.INTERNAL, "Revision " + revision.id() + " (" + revision.source()
                    + ") ran, but checking or recording it failed: " + e.getMessage(), e);
        }
    }

    /**
     * A non-transactional Java revision with runtime operations (batch updates, concurrent indexes,
     * autocommit blocks): the {@link OperationExecutor} gives each the transaction handling it needs.
     */
    private void runOperations(Connection connection, LoadedRevision revision, Step step, List<Operation> operations) {
        String key = step.direction() == Direction.DOWNGRADE ? revision.id() + ":down" : revision.id();
        Duration lockTimeout = revision.lockTimeout() != null ? revision.lockTimeout() : settings.lockTimeout();
        ExecutionContext context = new ExecutionContext(key, false, settings.schema(), settings.tablePrefix(), lockTimeout);
        new OperationExecutor(connection, statements.dialect()).execute(operations, context);
    }

    /**
     * An operation that waited longer than lock_timeout is retried like a statement, by running the
     * revision's operations again: each ended atomically (a statement in autocommit, a batch rolled back,
     * a concurrent build that never started building), and the revision is idempotent by contract
     * (completed batches are skipped through the saved cursor, guarded DDL skips what exists).
     */
    private boolean retryOperations(LoadedRevision revision, MigratorException failure, int attempt) {
        SQLException cause = SqlErrors.cause(failure);
        return cause != null && retry(revision, cause, failure.getMessage(), attempt);
    }

    private MigratorException operationsFailed(LoadedRevision revision, MigratorException failure, int attempts) {
        SQLException cause = SqlErrors.cause(failure);
        return new MigratorException(cause == null ? failure.code() : SqlErrors.classify(cause, failure.code()),
                "Revision " + revision.id() + " (" + revision.source() + ") failed: " + failure.getMessage()
                + (cause == null ? "" : lockTimeoutHint(cause, attempts))
                + "\n  This revision is non-transactional: operations before the failing one stayed applied. It must "
                + "be idempotent; the next run resumes batch updates and drops INVALID indexes before retrying.", failure);
    }

    private boolean retry(LoadedRevision revision, StatementRunner.StatementFailure failure, int attempt) {
        return retry(revision, failure.sqlException(), "at " + failure.statement().where() + " (" + failure.getMessage() + ")",
                attempt);
    }

    /** After a lock_timeout, and attempts left: reports the retry and waits out the backoff before it. */
    private boolean retry(LoadedRevision revision, SQLException cause, String where, int attempt) {
        if (!LOCK_NOT_AVAILABLE.equals(cause.getSQLState()) || attempt > settings.lockRetries()) {
            return false;
        }
        int next = attempt + 1;
        Duration pause = Backoff.beforeRetry(next);
        log.warn("Revision {}: lock_timeout {}; rolled back, attempt {} of {} in {} ms", revision.id(), where, next,
                settings.lockRetries() + 1, pause.toMillis());
        listeners.emit(l -> l.lockRetry(revision.id(), next));
        Backoff.pause(pause);
        return true;
    }

    private static String lockTimeoutHint(SQLException cause, int attempts) {
        return LOCK_NOT_AVAILABLE.equals(cause.getSQLState())
                ? "\n  It waited longer than lock_timeout for a lock in each of " + attempts + " attempts: another session "
                        + "holds a conflicting lock (see pg_locks / pg_stat_activity). Retry when traffic is lower, or raise "
                        + "lockTimeout / lockRetries."
                : "";
    }

    private List<ExecutableStatement> timeouts(LoadedRevision revision, boolean local) {
        Duration lockTimeout = revision.lockTimeout() != null ? revision.lockTimeout() : settings.lockTimeout();
        String set = local ? "SET LOCAL " : "SET ";
        List<ExecutableStatement> sql = new ArrayList<>();
        sql.add(ExecutableStatement.engine(set + "lock_timeout = '" + lockTimeout.toMillis() + "ms'"));
        if (!settings.statementTimeout().isZero() || !local) {
            sql.add(ExecutableStatement.engine(set + "statement_timeout = '" + settings.statementTimeout().toMillis() + "ms'"));
        }
        return sql;
    }

    private static List<ExecutableStatement> bookkeeping(List<BookkeepingStatement> statements) {
        List<ExecutableStatement> sql = new ArrayList<>();
        for (BookkeepingStatement statement : statements) {
            sql.add(ExecutableStatement.engine(statement.sql(), statement.expectedRows()));
        }
        return sql;
    }

    private MigratorException fail(Connection connection, LoadedRevision revision, HistoryRow row,
            StatementRunner.StatementFailure failure, int attempts, boolean transactional) {
        String error = errorText(failure);
        try {
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                statement.execute(store.tables().historyInsert(row.failed(error)));
            }
        } catch (SQLException e) {
            log.warn("Could not record the failure of revision {} in the history table: {}", revision.id(), e.getMessage());
        }
        return failure(revision, failure, attempts, transactional);
    }

    private MigratorException failNonTransactional(Connection connection, LoadedRevision revision, long historyId,
            HistoryRow row, StatementRunner.StatementFailure failure, int attempts) {
        completeFailed(connection, historyId, row, errorText(failure));
        return failure(revision, failure, attempts, false);
    }

    private void completeFailed(Connection connection, long historyId, HistoryRow row, String error) {
        try (var statement = connection.createStatement()) {
            statement.execute(store.tables().historyComplete(historyId, row.startedAt(), false, error));
        } catch (SQLException e) {
            log.warn("Could not record the failure of revision {} in the history table: {}", row.revision(), e.getMessage());
        }
    }

    private MigratorException failure(LoadedRevision revision, StatementRunner.StatementFailure failure, int attempts,
            boolean transactional) {
        SQLException e = failure.sqlException();
        ExecutableStatement statement = failure.statement();
        StringBuilder message = new StringBuilder("Revision ").append(revision.id()).append(" (")
                .append(statement.where()).append(") failed: ").append(e.getMessage())
                .append(" [SQLSTATE ").append(e.getSQLState()).append("]\n  Statement: ").append(statement.abbreviated(200));
        message.append(lockTimeoutHint(e, attempts));
        if ("25001".equals(e.getSQLState()) && transactional) {
            message.append("\n  This statement cannot run inside a transaction: mark the revision non-transactional "
                    + "('-- Transactional: false' or @Revision(transactional = false)) and make it idempotent.");
        }
        message.append(transactional
                ? "\n  Nothing of this revision was applied (it ran in one transaction). Fix it and run again."
                : "\n  This revision is non-transactional: statements before the failing one stayed applied (a "
                        + "BEGIN ... COMMIT block around it was rolled back). It must be "
                        + "idempotent; the next run drops INVALID indexes it created concurrently and retries it.");
        return new MigratorException(SqlErrors.classify(e, ErrorCode.STATEMENT_FAILED), message.toString(), e);
    }

    static String errorText(StatementRunner.StatementFailure failure) {
        SQLException e = failure.sqlException();
        return "SQLSTATE " + e.getSQLState() + ": " + e.getMessage() + " at " + failure.statement().where();
    }

    private static MigratorException versionTableChanged(LoadedRevision revision, StatementRunner.RowCountMismatch mismatch) {
        return new MigratorException(ErrorCode.STATE_TABLES_INCONSISTENT, "Revision " + revision.id() + " was rolled back: the version-table write \""
                + mismatch.statement().abbreviated(120) + "\" touched " + mismatch.actual() + " row(s) instead of "
                + mismatch.statement().expectedRows() + ". The version table was changed outside this run; "
                + "check it with 'current' and fix it with 'stamp'.");
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("Rollback failed (connection lost?)", e);
        }
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
     * blocks). With no block open the server only warns.
     */
    private static void endOwnBlock(Connection connection) {
        try (var statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            log.debug("Could not roll back the revision's transaction block", e);
        }
    }

    private static void resetTimeouts(Connection connection) {
        try (var statement = connection.createStatement()) {
            statement.execute("RESET lock_timeout; RESET statement_timeout");
        } catch (SQLException e) {
            log.debug("Could not reset timeouts", e);
        }
    }

    static String timestamp(Instant instant) {
        return StateTables.literal(instant.toString()) + "::timestamptz";
    }
}
