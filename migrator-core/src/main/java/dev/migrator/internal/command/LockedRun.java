package dev.migrator.internal.command;

import dev.migrator.Direction;
import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.dialect.postgresql.PostgresErrors;
import dev.migrator.event.MigrationListener;
import dev.migrator.internal.execute.RunStart;
import dev.migrator.internal.lock.AdvisoryLock;
import dev.migrator.internal.state.StateStore;
import dev.migrator.internal.state.StateTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The primitive every writing verb runs in (Flyway's command template, Alembic's {@code run_migrations}
 * context): one connection, the advisory lock on that very connection, Migrator's tables found or created
 * under the lock and the run's id drawn ({@link RunStart}), the run's events, and one error per failure.
 */
final class LockedRun {

    private static final Logger log = LoggerFactory.getLogger(LockedRun.class);

    /** The work of a run: the caller holds the lock; {@code store} writes history rows with the run's id. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection, StateStore store, Duration lockWait) throws SQLException;
    }

    private LockedRun() {}

    /**
     * Runs {@code work} under the migration lock, telling the listeners that a run started, got its lock and
     * ended; {@code succeeded} is told the result before the lock is released.
     */
    static <T> T run(CommandContext context, Direction direction, String target, Work<T> work, Consumer<T> succeeded) {
        context.listeners().emit(l -> l.runStarted(new MigrationListener.RunStarted(direction, target)));
        // The lock resolves the schema (the configured one, else the connection's current one) in the
        // statement that takes it: the tables are found and created only under the lock. Made before the
        // connection is asked for, so that naming who migrates (host, pid) is done while a first connection
        // may still be opening (EarlyConnection).
        AdvisoryLock lock = new AdvisoryLock(context.settings().schema(), context.settings().tablePrefix(),
                context.settings().advisoryLockWait(), CommandContext.who());
        try (Connection connection = context.connections().forCommand()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                Duration[] waited = {Duration.ZERO};
                T result = lock.withLock(connection, schema -> {
                    StateStore store = RunStart.open(connection,
                            new StateTables(schema, context.settings().tablePrefix()), context.settings());
                    return work.run(connection, store, waited[0]);
                }, wait -> {
                    waited[0] = wait;
                    context.listeners().emit(l -> l.lockAcquired(wait));
                });
                succeeded.accept(result);
                return result;
            } finally {
                restoreAutoCommit(connection, autoCommit);
            }
        } catch (MigratorException e) {
            context.listeners().emit(l -> l.runFailed(e));
            throw e;
        } catch (SQLException e) {
            MigratorException error = databaseError(direction.label() + " to " + target, e);
            context.listeners().emit(l -> l.runFailed(error));
            throw error;
        } catch (Exception e) {
            MigratorException error = new MigratorException(ErrorCode.INTERNAL, "Unexpected failure during "
                    + direction.label() + " to " + target + ": " + e, e);
            context.listeners().emit(l -> l.runFailed(error));
            throw error;
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            if (!connection.isClosed()) {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            log.debug("Could not restore autocommit", e);
        }
    }

    /** A database failure outside the steps (connecting, locking, reading the state): its advice by its class. */
    private static MigratorException databaseError(String what, SQLException e) {
        ErrorCode code = PostgresErrors.classify(e, ErrorCode.INTERNAL);
        return new MigratorException(code, "Database error while " + what + ": " + PostgresErrors.describe(e)
                + "\n  What to do: " + code.advice(), e);
    }
}
