package dev.migrator.execute;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Error text for users: the server's message plus its detail and hint (which name the offending key). */
final class SqlErrors {

    private SqlErrors() {}

    static String describe(SQLException e) {
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

    /** The database error under {@code failure} (an operation wraps it in a MigratorException), or null. */
    static SQLException cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                return e;
            }
        }
        return null;
    }
}
