package dev.migrator.internal.safety;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Observes the locks of a statement that cannot run in a transaction block ({@code CREATE INDEX
 * CONCURRENTLY}, {@code DROP INDEX CONCURRENTLY}), whose locks are gone by the time it returns. A second
 * session holds {@code ROW EXCLUSIVE} on the table, as a writing application would; a concurrent build or drop
 * takes its own locks and then waits for that writer to finish. While it waits, its granted locks are read
 * from {@code pg_locks}; then the writer ends and the statement completes. Every wait is bounded.
 */
final class ConcurrentLockProbe {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private ConcurrentLockProbe() {}

    /**
     * Runs {@code sql} on {@code connection} (autocommit) while {@code writer} holds ROW EXCLUSIVE on
     * {@code table} (a quoted name); returns the statement's granted locks while it waited, or null when it
     * never waited (then no lock could be observed).
     */
    static Set<LockSnapshot.Lock> run(Connection connection, Connection writer, String sql, String table) throws SQLException {
        int pid = LockSnapshot.pid(connection);
        writer.setAutoCommit(false);
        try (Statement lock = writer.createStatement()) {
            lock.execute("LOCK TABLE " + table + " IN ROW EXCLUSIVE MODE");
        }
        // A thread of its own: the statement blocks on the server for as long as the writer holds its lock.
        CompletableFuture<SQLException> running = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                running.complete(null);
            } catch (SQLException e) {
                running.complete(e);
            } catch (RuntimeException | Error e) {
                running.completeExceptionally(e);
            }
        }, "migrator-safety-probe");
        runner.setDaemon(true);
        runner.start();
        Set<LockSnapshot.Lock> observed = null;
        try {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!running.isDone() && System.nanoTime() < deadline) {
                if (LockSnapshot.waiting(writer, pid)) {
                    observed = LockSnapshot.locks(writer, pid, true);
                    break;
                }
                awaitBriefly(running);
            }
        } finally {
            writer.rollback(); // the writer ends: the statement goes on
            writer.setAutoCommit(true);
        }
        SQLException failure = finish(running, sql);
        if (failure != null) {
            throw failure;
        }
        return observed;
    }

    private static SQLException finish(CompletableFuture<SQLException> running, String sql) throws SQLException {
        try {
            return running.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new SQLException("did not finish within " + LIMIT.toSeconds() + " s on the scratch database: " + sql, e);
        } catch (ExecutionException e) {
            throw new SQLException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while measuring: " + sql, e);
        }
    }

    /**
     * Between two looks at pg_locks, while the statement is still taking its first locks: waits on the
     * statement itself, so a statement that finishes (or fails) without ever waiting ends the polling at once.
     */
    private static void awaitBriefly(CompletableFuture<SQLException> running) throws SQLException {
        try {
            running.get(5, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            // the usual case: look at pg_locks again
        } catch (ExecutionException finishedBadly) {
            // reported by finish(), after the loop sees the future done
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while measuring", e);
        }
    }
}
