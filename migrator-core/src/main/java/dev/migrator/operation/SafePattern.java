package dev.migrator.operation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Data changes in batches and the expand/contract patterns (see the safe-patterns chapter of the guide).
 * The composite ones ({@link AddColumnNotNullSafely}, {@link ExpandColumn}, {@link ContractColumn}) are
 * values like any other: which operations they are made of is written by the dialect, which owns the SQL
 * text their parts need.
 */
public sealed interface SafePattern extends Operation permits SafePattern.BatchUpdate, SafePattern.AddColumnNotNullSafely,
        SafePattern.ExpandColumn, SafePattern.ContractColumn, SafePattern.SyncTrigger {

    /** The table the pattern changes. */
    String table();

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
    record BatchUpdate(String table, String setSql, String whereSql, String keyColumn, int batchSize, Duration pause,
            BatchProgress.Listener listener) implements SafePattern {

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

        public BatchUpdate withBatchSize(int size) {
            return new BatchUpdate(table, setSql, whereSql, keyColumn, size, pause, listener);
        }

        public BatchUpdate withPause(Duration between) {
            return new BatchUpdate(table, setSql, whereSql, keyColumn, batchSize, between, listener);
        }

        public BatchUpdate withKeyColumn(String column) {
            return new BatchUpdate(table, setSql, whereSql, column, batchSize, pause, listener);
        }

        public BatchUpdate withListener(BatchProgress.Listener progress) {
            return new BatchUpdate(table, setSql, whereSql, keyColumn, batchSize, pause, progress);
        }

        @Override
        public boolean runsOutsideTransaction() {
            return true;
        }

        @Override
        public String describe() {
            return "batchUpdate(" + table + " SET " + setSql + (whereSql == null ? "" : " WHERE " + whereSql) + ")";
        }
    }

    /**
     * Adds a {@code NOT NULL} column to a live table without a long {@code ACCESS EXCLUSIVE} lock: add it
     * nullable, set the default, backfill existing rows in keyset batches, {@code CHECK (col IS NOT NULL) NOT
     * VALID}, validate, {@code SET NOT NULL} (PostgreSQL 12+ sees the validated check and skips its own scan),
     * drop the check. The last four run in autocommit, so each lock is released as soon as its statement
     * ends. Every part is idempotent when run by the executor, so a rerun after a crash completes the job.
     * Reversed by dropping the column.
     *
     * @param backfillSql the value for existing rows as a SQL expression (may use other columns)
     */
    record AddColumnNotNullSafely(String table, Column column, String backfillSql, int batchSize) implements SafePattern {

        public AddColumnNotNullSafely {
            Names.require(table, "table name");
            Names.require(backfillSql, "backfill expression");
            if (column.isPrimaryKey()) {
                throw new IllegalArgumentException("addColumnNotNullSafely(" + table + "." + column.name()
                        + "): a primary key column cannot be added this way");
            }
        }

        public AddColumnNotNullSafely withBatchSize(int rows) {
            return new AddColumnNotNullSafely(table, column, backfillSql, rows);
        }

        /** The name of the temporary check constraint. */
        public String checkName() {
            return PostgresNames.limit(QualifiedNames.bare(table) + "_" + column.name() + "_not_null");
        }

        @Override
        public boolean runsOutsideTransaction() {
            return true;
        }

        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new ColumnOperation.DropColumn(table, column.name(), column, false));
        }

        @Override
        public String describe() {
            return "addColumnNotNullSafely(" + table + "." + column.name() + ")";
        }
    }

    /**
     * The expand half of a column rename or type change: adds {@code newColumn}, installs a {@link SyncTrigger}
     * so old and new application versions can both write during the deploy, then backfills the new column in
     * keyset batches. {@link ContractColumn} (a later, contract-phase revision) drops the old column and the
     * trigger. The new column should be nullable without default while both are in use (tighten it after the
     * contract), otherwise an insert through the old column cannot fill it.
     *
     * @param toNew SQL converting the old value ({@code {}}) into the new column, {@code "{}"} for a rename
     * @param toOld SQL converting a new value back into the old column
     */
    record ExpandColumn(String table, String oldColumn, Column newColumn, String toNew, String toOld, int batchSize)
            implements SafePattern {

        public ExpandColumn {
            Names.require(table, "table name");
            Names.require(oldColumn, "old column name");
            Names.require(toNew, "conversion to the new column");
            Names.require(toOld, "conversion to the old column");
        }

        public ExpandColumn withBatchSize(int rows) {
            return new ExpandColumn(table, oldColumn, newColumn, toNew, toOld, rows);
        }

        public SyncTrigger trigger() {
            return new SyncTrigger(table, oldColumn, newColumn.name(), toNew, toOld, false);
        }

        @Override
        public boolean runsOutsideTransaction() {
            return true;
        }

        /** Undoing the expand drops the trigger and the new column; the old column was never touched. */
        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new OperationSequence("undo " + describe(), List.of(
                    trigger().reverse().orElseThrow(),
                    new ColumnOperation.DropColumn(table, newColumn.name(), newColumn, true))));
        }

        @Override
        public String describe() {
            return "expandColumn(" + table + "." + oldColumn + " -> " + newColumn.name() + ")";
        }
    }

    /**
     * The contract half of {@link ExpandColumn}, for a contract-phase revision once no running code uses the old
     * column: drops the sync trigger and the old column. Reversible when the old column's definition is given:
     * the reverse ({@code undo}) expands again, recreating the old column, keeping it in sync with the new one
     * (now the source) and backfilling it.
     *
     * @param oldDefinition the old column's definition, or null (then not reversible)
     * @param undo true for the reverse of the contract
     */
    record ContractColumn(String table, String oldColumn, String newColumn, String toNew, String toOld,
            Column oldDefinition, int batchSize, boolean undo) implements SafePattern {

        public ContractColumn {
            Names.require(table, "table name");
            Names.require(oldColumn, "old column name");
            Names.require(newColumn, "new column name");
            if (undo) {
                Objects.requireNonNull(oldDefinition, "the old column's definition, to undo a contract");
            }
        }

        public ContractColumn withOldDefinition(Column definition) {
            return new ContractColumn(table, oldColumn, newColumn, toNew, toOld, definition, batchSize, undo);
        }

        /** The undo backfills the old column in batches. */
        @Override
        public boolean runsOutsideTransaction() {
            return undo;
        }

        @Override
        public Optional<Operation> reverse() {
            return oldDefinition == null ? Optional.empty() : Optional.of(
                    new ContractColumn(table, oldColumn, newColumn, toNew, toOld, oldDefinition, batchSize, !undo));
        }

        @Override
        public String describe() {
            String contract = "contractColumn(" + table + ": drop " + oldColumn + ", keep " + newColumn
                    + (oldDefinition == null ? ", without the old column's definition)" : ")");
            return undo ? "undo " + contract : contract;
        }
    }

    /**
     * A trigger keeping two columns of a table in sync during the expand phase of an expand/contract change:
     * a write to either column is copied to the other, converted by {@code toTarget} / {@code toSource} (SQL
     * expressions where {@code {}} stands for the value, e.g. {@code "{}::bigint"}; plain {@code "{}"} for a
     * rename). On insert, whichever column was given fills the other; on update, the column that changed wins
     * (the target if both did).
     *
     * @param drop true to drop the trigger and its function instead of creating them
     */
    record SyncTrigger(String table, String source, String target, String toTarget, String toSource, boolean drop)
            implements SafePattern {

        public SyncTrigger {
            Names.require(table, "table name");
            Names.require(source, "source column");
            Names.require(target, "target column");
            Names.require(toTarget, "conversion to " + target);
            Names.require(toSource, "conversion to " + source);
        }

        /** The trigger's name (and its function's, in the table's schema). */
        public String triggerName() {
            return PostgresNames.limit("migrator_sync_" + QualifiedNames.bare(table) + "_" + source + "_" + target);
        }

        /** The trigger function's name, in the table's schema. */
        public String functionName() {
            return QualifiedNames.sibling(table, triggerName());
        }

        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new SyncTrigger(table, source, target, toTarget, toSource, !drop));
        }

        @Override
        public String describe() {
            return (drop ? "dropSyncTrigger(" : "createSyncTrigger(") + table + "." + source + " <-> " + target + ")";
        }
    }
}
