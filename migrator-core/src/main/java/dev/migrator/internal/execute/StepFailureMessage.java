package dev.migrator.internal.execute;

import dev.migrator.internal.support.DurationText;
import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.dialect.postgresql.PostgresErrors;
import dev.migrator.internal.source.LoadedRevision;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The message of a failed step, always in the same order: what failed and where; why, when the class
 * has more to say (the session it waited for, the timeout it ran into); what the failure left in the
 * database; and what to do, which {@link ErrorCode#advice()} chooses by the failure's {@link ErrorCode}.
 * The revision's SQL is blamed ({@link ErrorCode#STATEMENT_FAILED}) only when a statement of the
 * revision failed for a reason of its own, never for a statement of Migrator's or a lost connection.
 */
final class StepFailureMessage {

    private final ErrorCode code;
    private final SQLException sqlCause;
    private final StringBuilder text;
    private final List<String> lines = new ArrayList<>();

    private StepFailureMessage(ErrorCode code, SQLException sqlCause, String head) {
        this.code = code;
        this.sqlCause = sqlCause;
        this.text = new StringBuilder(head);
    }

    /** A statement failed: the revision's (named by file and line) or one of Migrator's own on its behalf. */
    static StepFailureMessage statement(LoadedRevision revision, StatementRunner.StatementFailure failure) {
        SQLException e = failure.sqlException();
        ExecutableStatement statement = failure.statement();
        boolean ours = !statement.fromRevision();
        ErrorCode code = PostgresErrors.classify(e, ours ? ErrorCode.INTERNAL : ErrorCode.STATEMENT_FAILED);
        StepFailureMessage message = new StepFailureMessage(code, e, "Revision " + revision.id() + " ("
                + (ours ? revision.source() : statement.where()) + ") failed" + (ours ? " in a statement of Migrator's" : "")
                + ": " + PostgresErrors.describe(e));
        message.lines.add((ours ? "Statement (Migrator's, not the revision's): " : "Statement: ") + statement.abbreviated(200));
        return message;
    }

    /** A runtime operation failed; its message names the operation, and its SQL cause (if any) gives the class. */
    static StepFailureMessage operation(LoadedRevision revision, MigratorException failure) {
        SQLException cause = PostgresErrors.cause(failure);
        ErrorCode code = cause == null ? failure.code() : PostgresErrors.classify(cause, failure.code());
        return new StepFailureMessage(code, cause, "Revision " + revision.id() + " (" + revision.source()
                + ") failed: " + failure.getMessage());
    }

    /** A database error around the revision's statements, not in them (its bookkeeping): {@code what} happened. */
    static StepFailureMessage database(LoadedRevision revision, String what, SQLException e) {
        return new StepFailureMessage(PostgresErrors.classify(e, ErrorCode.INTERNAL), e, "Revision " + revision.id()
                + " (" + revision.source() + ") " + what + ": " + PostgresErrors.describe(e));
    }

    ErrorCode code() {
        return code;
    }

    /**
     * For a lock conflict: how long each attempt waited (or that the last one was a deadlock's victim), how many
     * there were, and who held what they waited for.
     */
    StepFailureMessage waited(int attempts, Duration lockTimeout, List<Blockers.Blocker> blockers) {
        if (code == ErrorCode.LOCK_RETRIES_EXHAUSTED) {
            String tries = attempts + (attempts == 1 ? " attempt" : " attempts");
            lines.add((sqlCause != null && PostgresErrors.isDeadlock(sqlCause)
                    ? "It was rolled back as the victim of a deadlock with another session, after " + tries + ". "
                    : "It waited longer than lock_timeout (" + DurationText.of(lockTimeout) + ") for a lock in each of "
                            + tries + ". ")
                    + Blockers.sentence(blockers));
        }
        return this;
    }

    /** A line of its own about what happened, before what it left and what to do. */
    StepFailureMessage note(String line) {
        lines.add(line);
        return this;
    }

    /** For a statement timeout: the limit it ran into. */
    StepFailureMessage timedOut(Duration statementTimeout) {
        if (code == ErrorCode.STATEMENT_TIMEOUT) {
            lines.add(statementTimeout.isZero()
                    ? "It was cancelled: statementTimeout is off here, so by a statement_timeout set for the role or "
                            + "database, or by pg_cancel_backend."
                    : "It ran longer than statement_timeout (" + DurationText.of(statementTimeout) + ").");
        }
        return this;
    }

    /** A transactional revision: what its rolled-back (or, after a lost COMMIT, committed) transaction left. */
    StepFailureMessage leftTransactional(FailureRecorder.Recorded recorded) {
        if (sqlCause != null && "25001".equals(sqlCause.getSQLState())) {
            lines.add("This statement cannot run inside a transaction: mark the revision non-transactional "
                    + "('-- Transactional: false' or @Revision(transactional = false)) and make it idempotent.");
        }
        if (recorded.outcome() == FailureRecorder.Outcome.STEP_COMMITTED) {
            lines.add("Its transaction was committed before the connection was lost: the revision is applied.");
        } else if (code == ErrorCode.CONNECTION_LOST) {
            lines.add("The server rolled its transaction back with the session: nothing of this revision was applied.");
        } else {
            lines.add("Nothing of this revision was applied (it ran in one transaction).");
        }
        return recordedNote(recorded);
    }

    /** A non-transactional revision: what stayed, and the INVALID indexes a concurrent build left. */
    StepFailureMessage leftNonTransactional(Set<String> invalidLeft, FailureRecorder.Recorded recorded) {
        lines.add("This revision is non-transactional: what ran before the failing statement stayed applied (it must be "
                + "idempotent); the next run drops the INVALID indexes it creates concurrently and runs it again.");
        if (!invalidLeft.isEmpty()) {
            lines.add("It left INVALID index(es) " + invalidLeft + ", which slow every write to their table until "
                    + "dropped: the next run drops them first, or drop them with DROP INDEX CONCURRENTLY"
                    + (code == ErrorCode.LOCK_RETRIES_EXHAUSTED ? " once the blocking session has ended." : "."));
        }
        return recordedNote(recorded);
    }

    private StepFailureMessage recordedNote(FailureRecorder.Recorded recorded) {
        if (recorded.outcome() == FailureRecorder.Outcome.NOT_RECORDED) {
            lines.add("The failure is not in the history table" + (recorded.note() == null ? "." : ": " + recorded.note())
                    + " The next run records a step left open as failed.");
        }
        return this;
    }

    MigratorException build(Throwable cause) {
        for (String line : lines) {
            text.append("\n  ").append(line);
        }
        text.append("\n  What to do: ").append(code.advice());
        return new MigratorException(code, text.toString(), cause);
    }

    /** The history row's error text: SQLSTATE, the server's message, where. */
    static String errorText(StatementRunner.StatementFailure failure) {
        SQLException e = failure.sqlException();
        return PostgresErrors.recorded(e) + " at " + where(failure.statement());
    }

    /** {@code file:line} of a revision's statement; a statement of Migrator's own by its text. */
    static String where(ExecutableStatement statement) {
        return statement.fromRevision() ? statement.where() : "Migrator's statement " + statement.abbreviated(120);
    }
}
