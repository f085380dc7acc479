package dev.migrator.operation;

import java.util.function.UnaryOperator;

/**
 * What a fluent {@link Operations} method returns: its modifiers replace the recorded value with a changed
 * copy (through the value's withers), so {@code op.createIndex(...).concurrently()} records one, complete
 * operation.
 */
abstract class OperationBuilder<T extends Operation> {

    private final OperationRecorder recorder;
    private final int index;
    private final Class<T> type;

    OperationBuilder(OperationRecorder recorder, T operation, Class<T> type) {
        this.recorder = recorder;
        this.type = type;
        this.index = recorder.addAndIndex(operation);
    }

    final T current() {
        return type.cast(recorder.operationAt(index));
    }

    final void update(UnaryOperator<T> change) {
        recorder.replace(index, change.apply(current()));
    }
}
