package dev.migrator.operation;

import java.util.Optional;

/**
 * A trigger keeping two columns of a table in sync during the expand phase of an expand/contract change:
 * a write to either column is copied to the other, converted by {@code toTarget} / {@code toSource} (SQL
 * expressions where {@code {}} stands for the value, e.g. {@code "{}::bigint"}; plain {@code "{}"} for a
 * rename). On insert, whichever column was given fills the other; on update, the column that changed wins
 * (the target if both did).
 *
 * @param drop true to drop the trigger and its function instead of creating them
 */
public record SyncTrigger(String table, String source, String target, String toTarget, String toSource, boolean drop)
        implements Operation {

    public SyncTrigger {
        Names.require(table, "table name");
        Names.require(source, "source column");
        Names.require(target, "target column");
        Names.require(toTarget, "conversion to " + target);
        Names.require(toSource, "conversion to " + source);
    }

    /** The trigger's name (and its function's, in the table's schema). */
    public String triggerName() {
        return PostgresNames.limit("migrator_sync_" + QualifiedNames.bare(table) + "_" + source + "_" + target);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new SyncTrigger(table, source, target, toTarget, toSource, !drop));
    }

    @Override
    public String describe() {
        return (drop ? "dropSyncTrigger(" : "createSyncTrigger(") + table + "." + source + " <-> " + target + ")";
    }
}
