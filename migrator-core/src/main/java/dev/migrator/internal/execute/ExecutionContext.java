package dev.migrator.internal.execute;

import dev.migrator.operation.BatchProgress;
import dev.migrator.internal.state.BatchProgressTable;
import dev.migrator.internal.state.StateTables;
import java.time.Duration;
import java.util.Objects;

/**
 * What the {@link OperationExecutor} needs to know about the revision it runs.
 *
 * @param revisionId the revision's id (suffixed by the caller for a downgrade, e.g. {@code "1f3c9a7e2b44:down"},
 *     so an interrupted upgrade's cursor is never resumed by a downgrade); with the operation's position it keys
 *     the batch-update cursor
 * @param transactional whether the revision runs in a transaction (the caller opened it and commits it)
 * @param schema the schema of Migrator's own tables (the batch progress table), or null for the
 *     connection's current schema
 * @param tablePrefix prefix of Migrator's tables, {@code migrator_} by default
 * @param lockTimeout lock wait applied to statements the executor runs in its own transactions (batches,
 *     autocommit blocks); null leaves the session's setting
 * @param batchProgress receives every batch update's progress besides the operation's own listener (the
 *     engine's {@code MigrationListener}s hang here), or null
 */
record ExecutionContext(String revisionId, boolean transactional, String schema, String tablePrefix,
        Duration lockTimeout, BatchProgress.Listener batchProgress) {

    ExecutionContext(String revisionId, boolean transactional, String schema, String tablePrefix,
            Duration lockTimeout) {
        this(revisionId, transactional, schema, tablePrefix, lockTimeout, null);
    }

    ExecutionContext {
        Objects.requireNonNull(revisionId, "revisionId");
        tablePrefix = Objects.requireNonNullElse(tablePrefix, "migrator_");
    }

    static ExecutionContext of(String revisionId, boolean transactional) {
        return new ExecutionContext(revisionId, transactional, null, "migrator_", Duration.ofSeconds(5));
    }

    /** The batch progress table among Migrator's tables ({@code migrator_batch_progress} by default). */
    BatchProgressTable progressTable() {
        return new StateTables(schema, tablePrefix).batchProgress();
    }
}
