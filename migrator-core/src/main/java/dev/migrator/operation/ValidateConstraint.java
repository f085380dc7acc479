package dev.migrator.operation;

import java.util.Optional;

/**
 * {@code VALIDATE CONSTRAINT}: checks existing rows against a {@code NOT VALID} constraint under a
 * {@code SHARE UPDATE EXCLUSIVE} lock, so reads and writes go on meanwhile.
 */
public record ValidateConstraint(String table, String name) implements Operation {

    public ValidateConstraint {
        Names.require(table, "table name");
        Names.require(name, "constraint name");
    }

    /** Validation changes no schema, so undoing it does nothing (the constraint's drop undoes the constraint). */
    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new NoOperation("undo " + describe()));
    }

    @Override
    public String describe() {
        return "validateConstraint(" + name + " on " + table + ")";
    }
}
