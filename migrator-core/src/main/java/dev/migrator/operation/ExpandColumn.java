package dev.migrator.operation;

import java.util.List;
import java.util.Optional;

/**
 * The expand half of a column rename or type change: adds {@code newColumn}, installs a {@link SyncTrigger}
 * so old and new application versions can both write during the deploy, then backfills the new column in
 * keyset batches. {@link ContractColumn} (a later, contract-phase revision) drops the old column and the
 * trigger. The new column should be nullable without default while both are in use (tighten it after the
 * contract), otherwise an insert through the old column cannot fill it.
 *
 * @param toNew SQL converting the old value ({@code {}}) into the new column, {@code "{}"} for a rename
 * @param toOld SQL converting a new value back into the old column
 */
public record ExpandColumn(String table, String oldColumn, Column newColumn, String toNew, String toOld, int batchSize)
        implements CompositeOperation {

    public ExpandColumn {
        Names.require(table, "table name");
        Names.require(oldColumn, "old column name");
        Names.require(toNew, "conversion to the new column");
        Names.require(toOld, "conversion to the old column");
    }

    public SyncTrigger trigger() {
        return new SyncTrigger(table, oldColumn, newColumn.name(), toNew, toOld, false);
    }

    @Override
    public List<Operation> steps() {
        String oldRef = quoted(oldColumn);
        String newRef = quoted(newColumn.name());
        return List.of(
                new AddColumn(table, newColumn, true),
                trigger(),
                new BatchUpdate(table, newRef + " = " + toNew.replace("{}", oldRef),
                        newRef + " IS NULL AND " + oldRef + " IS NOT NULL", null, batchSize, null, null));
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Undoing the expand drops the trigger and the new column; the old column was never touched. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new OperationSequence("undo " + describe(), List.of(
                trigger().reverse().orElseThrow(),
                new DropColumn(table, newColumn.name(), newColumn, true))));
    }

    @Override
    public String describe() {
        return "expandColumn(" + table + "." + oldColumn + " -> " + newColumn.name() + ")";
    }
}
