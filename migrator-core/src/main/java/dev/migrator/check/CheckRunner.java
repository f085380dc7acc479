package dev.migrator.check;

import dev.migrator.CheckResult;
import dev.migrator.DurationText;
import dev.migrator.Secrets;
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
 * Evaluates post-deploy checks one after another, each on a connection of its own and within a time
 * limit. Nothing a check does escapes: a check that throws is FAILED with the exception, one that
 * runs past its limit is FAILED "timed out" (its query is cancelled and its connection aborted) and
 * the runner moves on at once instead of waiting for it.
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
        try {
            List<CheckResult> results = new ArrayList<>(checks.size());
            for (PostDeployCheck check : checks) {
                results.add(run(check, executor));
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    private CheckResult run(PostDeployCheck check, ExecutorService executor) {
        String name = nameOf(check);
        String revision = revisionOf(check);
        AtomicReference<Connection> connection = new AtomicReference<>();
        long started = System.nanoTime();
        Future<CheckOutcome> future = executor.submit(() -> {
            try (Connection c = connections.open()) {
                connection.set(c);
                return Objects.requireNonNull(check.check(c), "the check returned no outcome");
            }
        });
        CheckOutcome outcome;
        try {
            outcome = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            cancel(connection.get());
            outcome = CheckOutcome.failed("timed out after " + DurationText.of(timeout) + " (the check was cancelled)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            outcome = CheckOutcome.failed("the check failed with " + cause.getClass().getSimpleName() + ": "
                    + Secrets.mask(cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            cancel(connection.get());
            outcome = CheckOutcome.failed("interrupted before the check finished");
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        if (!outcome.passed()) {
            log.warn("Post-deploy check {}{} FAILED: {}", name, revision == null ? "" : " of revision " + revision, outcome.detail());
        }
        return new CheckResult(name, revision, outcome.passed() ? CheckResult.Status.PASSED : CheckResult.Status.FAILED,
                duration, outcome.detail());
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
