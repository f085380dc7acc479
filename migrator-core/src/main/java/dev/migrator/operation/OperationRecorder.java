package dev.migrator.operation;

import dev.migrator.MigratorException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** The {@link Operations} implementation: records operations in call order. */
public final class OperationRecorder implements Operations {

    private final List<Operation> operations = new ArrayList<>();

    /** Records what {@code body} does with an {@code op}. */
    public static List<Operation> record(Consumer<Operations> body) {
        OperationRecorder recorder = new OperationRecorder();
        body.accept(recorder);
        return recorder.operations();
    }

    public List<Operation> operations() {
        return Collections.unmodifiableList(operations);
    }

    /** Adds an operation; the fluent methods of {@link Operations} all end here. */
    public OperationRecorder add(Operation operation) {
        operations.add(operation);
        return this;
    }

    @Override
    public OperationRecorder execute(String sql, Object... params) {
        return add(new ExecuteSql(sql, List.of(params)));
    }

    @Override
    public void reverseOf(Consumer<Operations> change) {
        List<Operation> forward = record(change);
        for (int i = forward.size() - 1; i >= 0; i--) {
            Operation op = forward.get(i);
            add(op.reverse().orElseThrow(() -> new MigratorException(
                    "Cannot derive a downgrade: " + op.describe() + " has no automatic reverse. "
                            + "Implement downgrade(Operations) explicitly instead of relying on change().")));
        }
    }
}
