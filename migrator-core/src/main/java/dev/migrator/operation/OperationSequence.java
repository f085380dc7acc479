package dev.migrator.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Several operations as one unit, e.g. the reverse of a composite. Reversible when every step is. */
public record OperationSequence(String description, List<Operation> steps) implements CompositeOperation {

    public OperationSequence {
        steps = List.copyOf(steps);
    }

    @Override
    public Optional<Operation> reverse() {
        return reverseAll(steps).map(reversed -> new OperationSequence("undo " + description, reversed));
    }

    /** The reverses of {@code operations}, last first; empty if one of them has none. */
    static Optional<List<Operation>> reverseAll(List<Operation> operations) {
        List<Operation> reversed = new ArrayList<>();
        for (int i = operations.size() - 1; i >= 0; i--) {
            Optional<Operation> reverse = operations.get(i).reverse();
            if (reverse.isEmpty()) {
                return Optional.empty();
            }
            reversed.add(reverse.get());
        }
        return Optional.of(reversed);
    }

    @Override
    public String describe() {
        return description;
    }
}
