package dev.migrator.operation;

import dev.migrator.operation.Column.ColumnDefault;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Operations on one column of a table. */
public sealed interface ColumnOperation extends Operation
        permits ColumnOperation.AddColumn, ColumnOperation.DropColumn, ColumnOperation.AlterColumn {

    /** The table whose column the operation changes. */
    String table();

    record AddColumn(String table, Column column, boolean ifNotExists) implements ColumnOperation {

        public AddColumn {
            Names.require(table, "table name");
            Objects.requireNonNull(column, "column");
        }

        public AddColumn withIfNotExists(boolean value) {
            return new AddColumn(table, column, value);
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

    /** @param definition the column as it was, so the drop can be reversed; null when not given */
    record DropColumn(String table, String column, Column definition, boolean ifExists) implements ColumnOperation {

        public DropColumn {
            Names.require(table, "table name");
            Names.require(column, "column name");
            if (definition != null && !definition.name().equals(column)) {
                throw new IllegalArgumentException("dropColumn(" + table + ", " + column + ") was given the definition of "
                        + definition.name());
            }
        }

        public DropColumn withIfExists(boolean value) {
            return new DropColumn(table, column, definition, value);
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

    /**
     * Changes to one column, applied in one {@code ALTER TABLE} then, if renamed, one {@code RENAME COLUMN}.
     * Each change is optional (null = unchanged). The {@code previous*} values make it reversible; a type or
     * default change without its previous value is not.
     *
     * @param using the {@code USING} expression of a type change, or null
     * @param nullable true = {@code DROP NOT NULL}, false = {@code SET NOT NULL}, null = unchanged
     */
    record AlterColumn(String table, String column, Type type, String using, Type previousType, String previousUsing,
            Boolean nullable, ColumnDefault defaultValue, ColumnDefault previousDefault, String newName)
            implements ColumnOperation {

        public AlterColumn {
            Names.require(table, "table name");
            Names.require(column, "column name");
        }

        /** An alteration of {@code table.column} that changes nothing yet; the withers add the changes. */
        public static AlterColumn of(String table, String column) {
            return new AlterColumn(table, column, null, null, null, null, null, null, null, null);
        }

        /** A type change, with its {@code USING} expression or null. */
        public AlterColumn withType(Type value, String usingExpression) {
            return new AlterColumn(table, column, value, usingExpression, previousType, previousUsing, nullable,
                    defaultValue, previousDefault, newName);
        }

        /** The type before the change (and the {@code USING} back to it), which makes a type change reversible. */
        public AlterColumn withPreviousType(Type value, String usingExpression) {
            return new AlterColumn(table, column, type, using, value, usingExpression, nullable, defaultValue,
                    previousDefault, newName);
        }

        public AlterColumn withNullable(Boolean value) {
            return new AlterColumn(table, column, type, using, previousType, previousUsing, value, defaultValue,
                    previousDefault, newName);
        }

        public AlterColumn withDefaultValue(ColumnDefault value) {
            return new AlterColumn(table, column, type, using, previousType, previousUsing, nullable, value,
                    previousDefault, newName);
        }

        /** The default before the change, which makes a default change reversible. */
        public AlterColumn withPreviousDefault(ColumnDefault value) {
            return new AlterColumn(table, column, type, using, previousType, previousUsing, nullable, defaultValue,
                    value, newName);
        }

        public AlterColumn withNewName(String value) {
            return new AlterColumn(table, column, type, using, previousType, previousUsing, nullable, defaultValue,
                    previousDefault, value);
        }

        @Override
        public Optional<Operation> reverse() {
            if ((type != null && previousType == null) || (defaultValue != null && previousDefault == null)) {
                return Optional.empty();
            }
            String current = newName == null ? column : newName;
            return Optional.of(new AlterColumn(table, current,
                    type == null ? null : previousType, type == null ? null : previousUsing, type, using,
                    nullable == null ? null : !nullable,
                    defaultValue == null ? null : previousDefault, defaultValue,
                    newName == null ? null : column));
        }

        @Override
        public String describe() {
            List<String> what = new ArrayList<>();
            if (type != null) {
                what.add("type " + type + (previousType == null ? " without the previous type" : " from " + previousType));
            }
            if (nullable != null) {
                what.add(nullable ? "drop not null" : "set not null");
            }
            if (defaultValue != null) {
                what.add((defaultValue.isNone() ? "drop default" : "set default " + defaultValue.sql())
                        + (previousDefault == null ? " without the previous default" : ""));
            }
            if (newName != null) {
                what.add("rename to " + newName);
            }
            return "alterColumn(" + table + "." + column + ": " + String.join(", ", what) + ")";
        }
    }
}
