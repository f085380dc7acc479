package dev.migrator.commands.render;

import dev.migrator.Direction;
import dev.migrator.result.MigrationResult.StepResult;
import dev.migrator.event.MigrationListener;
import dev.migrator.operation.BatchProgress;
import java.time.Duration;

/**
 * Prints a run as it happens: a line per revision with its duration, lock waits and retries, and for a
 * {@code batchUpdate} backfill one progress line that is rewritten after every batch.
 */
public final class ProgressPrinter implements MigrationListener {

    private final Printer printer;

    public ProgressPrinter(Printer printer) {
        this.printer = printer;
    }

    @Override
    public void lockAcquired(Duration waited) {
        if (waited.toMillis() >= 1000) {
            printer.line("Migration lock obtained after " + Human.duration(waited) + " (another instance was migrating).");
        }
    }

    @Override
    public void lockRetry(String revision, int attempt) {
        printer.warn(revision + ": a lock wait exceeded the lock timeout; rolled back, attempt " + attempt + " follows.");
    }

    @Override
    public void stepSucceeded(StepResult step) {
        printer.line(String.format("  %-9s %s  %s  (%s%s)", step.direction().label(), step.revision(), step.message(),
                Human.duration(step.duration()), step.attempts() > 1 ? ", " + step.attempts() + " attempts" : ""));
    }

    @Override
    public void stepFailed(String revision, Direction direction, Duration duration, Throwable error) {
        printer.line(String.format("  %-9s %s  FAILED after %s", direction.label(), revision, Human.duration(duration)));
    }

    @Override
    public void batchProgress(String revision, BatchProgress progress) {
        StringBuilder text = new StringBuilder("    ").append(revision).append(" batchUpdate ").append(progress.table())
                .append(": batch ").append(progress.batch()).append(", ").append(progress.rowsUpdated()).append(" rows, ")
                .append(Math.round(progress.rowsPerSecond())).append(" rows/s");
        if (progress.fraction() >= 0) {
            text.append(String.format(", %.0f%%", progress.fraction() * 100));
            if (progress.eta() != null) {
                text.append(", about ").append(progress.eta().toSeconds()).append(" s left");
            }
        }
        printer.progress(text.toString());
    }
}
