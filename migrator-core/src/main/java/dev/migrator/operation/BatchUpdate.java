package dev.migrator.operation;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code UPDATE table SET setSql WHERE whereSql}, in keyset batches walked along a unique key (the primary
 * key by default), one commit per batch, so no lock is held long and the work survives a crash: the last
 * key done is persisted and a rerun resumes after it. Never OFFSET: as updated rows leave the WHERE set,
 * an offset skips rows.
 *
 * <p>Runs outside the revision's transaction (see {@link AutocommitBlock}). Rows inserted concurrently
 * with a key below the cursor are not visited; with an increasing key (identity, sequence) that cannot
 * happen, otherwise the application must write new rows correctly itself during the migration.
 *
 * @param whereSql the predicate of rows to update, or null for all; it should become false once a row is
 *     updated (e.g. {@code "col IS NULL"}) so that a resumed or repeated run is idempotent
 * @param keyColumn the unique column to walk, or null for the table's single-column primary key
 * @param pause a pause after each batch to let replicas and autovacuum keep up
 * @param listener progress after each batch, or null
 */
public record BatchUpdate(String table, String setSql, String whereSql, String keyColumn, int batchSize, Duration pause,
        BatchProgress.Listener listener) implements Operation {

    public static final int DEFAULT_BATCH_SIZE = 1000;

    public BatchUpdate {
        Names.require(table, "table name");
        Names.require(setSql, "SET clause");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchUpdate(" + table + "): batch size must be positive, got " + batchSize);
        }
        pause = Objects.requireNonNullElse(pause, Duration.ZERO);
    }

    public static BatchUpdate of(String table, String setSql, String whereSql) {
        return new BatchUpdate(table, setSql, whereSql, null, DEFAULT_BATCH_SIZE, Duration.ZERO, null);
    }

    public BatchUpdate batchSize(int size) {
        return new BatchUpdate(table, setSql, whereSql, keyColumn, size, pause, listener);
    }

    public BatchUpdate pause(Duration between) {
        return new BatchUpdate(table, setSql, whereSql, keyColumn, batchSize, between, listener);
    }

    public BatchUpdate keyColumn(String column) {
        return new BatchUpdate(table, setSql, whereSql, column, batchSize, pause, listener);
    }

    public BatchUpdate onProgress(BatchProgress.Listener progress) {
        return new BatchUpdate(table, setSql, whereSql, keyColumn, batchSize, pause, progress);
    }

    @Override
    public String describe() {
        return "batchUpdate(" + table + " SET " + setSql + (whereSql == null ? "" : " WHERE " + whereSql) + ")";
    }
}
