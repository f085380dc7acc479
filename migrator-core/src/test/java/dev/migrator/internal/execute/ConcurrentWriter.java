package dev.migrator.internal.execute;

import dev.migrator.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bounded loop of application writes on its own connection while a migration runs. Each iteration is
 * one autocommitted round of {@link Iteration#run}; {@link #awaitIterations} lets the migration wait until
 * the writer has really been writing (a latch, not a sleep).
 */
final class ConcurrentWriter implements AutoCloseable {

    interface Iteration {
        void run(Connection connection, int i) throws Exception;
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch warmedUp;
    private final Future<Integer> iterations;

    ConcurrentWriter(TestDatabase db, int maxIterations, int warmUpIterations, Iteration iteration) {
        this.warmedUp = new CountDownLatch(warmUpIterations);
        this.iterations = thread.submit(() -> {
            try (Connection connection = db.connect()) {
                connection.setAutoCommit(true);
                int i = 0;
                while (i < maxIterations && !stop.get()) {
                    iteration.run(connection, i);
                    i++;
                    warmedUp.countDown();
                }
                return i;
            }
        });
    }

    /** Blocks until the writer has done its warm-up iterations (or failed, or 60 s passed). */
    void awaitIterations() {
        try {
            if (!warmedUp.await(60, TimeUnit.SECONDS) && iterations.isDone()) {
                iterations.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the concurrent writer failed", e);
        }
    }

    /** Whether the loop is still going (so it overlapped whatever ran since {@link #awaitIterations}). */
    boolean running() {
        return !iterations.isDone();
    }

    /** Stops the loop and returns how many iterations ran; rethrows the writer's failure. */
    int stop() throws Exception {
        stop.set(true);
        return iterations.get(60, TimeUnit.SECONDS);
    }

    static void update(Connection connection, String sql, Object... params) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int p = 0; p < params.length; p++) {
                statement.setObject(p + 1, params[p]);
            }
            statement.executeUpdate();
        }
    }

    @Override
    public void close() {
        stop.set(true);
        thread.shutdownNow();
    }
}
