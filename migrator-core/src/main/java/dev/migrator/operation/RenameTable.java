package dev.migrator.operation;

import java.util.Optional;

/** @param newName the new bare name (a table keeps its schema when renamed) */
public record RenameTable(String table, String newName) implements Operation {

    public RenameTable {
        Names.require(table, "table name");
        Names.require(newName, "new table name");
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new RenameTable(QualifiedNames.sibling(table, newName), QualifiedNames.bare(table)));
    }

    @Override
    public String describe() {
        return "renameTable(" + table + " -> " + newName + ")";
    }
}
