package dev.migrator.event;

import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigrationResult.StepResult;
import dev.migrator.operation.BatchProgress;
import java.time.Duration;

/**
 * Callbacks from the engine while it runs. Metrics, health and logging hang on these, so the
 * core needs no knowledge of them. Every method has an empty default; a listener that throws is
 * logged and ignored (observability never breaks a migration).
 */
public interface MigrationListener {

    /** A run (upgrade, downgrade or stamp) starts, before the advisory lock is requested. */
    default void runStarted(RunStarted event) {}

    /** The advisory lock was obtained after {@code waited}. */
    default void lockAcquired(Duration waited) {}

    /** A lock conflict (lock_timeout, SQLSTATE 55P03, or a deadlock, 40P01) made {@code revision} roll back; attempt {@code attempt} follows. */
    default void lockRetry(String revision, int attempt) {}

    default void stepStarted(String revision, dev.migrator.Direction direction) {}

    default void stepSucceeded(StepResult step) {}

    /**
     * A {@code batchUpdate} of {@code revision} committed a batch (after the operation's own progress
     * listener, if it has one). For progress displays: a listener that throws here is ignored, it never
     * stops the update.
     */
    default void batchProgress(String revision, BatchProgress progress) {}

    default void stepFailed(String revision, dev.migrator.Direction direction, Duration duration, Throwable error) {}

    default void runSucceeded(MigrationResult result) {}

    default void runFailed(Throwable error) {}

    record RunStarted(dev.migrator.Direction direction, String target) {}
}
