package dev.migrator.operation;

import dev.migrator.operation.SafePattern.BatchUpdate;

import java.time.Duration;

/**
 * Progress of a {@link BatchUpdate} after a committed batch.
 *
 * @param lastKey the key of the last row of the committed batch (the persisted cursor), as text
 * @param rowsUpdated rows updated so far by this run (a resumed run counts from zero)
 * @param fraction the share of the key range done, 0..1, or -1 when the key is not numeric
 * @param eta estimated time left from the key range, or null when unknown
 */
public record BatchProgress(String table, int batch, String lastKey, long rowsUpdated, Duration elapsed,
        double rowsPerSecond, double fraction, Duration eta) {

    /** Receives progress after each committed batch; throwing from it stops the update (the cursor stays). */
    @FunctionalInterface
    public interface Listener {
        void onBatch(BatchProgress progress);
    }
}
