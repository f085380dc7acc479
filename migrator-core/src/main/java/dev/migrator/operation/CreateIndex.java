package dev.migrator.operation;

import java.util.List;
import java.util.Optional;

/**
 * @param columns column names, or expressions such as {@code "lower(email)"} (an entry that is not a plain
 *     name is written as given)
 * @param where the predicate of a partial index, or null
 * @param method the access method ({@code "gin"}, {@code "brin"}…), or null for the default
 * @param concurrently {@code CREATE INDEX CONCURRENTLY}: runs outside the revision's transaction
 */
public record CreateIndex(String name, String table, List<String> columns, boolean unique, String where, String method,
        boolean concurrently, boolean ifNotExists) implements Operation {

    public CreateIndex {
        Names.require(name, "index name");
        Names.require(table, "table name");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("createIndex(" + name + ") needs at least one column or expression");
        }
    }

    /** The index's name in its table's schema, as {@code DROP INDEX} needs it. */
    public String qualifiedName() {
        return QualifiedNames.sibling(table, name);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropIndex(qualifiedName(), concurrently, false, this));
    }

    @Override
    public String describe() {
        return "createIndex(" + name + " on " + table + ")";
    }
}
