package dev.migrator.operation;

import java.util.List;
import java.util.Optional;

/** Creating and dropping indexes; either may run {@code CONCURRENTLY}, outside the revision's transaction. */
public sealed interface IndexOperation extends Operation permits IndexOperation.CreateIndex, IndexOperation.DropIndex {

    /** Whether the index is built or dropped {@code CONCURRENTLY}: without blocking writes, outside a transaction. */
    boolean concurrently();

    @Override
    default boolean runsOutsideTransaction() {
        return concurrently();
    }

    /**
     * @param columns column names, or expressions such as {@code "lower(email)"} (an entry that is not a plain
     *     name is written as given)
     * @param where the predicate of a partial index, or null
     * @param method the access method ({@code "gin"}, {@code "brin"}…), or null for the default
     * @param concurrently {@code CREATE INDEX CONCURRENTLY}: runs outside the revision's transaction
     */
    record CreateIndex(String name, String table, List<String> columns, boolean unique, String where, String method,
            boolean concurrently, boolean ifNotExists) implements IndexOperation {

        public CreateIndex {
            Names.require(name, "index name");
            Names.require(table, "table name");
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("createIndex(" + name + ") needs at least one column or expression");
            }
        }

        /** A plain index of {@code table} on {@code columns}; the withers refine it. */
        public static CreateIndex of(String name, String table, List<String> columns) {
            return new CreateIndex(name, table, columns, false, null, null, false, false);
        }

        public CreateIndex withUnique(boolean value) {
            return new CreateIndex(name, table, columns, value, where, method, concurrently, ifNotExists);
        }

        public CreateIndex withWhere(String predicate) {
            return new CreateIndex(name, table, columns, unique, predicate, method, concurrently, ifNotExists);
        }

        public CreateIndex withMethod(String value) {
            return new CreateIndex(name, table, columns, unique, where, value, concurrently, ifNotExists);
        }

        public CreateIndex withConcurrently(boolean value) {
            return new CreateIndex(name, table, columns, unique, where, method, value, ifNotExists);
        }

        public CreateIndex withIfNotExists(boolean value) {
            return new CreateIndex(name, table, columns, unique, where, method, concurrently, value);
        }

        /** The index's name without a schema ({@code CREATE INDEX} puts it in its table's schema). */
        public String bareName() {
            return QualifiedNames.bare(name);
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

    /** @param definition the index as it was, so the drop can be reversed; null when not given */
    record DropIndex(String name, boolean concurrently, boolean ifExists, CreateIndex definition) implements IndexOperation {

        public DropIndex {
            Names.require(name, "index name");
        }

        public DropIndex withConcurrently(boolean value) {
            return new DropIndex(name, value, ifExists, definition);
        }

        public DropIndex withIfExists(boolean value) {
            return new DropIndex(name, concurrently, value, definition);
        }

        public DropIndex withDefinition(CreateIndex value) {
            return new DropIndex(name, concurrently, ifExists, value);
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
}
