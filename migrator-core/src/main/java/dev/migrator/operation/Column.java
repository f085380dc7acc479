package dev.migrator.operation;

import java.util.Objects;

/**
 * A column definition: name, type, nullability, server default and inline constraints. Immutable;
 * each method returns a changed copy, so definitions read like DDL:
 *
 * <pre>{@code column("email_verified", BOOLEAN).notNull().defaultValue("false")}</pre>
 *
 * @param defaultSql the server default as a SQL expression ({@code "false"}, {@code "now()"},
 *     {@code "'draft'"}), or null for none
 * @param references an inline foreign key, or null
 * @param check an inline check expression, or null
 */
public record Column(String name, Type type, boolean allowsNull, String defaultSql, boolean isPrimaryKey, boolean isUnique,
        Reference references, String check) {

    /** An inline {@code REFERENCES table (column)} with its actions (SQL such as {@code "CASCADE"}, or null). */
    public record Reference(String table, String column, String onDelete, String onUpdate) {
        public Reference {
            Names.require(table, "referenced table");
            Names.require(column, "referenced column");
        }
    }

    public Column {
        Names.require(name, "column name");
        Objects.requireNonNull(type, () -> "column " + name + " needs a type");
        if (isPrimaryKey) {
            allowsNull = false;
        }
    }

    /** A nullable column without default: the cheap, lock-friendly kind to add to a live table. */
    public static Column column(String name, Type type) {
        return new Column(name, type, true, null, false, false, null, null);
    }

    public Column notNull() {
        return new Column(name, type, false, defaultSql, isPrimaryKey, isUnique, references, check);
    }

    public Column nullable() {
        return new Column(name, type, true, defaultSql, false, isUnique, references, check);
    }

    /** A server default as SQL: {@code defaultValue("false")}, {@code defaultValue("'n/a'")}. */
    public Column defaultValue(String sql) {
        return new Column(name, type, allowsNull, sql, isPrimaryKey, isUnique, references, check);
    }

    public Column primaryKey() {
        return new Column(name, type, false, defaultSql, true, isUnique, references, check);
    }

    public Column unique() {
        return new Column(name, type, allowsNull, defaultSql, isPrimaryKey, true, references, check);
    }

    public Column references(String table, String column) {
        return new Column(name, type, allowsNull, defaultSql, isPrimaryKey, isUnique,
                new Reference(table, column, null, null), check);
    }

    /** Sets the inline foreign key's {@code ON DELETE} action, e.g. {@code "CASCADE"}; call after {@link #references}. */
    public Column onDelete(String action) {
        Reference ref = requireReference("onDelete");
        return new Column(name, type, allowsNull, defaultSql, isPrimaryKey, isUnique,
                new Reference(ref.table(), ref.column(), action, ref.onUpdate()), check);
    }

    public Column onUpdate(String action) {
        Reference ref = requireReference("onUpdate");
        return new Column(name, type, allowsNull, defaultSql, isPrimaryKey, isUnique,
                new Reference(ref.table(), ref.column(), ref.onDelete(), action), check);
    }

    public Column check(String expression) {
        return new Column(name, type, allowsNull, defaultSql, isPrimaryKey, isUnique, references, expression);
    }

    public Column named(String newName) {
        return new Column(newName, type, allowsNull, defaultSql, isPrimaryKey, isUnique, references, check);
    }

    private Reference requireReference(String method) {
        if (references == null) {
            throw new IllegalStateException("column " + name + ": call references(table, column) before " + method + "()");
        }
        return references;
    }

    /** A server default as SQL, or {@link #NONE} (no default). */
    public record ColumnDefault(String sql) {

        public static final ColumnDefault NONE = new ColumnDefault(null);

        public static ColumnDefault of(String sql) {
            return new ColumnDefault(Names.require(sql, "default expression"));
        }

        public boolean isNone() {
            return sql == null;
        }
    }
}
