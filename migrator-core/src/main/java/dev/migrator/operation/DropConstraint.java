package dev.migrator.operation;

import java.util.Optional;

/** @param definition the constraint as it was, so the drop can be reversed; null when not given */
public record DropConstraint(String table, String name, boolean ifExists, AddConstraint definition) implements Operation {

    public DropConstraint {
        Names.require(table, "table name");
        Names.require(name, "constraint name");
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition);
    }

    @Override
    public String describe() {
        return "dropConstraint(" + name + " on " + table + (definition == null ? ") without the constraint definition" : ")");
    }
}
