package dev.migrator.internal.execute;

import dev.migrator.internal.dialect.postgresql.PostgresCatalog;
import dev.migrator.internal.dialect.postgresql.PostgresText;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * INVALID indexes: what a failed or killed {@code CREATE INDEX CONCURRENTLY} leaves behind. Such an
 * index is maintained on every write but never used, and {@code IF NOT EXISTS} happily skips it,
 * so the engine neither records a revision over one nor retries without dropping it first. (The
 * catalog queries are {@link PostgresCatalog}'s; this class decides what to do with their answers.)
 */
final class InvalidIndexes {

    private InvalidIndexes() {}

    /** Every INVALID index of the database, as {@code regclass} text (schema-qualified when needed). */
    static Set<String> snapshot(Connection connection) throws SQLException {
        return PostgresCatalog.invalidIndexes(connection);
    }

    /** The INVALID indexes no other session is building right now ({@link PostgresCatalog#invalidIndexesNotBeingBuilt}). */
    static Set<String> leftOver(Connection connection) throws SQLException {
        return PostgresCatalog.invalidIndexesNotBeingBuilt(connection);
    }

    /**
     * Names of the indexes the statements create concurrently, as PostgreSQL stores them. These are SQL
     * statements as written (a SQL file's, or {@code op.execute}'s): the operations of the op API say so
     * themselves ({@code runsOutsideTransaction}) and their builds repair their own leftovers.
     */
    static Set<String> createdConcurrently(List<ExecutableStatement> statements) {
        Set<String> names = new LinkedHashSet<>();
        for (ExecutableStatement statement : statements) {
            String name = PostgresText.indexBuiltConcurrently(statement.sql());
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Drops the INVALID leftovers among {@code names}; returns what was dropped. Runs under the session's
     * timeouts: a {@code DROP INDEX CONCURRENTLY} waits for every transaction holding a lock on the table, so
     * it can be blocked exactly as the build was, and then it fails on {@code lock_timeout} like any statement
     * (naming itself), for the attempt it counts against.
     */
    static Set<String> repair(Connection connection, Set<String> names) throws StatementRunner.StatementFailure {
        if (names.isEmpty()) {
            return Set.of();
        }
        Set<String> invalid;
        try {
            invalid = PostgresCatalog.invalidIndexesNamed(connection, names);
        } catch (SQLException e) {
            throw new StatementRunner.StatementFailure(
                    ExecutableStatement.engine("SELECT ... FROM pg_index (INVALID indexes named " + names + ")"), e);
        }
        for (String index : invalid) {
            String drop = "DROP INDEX CONCURRENTLY IF EXISTS " + index;
            try (Statement statement = connection.createStatement()) {
                statement.execute(drop);
            } catch (SQLException e) {
                throw new StatementRunner.StatementFailure(ExecutableStatement.engine(drop), e);
            }
        }
        return invalid;
    }

    /** Which of {@code names} exist and are INVALID now, as {@code regclass} text; empty if that cannot be read. */
    static Set<String> invalidAmong(Connection connection, Set<String> names) {
        try {
            return names.isEmpty() ? Set.of() : PostgresCatalog.invalidIndexesNamed(connection, names);
        } catch (SQLException e) {
            // the connection is gone with the failure: the message then cannot say, the next run still repairs
            return Set.of();
        }
    }
}
