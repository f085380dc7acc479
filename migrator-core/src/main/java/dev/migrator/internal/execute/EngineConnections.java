package dev.migrator.internal.execute;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.dialect.postgresql.PostgresErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Where the engine's connections come from, and what a failure to get or use one says. A command's
 * connection waits for a database that is not up yet ({@code connectRetries}); a status read's never
 * waits, and its network reads are bounded ({@code readTimeout}), because whoever asks for the state
 * (a probe, a scrape, an operator) must get an answer while the database does not give one.
 */
public final class EngineConnections {

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final ConnectionSource source;
    private final EngineSettings.ConnectSettings connect;

    public EngineConnections(ConnectionSource source, EngineSettings.ConnectSettings connect) {
        this.source = source;
        this.connect = connect;
    }

    /**
     * A command's connection, after waiting for the database as {@code connectRetries} allows. A failure
     * to connect is said as such: no revision ran, so there is nothing else to blame.
     */
    public Connection forCommand() {
        Connection connection;
        try {
            connection = DatabaseWait.open(source, connect);
        } catch (SQLException e) {
            ErrorCode code = PostgresErrors.classify(e, ErrorCode.CONNECTION_FAILED);
            throw new MigratorException(code, "Cannot connect to the database " + connect.database() + ": "
                    + PostgresErrors.describe(e)
                    + (connect.retries() == 0 && DatabaseWait.healsByWaiting(e)
                    ? "\n  It may not be up yet: connect retries are off, so it was tried once." : "")
                    + "\n  What to do: " + code.advice(), e);
        }
        return requireConnection(connection);
    }

    /** A status read's connection: one attempt, no waiting. */
    public Connection forStatusRead() throws SQLException {
        return requireConnection(source.open());
    }

    /**
     * Runs {@code work} with every network read bounded by {@code readTimeout} (when one is set),
     * restoring the connection's own network timeout before it goes back to its pool.
     */
    public <T> T withReadTimeout(Connection connection, Work<T> work) throws SQLException {
        Duration bound = connect.readTimeout();
        if (bound.isZero()) {
            return work.run(connection);
        }
        int previous = connection.getNetworkTimeout();
        connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, bound.toMillis()));
        try {
            return work.run(connection);
        } finally {
            if (!connection.isClosed()) {
                connection.setNetworkTimeout(Runnable::run, previous);
            }
        }
    }

    /**
     * A read failed: only reads ran, so there is no revision or privilege to create tables to blame; the
     * advice is about reaching the database.
     */
    public MigratorException readError(SQLException e) {
        ErrorCode code = PostgresErrors.classify(e, ErrorCode.INTERNAL);
        String advice = code == ErrorCode.CONNECTION_FAILED || code == ErrorCode.CONNECTION_LOST
                ? "Check that the database " + connect.database() + " is up and reachable."
                : code == ErrorCode.PERMISSION_DENIED
                        ? "Grant the user read access to Migrator's tables."
                        : "Check the connection settings and the database's log.";
        return new MigratorException(code, "Database error while reading the migration state: "
                + PostgresErrors.describe(e) + ". " + advice, e);
    }

    private static Connection requireConnection(Connection connection) {
        if (connection == null) {
            throw new MigratorException(ErrorCode.CONNECTION_FAILED, "The DataSource returned no connection");
        }
        return connection;
    }
}
