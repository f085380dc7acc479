package dev.migrator.operation;

import java.util.Optional;

public record AddColumn(String table, Column column, boolean ifNotExists) implements Operation {

    public AddColumn {
        Names.require(table, "table name");
        java.util.Objects.requireNonNull(column, "column");
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropColumn(table, column.name(), column, false));
    }

    @Override
    public String describe() {
        return "addColumn(" + table + "." + column.name() + ")";
    }
}
