package dev.migrator.internal.check;

import dev.migrator.check.PostDeployCheck.CheckOutcome;

import dev.migrator.check.PostDeployCheck;

import dev.migrator.result.VerifyResult.CheckResult;
import dev.migrator.internal.support.DurationText;
import dev.migrator.internal.support.Secrets;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Evaluates post-deploy checks one after another, on one connection, each within a time limit. Nothing
 * a check does escapes: a check that throws is FAILED with the exception, one that runs past its limit
 * is FAILED "timed out" (its query is cancelled and its connection aborted, and the next check gets a new
 * one) and the runner moves on at once instead of waiting for it. Between checks, a transaction a check
 * left open is rolled back, so each starts in autocommit as the first did.
 */
public final class CheckRunner {

    private static final Logger log = LoggerFactory.getLogger(CheckRunner.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Where each check gets its connection (a DataSource's {@code getConnection}, for example). */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final Duration timeout;

    /** @param timeout the time limit of each check */
    public CheckRunner(Connections connections, Duration timeout) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("check timeout must be positive, was " + DurationText.of(timeout));
        }
    }

    public List<CheckResult> run(List<? extends PostDeployCheck> checks) {
        // Daemon threads: a check stuck outside JDBC (where cancelling cannot reach) must not keep the JVM alive.
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        AtomicReference<Connection> shared = new AtomicReference<>();
        try {
            List<CheckResult> results = new ArrayList<>(checks.size());
            for (PostDeployCheck check : checks) {
                results.add(run(check, executor, shared));
            }
            return results;
        } finally {
            executor.shutdownNow();
            close(shared.getAndSet(null));
        }
    }

    private CheckResult run(PostDeployCheck check, ExecutorService executor, AtomicReference<Connection> shared) {
        String name = nameOf(check);
        String revision = revisionOf(check);
        Lease lease = new Lease(shared);
        long started = System.nanoTime();
        Future<CheckOutcome> future = executor.submit(() -> {
            Connection c = shared.get();
            boolean opened = c == null;
            if (opened) {
                c = connections.open();
            }
            if (!lease.take(c, opened)) {
                if (opened) {
                    close(c); // the check timed out while its connection was opening: nobody will use it
                }
                throw new IllegalStateException("the check timed out before it started");
            }
            try {
                return Objects.requireNonNull(check.check(c), "the check returned no outcome");
            } finally {
                tidy(c, shared);
            }
        });
        CheckOutcome outcome;
        try {
            outcome = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            cancel(lease.abandon());
            outcome = CheckOutcome.failed("timed out after " + DurationText.of(timeout) + " (the check was cancelled)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            outcome = CheckOutcome.failed("the check failed with " + cause.getClass().getSimpleName() + ": "
                    + Secrets.mask(cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            cancel(lease.abandon());
            outcome = CheckOutcome.failed("interrupted before the check finished");
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        if (!outcome.passed()) {
            log.warn("Post-deploy check {}{} FAILED: {}", name, revision == null ? "" : " of revision " + revision, outcome.detail());
        }
        return new CheckResult(name, revision, outcome.passed() ? CheckResult.Status.PASSED : CheckResult.Status.FAILED,
                duration, outcome.detail());
    }

    /**
     * The connection one check runs on, taken and given up under one lock: a check that times out while its
     * task is still getting the connection must neither publish a new one nor keep using the shared one,
     * which the next check will use.
     */
    private static final class Lease {
        private final AtomicReference<Connection> shared;
        private Connection connection;
        private boolean abandoned;

        Lease(AtomicReference<Connection> shared) {
            this.shared = shared;
        }

        /** Whether the check may run on {@code c}; a connection it {@code opened} becomes the shared one. */
        synchronized boolean take(Connection c, boolean opened) {
            if (abandoned) {
                return false;
            }
            connection = c;
            if (opened) {
                shared.set(c);
            }
            return true;
        }

        /** The check timed out: its connection (null if it has none yet) stops being the shared one. */
        synchronized Connection abandon() {
            abandoned = true;
            if (connection != null) {
                shared.compareAndSet(connection, null);
            }
            return connection;
        }
    }

    /**
     * Leaves the shared connection as the next check expects it: a transaction the check left open is rolled
     * back and autocommit restored; a connection that cannot be tidied is closed, and the next check opens one.
     */
    private static void tidy(Connection connection, AtomicReference<Connection> shared) {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            if (!connection.isClosed()) {
                return;
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not tidy the checks' connection; the next check opens a new one", e);
            close(connection);
        }
        shared.compareAndSet(connection, null);
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not close the checks' connection", e);
        }
    }

    /** Stops the server-side query first (closing the socket alone would let the backend run on), then frees the connection. */
    private static void cancel(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            if (connection.isWrapperFor(PGConnection.class)) {
                connection.unwrap(PGConnection.class).cancelQuery();
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not cancel the query of a timed-out check", e);
        }
        try {
            // the run's executor shuts down right after the last check, so the close gets a thread of its own
            connection.abort(command -> daemonThreads().newThread(command).start());
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not abort the connection of a timed-out check", e);
        }
    }

    private static String nameOf(PostDeployCheck check) {
        try {
            String name = check.name();
            return name == null || name.isBlank() ? check.getClass().getName() : name;
        } catch (RuntimeException e) {
            return check.getClass().getName();
        }
    }

    private static String revisionOf(PostDeployCheck check) {
        try {
            return check.revision();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "migrator-check-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
