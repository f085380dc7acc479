package dev.migrator.operation;

import java.util.List;
import java.util.Optional;

/**
 * The contract half of {@link ExpandColumn}, for a contract-phase revision once no running code uses the old
 * column: drops the sync trigger and the old column. Reversible when the old column's definition is given:
 * the reverse expands again, recreating the old column from the new one.
 *
 * @param oldDefinition the old column's definition, or null (then not reversible)
 */
public record ContractColumn(String table, String oldColumn, String newColumn, String toNew, String toOld,
        Column oldDefinition, int batchSize) implements CompositeOperation {

    public ContractColumn {
        Names.require(table, "table name");
        Names.require(oldColumn, "old column name");
        Names.require(newColumn, "new column name");
    }

    @Override
    public List<Operation> steps() {
        return List.of(
                new SyncTrigger(table, oldColumn, newColumn, toNew, toOld, true),
                new DropColumn(table, oldColumn, oldDefinition, true));
    }

    @Override
    public Optional<Operation> reverse() {
        if (oldDefinition == null) {
            return Optional.empty();
        }
        // Recreate the old column and keep it in sync with the new one, which is now the source.
        return Optional.of(new OperationSequence("undo " + describe(), List.of(
                new AddColumn(table, oldDefinition.nullable(), true),
                new SyncTrigger(table, oldColumn, newColumn, toNew, toOld, false),
                new BatchUpdate(table, quoted(oldColumn) + " = " + toOld.replace("{}", quoted(newColumn)),
                        quoted(oldColumn) + " IS NULL AND " + quoted(newColumn) + " IS NOT NULL", null, batchSize,
                        null, null))));
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String describe() {
        return "contractColumn(" + table + ": drop " + oldColumn + ", keep " + newColumn
                + (oldDefinition == null ? ", without the old column's definition)" : ")");
    }
}
