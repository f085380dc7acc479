package dev.migrator.internal.dialect.postgresql;

import dev.migrator.ErrorCode;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * How a PostgreSQL error is told: the one place that writes {@code [SQLSTATE x]} and reads a failure's
 * class from its SQLSTATE.
 */
public final class PostgresErrors {

    private PostgresErrors() {}

    /**
     * For messages: the server's message plus its detail and hint (which name the offending key), then
     * {@code [SQLSTATE x]}; the driver's message for a failure that did not come from the server.
     */
    public static String describe(SQLException e) {
        StringBuilder text = new StringBuilder();
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage server = p.getServerErrorMessage();
            text.append(server.getMessage());
            if (server.getDetail() != null) {
                text.append(" (").append(server.getDetail()).append(')');
            }
            if (server.getHint() != null) {
                text.append(" Hint: ").append(server.getHint());
            }
        } else {
            text.append(e.getMessage());
        }
        return text.append(" [SQLSTATE ").append(e.getSQLState()).append(']').toString();
    }

    /**
     * For a history row's {@code error} column: {@code SQLSTATE x: message}, the state first so the failures
     * of one class can be found with {@code LIKE 'SQLSTATE 55P03:%'}.
     */
    public static String recorded(SQLException e) {
        return "SQLSTATE " + e.getSQLState() + ": " + e.getMessage();
    }

    /** The database error under {@code failure} (an operation wraps it in a MigratorException), or null. */
    public static SQLException cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                return e;
            }
        }
        return null;
    }

    /**
     * The class of a database failure, from its SQLSTATE; {@code otherwise} when the state names none
     * of the classes that have advice of their own (then it is the statement's own error, or ours).
     */
    public static ErrorCode classify(SQLException e, ErrorCode otherwise) {
        String state = e.getSQLState();
        if (state == null) {
            return otherwise;
        }
        return switch (state) {
            case "08001", "08004", "3D000", "57P03", "53300" -> ErrorCode.CONNECTION_FAILED;
            case "08000", "08003", "08006", "57P01", "57P02" -> ErrorCode.CONNECTION_LOST;
            case "42501" -> ErrorCode.PERMISSION_DENIED;
            case LOCK_NOT_AVAILABLE, DEADLOCK_DETECTED -> ErrorCode.LOCK_RETRIES_EXHAUSTED;
            case "57014" -> ErrorCode.STATEMENT_TIMEOUT;
            default -> state.startsWith("28") ? ErrorCode.CONNECTION_FAILED : otherwise;
        };
    }

    /** {@code lock_timeout} ran out (SQLSTATE 55P03). */
    public static boolean isLockTimeout(SQLException e) {
        return LOCK_NOT_AVAILABLE.equals(e.getSQLState());
    }

    /**
     * The server rolled the transaction back as a deadlock's victim (SQLSTATE 40P01): another session waited
     * for a lock this one held while this one waited for one of that session's.
     */
    public static boolean isDeadlock(SQLException e) {
        return DEADLOCK_DETECTED.equals(e.getSQLState());
    }

    /**
     * A lock conflict the revision is not at fault for, after which nothing of the attempt is left: a lock
     * timeout or a deadlock. The failures a step retries (Flyway and Liquibase fail on both).
     */
    public static boolean isLockConflict(SQLException e) {
        return isLockTimeout(e) || isDeadlock(e);
    }

    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String DEADLOCK_DETECTED = "40P01";
}
