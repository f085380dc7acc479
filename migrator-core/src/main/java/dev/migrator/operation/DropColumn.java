package dev.migrator.operation;

import java.util.Optional;

/** @param definition the column as it was, so the drop can be reversed; null when not given */
public record DropColumn(String table, String column, Column definition, boolean ifExists) implements Operation {

    public DropColumn {
        Names.require(table, "table name");
        Names.require(column, "column name");
        if (definition != null && !definition.name().equals(column)) {
            throw new IllegalArgumentException("dropColumn(" + table + ", " + column + ") was given the definition of "
                    + definition.name());
        }
    }

    @Override
    public Optional<Operation> reverse() {
        return definition == null ? Optional.empty() : Optional.of(new AddColumn(table, definition, false));
    }

    @Override
    public String describe() {
        return "dropColumn(" + table + "." + column + (definition == null ? ") without the column definition" : ")");
    }
}
