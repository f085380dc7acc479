package dev.migrator.operation;

import dev.migrator.operation.SafePattern.AddColumnNotNullSafely;
import dev.migrator.operation.SafePattern.BatchUpdate;
import dev.migrator.operation.SafePattern.ContractColumn;
import dev.migrator.operation.SafePattern.ExpandColumn;
import java.time.Duration;

/** The builders {@link Operations} returns for batch updates and the expand/contract patterns. */
public final class SafePatternBuilders {

    private SafePatternBuilders() {}

    public static final class BatchUpdateBuilder extends OperationBuilder<BatchUpdate> {
        BatchUpdateBuilder(OperationRecorder recorder, BatchUpdate operation) {
            super(recorder, operation, BatchUpdate.class);
        }

        public BatchUpdateBuilder batchSize(int rows) {
            update(b -> b.withBatchSize(rows));
            return this;
        }

        public BatchUpdateBuilder pause(Duration betweenBatches) {
            update(b -> b.withPause(betweenBatches));
            return this;
        }

        /** The unique column to walk; default: the table's single-column primary key. */
        public BatchUpdateBuilder keyColumn(String column) {
            update(b -> b.withKeyColumn(column));
            return this;
        }

        public BatchUpdateBuilder onProgress(BatchProgress.Listener listener) {
            update(b -> b.withListener(listener));
            return this;
        }
    }

    public static final class AddColumnSafelyBuilder extends OperationBuilder<AddColumnNotNullSafely> {
        AddColumnSafelyBuilder(OperationRecorder recorder, AddColumnNotNullSafely operation) {
            super(recorder, operation, AddColumnNotNullSafely.class);
        }

        public AddColumnSafelyBuilder batchSize(int rows) {
            update(a -> a.withBatchSize(rows));
            return this;
        }
    }

    public static final class ExpandColumnBuilder extends OperationBuilder<ExpandColumn> {
        ExpandColumnBuilder(OperationRecorder recorder, ExpandColumn operation) {
            super(recorder, operation, ExpandColumn.class);
        }

        public ExpandColumnBuilder batchSize(int rows) {
            update(e -> e.withBatchSize(rows));
            return this;
        }
    }

    public static final class ContractColumnBuilder extends OperationBuilder<ContractColumn> {
        ContractColumnBuilder(OperationRecorder recorder, ContractColumn operation) {
            super(recorder, operation, ContractColumn.class);
        }

        /** The old column's definition, which makes the contract reversible (the reverse expands again). */
        public ContractColumnBuilder oldDefinition(Column definition) {
            update(c -> c.withOldDefinition(definition));
            return this;
        }
    }
}
