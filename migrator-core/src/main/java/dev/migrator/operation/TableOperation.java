package dev.migrator.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Operations on a whole table. Table names may be schema-qualified ({@code "billing.invoices"}). */
public sealed interface TableOperation extends Operation
        permits TableOperation.CreateTable, TableOperation.DropTable, TableOperation.RenameTable, TableOperation.Comment {

    /** The table the operation changes. */
    String table();

    record CreateTable(String table, List<Column> columns, List<TableConstraint> constraints, boolean ifNotExists)
            implements TableOperation {

        public CreateTable {
            Names.require(table, "table name");
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("createTable(" + table + ") needs at least one column");
            }
        }

        public CreateTable withIfNotExists(boolean value) {
            return new CreateTable(table, columns, constraints, value);
        }

        /** This table with one more table constraint. */
        public CreateTable withConstraint(TableConstraint constraint) {
            List<TableConstraint> all = new ArrayList<>(constraints);
            all.add(constraint);
            return new CreateTable(table, columns, all, ifNotExists);
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

    /** @param definition the table as it was, so the drop can be reversed; null when not given */
    record DropTable(String table, CreateTable definition, boolean ifExists, boolean cascade) implements TableOperation {

        public DropTable {
            Names.require(table, "table name");
        }

        public DropTable withIfExists(boolean value) {
            return new DropTable(table, definition, value, cascade);
        }

        public DropTable withCascade(boolean value) {
            return new DropTable(table, definition, ifExists, value);
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

    /** @param newName the new bare name (a table keeps its schema when renamed) */
    record RenameTable(String table, String newName) implements TableOperation {

        public RenameTable {
            Names.require(table, "table name");
            Names.require(newName, "new table name");
        }

        /** The new name without a schema: a table keeps its schema when renamed. */
        public String bareNewName() {
            return QualifiedNames.bare(newName);
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

    /**
     * {@code COMMENT ON TABLE|COLUMN}. Reversible when the previous comment is known
     * ({@code previousKnown}; a null previous comment then means there was none).
     *
     * @param column the column, or null for a comment on the table
     * @param text the comment, or null to remove it
     */
    record Comment(String table, String column, String text, boolean previousKnown, String previous)
            implements TableOperation {

        public Comment {
            Names.require(table, "table name");
        }

        /** This comment, knowing the one it replaces (null for none), which makes it reversible. */
        public Comment withPrevious(String value) {
            return new Comment(table, column, text, true, value);
        }

        @Override
        public Optional<Operation> reverse() {
            return previousKnown ? Optional.of(new Comment(table, column, previous, true, text)) : Optional.empty();
        }

        @Override
        public String describe() {
            return "comment(" + table + (column == null ? "" : "." + column)
                    + (previousKnown ? ")" : ") without the previous comment");
        }
    }
}
