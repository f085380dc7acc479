package dev.migrator.operation;

import java.util.Optional;

/** Does nothing; the reverse of operations that change no schema (such as a validation). */
public record NoOperation(String reason) implements Operation {

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(this);
    }

    @Override
    public String describe() {
        return "nothing (" + reason + ")";
    }
}
