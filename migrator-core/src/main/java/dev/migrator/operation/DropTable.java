package dev.migrator.operation;

import java.util.Optional;

/** @param definition the table as it was, so the drop can be reversed; null when not given */
public record DropTable(String table, CreateTable definition, boolean ifExists, boolean cascade) implements Operation {

    public DropTable {
        Names.require(table, "table name");
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition);
    }

    @Override
    public String describe() {
        return "dropTable(" + table + (definition == null ? ") without the table definition" : ")");
    }
}
