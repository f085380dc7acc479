package dev.migrator.operation;

import java.util.List;
import java.util.Optional;

public record CreateEnum(String name, List<String> values) implements Operation {

    public CreateEnum {
        Names.require(name, "enum type name");
        values = List.copyOf(values);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropEnum(name, false, this));
    }

    @Override
    public String describe() {
        return "createEnum(" + name + ")";
    }
}
