package dev.migrator.internal.dialect.postgresql;

import static dev.migrator.internal.dialect.postgresql.PostgresText.alwaysQuoted;

import dev.migrator.operation.Column.ColumnDefault;
import dev.migrator.operation.ColumnOperation.AddColumn;
import dev.migrator.operation.ColumnOperation.AlterColumn;
import dev.migrator.operation.ColumnOperation.DropColumn;
import dev.migrator.operation.ConstraintOperation.AddConstraint;
import dev.migrator.operation.ConstraintOperation.DropConstraint;
import dev.migrator.operation.ConstraintOperation.ValidateConstraint;
import dev.migrator.operation.Operation;
import dev.migrator.operation.Operation.AutocommitBlock;
import dev.migrator.operation.Operation.OperationSequence;
import dev.migrator.operation.SafePattern.AddColumnNotNullSafely;
import dev.migrator.operation.SafePattern.BatchUpdate;
import dev.migrator.operation.SafePattern.ContractColumn;
import dev.migrator.operation.SafePattern.ExpandColumn;
import dev.migrator.operation.SafePattern.SyncTrigger;
import dev.migrator.operation.TableConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * What each composite operation is made of on PostgreSQL. The safe patterns' parts are SQL fragments
 * (a backfill's {@code SET} and {@code WHERE}, a check's expression) that name columns, so they are
 * written here, where identifiers are quoted; the operation values only carry what the user gave.
 */
final class PostgresPatterns {

    private PostgresPatterns() {}

    static List<Operation> parts(Operation operation) {
        if (operation instanceof OperationSequence sequence) {
            return sequence.parts();
        } else if (operation instanceof AutocommitBlock block) {
            return block.parts();
        } else if (operation instanceof AddColumnNotNullSafely add) {
            return addColumnNotNullSafely(add);
        } else if (operation instanceof ExpandColumn expand) {
            return expand(expand);
        } else if (operation instanceof ContractColumn contract) {
            return contract.undo() ? undoContract(contract) : contract(contract);
        }
        return List.of();
    }

    /**
     * Nullable add, default, batched backfill, {@code CHECK ... NOT VALID}, validate, {@code SET NOT NULL}
     * (PostgreSQL 12+ sees the validated check and skips its own scan), drop the check; the last four in
     * autocommit, so each lock ends with its statement.
     */
    private static List<Operation> addColumnNotNullSafely(AddColumnNotNullSafely add) {
        String table = add.table();
        String column = alwaysQuoted(add.column().name());
        List<Operation> parts = new ArrayList<>();
        parts.add(new AddColumn(table, add.column().nullable().defaultValue(null), true));
        if (add.column().defaultSql() != null) {
            parts.add(AlterColumn.of(table, add.column().name())
                    .withDefaultValue(ColumnDefault.of(add.column().defaultSql())).withPreviousDefault(ColumnDefault.NONE));
        }
        parts.add(BatchUpdate.of(table, column + " = " + add.backfillSql(), column + " IS NULL")
                .withBatchSize(add.batchSize()));
        if (!add.column().allowsNull()) {
            parts.add(new AutocommitBlock(List.of(
                    new DropConstraint(table, add.checkName(), true, null),
                    new AddConstraint(table, new TableConstraint.Check(add.checkName(), column + " IS NOT NULL"), true),
                    new ValidateConstraint(table, add.checkName()),
                    AlterColumn.of(table, add.column().name()).withNullable(false),
                    new DropConstraint(table, add.checkName(), true, null))));
        }
        return parts;
    }

    private static List<Operation> expand(ExpandColumn expand) {
        return List.of(
                new AddColumn(expand.table(), expand.newColumn(), true),
                expand.trigger(),
                backfill(expand.table(), expand.newColumn().name(), expand.toNew(), expand.oldColumn(), expand.batchSize()));
    }

    private static List<Operation> contract(ContractColumn contract) {
        return List.of(
                new SyncTrigger(contract.table(), contract.oldColumn(), contract.newColumn(), contract.toNew(),
                        contract.toOld(), true),
                new DropColumn(contract.table(), contract.oldColumn(), contract.oldDefinition(), true));
    }

    /** The old column again, kept in sync with the new one (now the source), backfilled from it. */
    private static List<Operation> undoContract(ContractColumn contract) {
        return List.of(
                new AddColumn(contract.table(), contract.oldDefinition().nullable(), true),
                new SyncTrigger(contract.table(), contract.oldColumn(), contract.newColumn(), contract.toNew(),
                        contract.toOld(), false),
                backfill(contract.table(), contract.oldColumn(), contract.toOld(), contract.newColumn(),
                        contract.batchSize()));
    }

    /** {@code target = convert(source)} in batches, for the rows whose target is still empty. */
    private static BatchUpdate backfill(String table, String target, String convert, String source, int batchSize) {
        String to = alwaysQuoted(target);
        String from = alwaysQuoted(source);
        return new BatchUpdate(table, to + " = " + convert.replace("{}", from), to + " IS NULL AND " + from + " IS NOT NULL",
                null, batchSize, null, null);
    }
}
