package dev.migrator.operation;

import java.util.Optional;

/** @param definition the index as it was, so the drop can be reversed; null when not given */
public record DropIndex(String name, boolean concurrently, boolean ifExists, CreateIndex definition) implements Operation {

    public DropIndex {
        Names.require(name, "index name");
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition);
    }

    @Override
    public String describe() {
        return "dropIndex(" + name + (definition == null ? ") without the index definition" : ")");
    }
}
