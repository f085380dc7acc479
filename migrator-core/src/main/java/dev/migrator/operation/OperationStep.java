package dev.migrator.operation;

import java.util.function.UnaryOperator;

/**
 * The handle a fluent {@link Operations} method returns: its modifiers replace the recorded value with a
 * changed copy, so {@code op.createIndex(...).concurrently()} records one, complete operation.
 */
abstract class OperationStep<T extends Operation> {

    private final OperationRecorder recorder;
    private final int index;
    private final Class<T> type;

    OperationStep(OperationRecorder recorder, T operation, Class<T> type) {
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
