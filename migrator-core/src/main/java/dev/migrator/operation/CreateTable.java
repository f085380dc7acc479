package dev.migrator.operation;

import java.util.List;
import java.util.Optional;

public record CreateTable(String table, List<Column> columns, List<TableConstraint> constraints, boolean ifNotExists)
        implements Operation {

    public CreateTable {
        Names.require(table, "table name");
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("createTable(" + table + ") needs at least one column");
        }
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropTable(table, this, false, false));
    }

    @Override
    public String describe() {
        return "createTable(" + table + ")";
    }
}
