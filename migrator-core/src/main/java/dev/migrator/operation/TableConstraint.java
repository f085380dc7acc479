package dev.migrator.operation;

import dev.migrator.operation.ConstraintOperation.AddConstraint;
import dev.migrator.operation.TableOperation.CreateTable;

import java.util.List;

/**
 * A table-level constraint, inline in {@link CreateTable} or added with {@link AddConstraint}. The name
 * may be null inline (the database then picks one); added constraints need one, so they can be dropped.
 */
public sealed interface TableConstraint {

    String name();

    record Check(String name, String expression) implements TableConstraint {
        public Check {
            Names.require(expression, "check expression");
        }
    }

    record Unique(String name, List<String> columns) implements TableConstraint {
        public Unique {
            columns = nonEmpty(columns, "unique constraint");
        }
    }

    record PrimaryKey(String name, List<String> columns) implements TableConstraint {
        public PrimaryKey {
            columns = nonEmpty(columns, "primary key");
        }
    }

    /** @param onDelete SQL action such as {@code "CASCADE"}, or null; likewise {@code onUpdate} */
    record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
            String onDelete, String onUpdate) implements TableConstraint {
        public ForeignKey {
            columns = nonEmpty(columns, "foreign key");
            Names.require(referencedTable, "referenced table");
            referencedColumns = nonEmpty(referencedColumns, "foreign key's referenced columns");
            if (columns.size() != referencedColumns.size()) {
                throw new IllegalArgumentException("Foreign key " + name + " has " + columns.size()
                        + " columns but references " + referencedColumns.size());
            }
        }

        public ForeignKey onDelete(String action) {
            return new ForeignKey(name, columns, referencedTable, referencedColumns, action, onUpdate);
        }

        public ForeignKey onUpdate(String action) {
            return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, action);
        }
    }

    static Check check(String name, String expression) {
        return new Check(name, expression);
    }

    static Unique unique(String name, String... columns) {
        return new Unique(name, List.of(columns));
    }

    static PrimaryKey primaryKey(String name, String... columns) {
        return new PrimaryKey(name, List.of(columns));
    }

    static ForeignKey foreignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, null, null);
    }

    private static List<String> nonEmpty(List<String> columns, String what) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("A " + what + " needs at least one column");
        }
        return List.copyOf(columns);
    }
}
