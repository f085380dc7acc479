package dev.migrator.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Changes to one column, applied in one {@code ALTER TABLE} then, if renamed, one {@code RENAME COLUMN}.
 * Each change is optional (null = unchanged). The {@code previous*} values make it reversible; a type or
 * default change without its previous value is not.
 *
 * @param using the {@code USING} expression of a type change, or null
 * @param nullable true = {@code DROP NOT NULL}, false = {@code SET NOT NULL}, null = unchanged
 */
public record AlterColumn(String table, String column, Type type, String using, Type previousType, String previousUsing,
        Boolean nullable, ColumnDefault defaultValue, ColumnDefault previousDefault, String newName) implements Operation {

    public AlterColumn {
        Names.require(table, "table name");
        Names.require(column, "column name");
    }

    static AlterColumn of(String table, String column) {
        return new AlterColumn(table, column, null, null, null, null, null, null, null, null);
    }

    AlterColumn withNullable(boolean value) {
        return new AlterColumn(table, column, type, using, previousType, previousUsing, value, defaultValue,
                previousDefault, newName);
    }

    public boolean changesNothing() {
        return type == null && nullable == null && defaultValue == null && newName == null;
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
