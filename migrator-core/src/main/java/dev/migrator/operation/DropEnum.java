package dev.migrator.operation;

import java.util.Optional;

/** @param definition the type as it was, so the drop can be reversed; null when not given */
public record DropEnum(String name, boolean ifExists, CreateEnum definition) implements Operation {

    public DropEnum {
        Names.require(name, "enum type name");
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition);
    }

    @Override
    public String describe() {
        return "dropEnum(" + name + (definition == null ? ") without the type definition" : ")");
    }
}
