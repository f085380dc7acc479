package dev.migrator.internal.safety;

import dev.migrator.safety.Rule;
import dev.migrator.safety.SafetyReport.StatementMeasurement;

import dev.migrator.internal.safety.ColumnChanges.Volatility;
import dev.migrator.internal.safety.SchemaState.NotValidConstraint;
import dev.migrator.internal.safety.SchemaState.TableSize;
import dev.migrator.internal.safety.StatementShape.AlterAction;
import dev.migrator.internal.safety.StatementShape.AlterAction.AddColumn;
import dev.migrator.internal.safety.StatementShape.AlterAction.AddConstraint;
import dev.migrator.internal.safety.StatementShape.AlterAction.AlterColumnType;
import dev.migrator.internal.safety.StatementShape.AlterAction.DetachPartitionConcurrently;
import dev.migrator.internal.safety.StatementShape.AlterAction.DropColumn;
import dev.migrator.internal.safety.StatementShape.AlterAction.DropConstraint;
import dev.migrator.internal.safety.StatementShape.AlterAction.RenameColumn;
import dev.migrator.internal.safety.StatementShape.AlterAction.RenameTable;
import dev.migrator.internal.safety.StatementShape.AlterAction.SetNotNull;
import dev.migrator.internal.safety.StatementShape.AlterAction.ValidateConstraint;
import dev.migrator.internal.safety.StatementShape.AlterTable;
import dev.migrator.internal.safety.StatementShape.ConstraintKind;

/** The rules about {@code ALTER TABLE} actions (and the {@code op} API operations that are such actions). */
final class AlterTableRules {

    private final Linter linter;
    private final SchemaState state;

    AlterTableRules(Linter linter) {
        this.linter = linter;
        this.state = linter.state();
    }

    void check(AnalysedRevision revision, Unit unit, AlterTable alter) {
        RelationName table = alter.table();
        boolean existing = !state.createdHere(table);
        for (AlterAction action : alter.actions()) {
            if (action instanceof AddColumn add) {
                addColumn(revision, unit, table, add.column(), existing);
            } else if (action instanceof DropColumn drop) {
                breaking(revision, unit, existing, "DROP COLUMN " + table + "." + drop.column());
                linter.cascade(revision, unit, drop.cascade(), "DROP COLUMN");
            } else if (action instanceof RenameColumn rename) {
                breaking(revision, unit, existing, "RENAME COLUMN " + table + "." + rename.column() + " TO " + rename.newName());
            } else if (action instanceof RenameTable rename) {
                breaking(revision, unit, existing, "RENAME " + table + " TO " + rename.newName());
                if (!existing) {
                    state.created(new RelationName(table.schema(), rename.newName()));
                }
            } else if (action instanceof AlterColumnType type) {
                typeChange(revision, unit, table, type, existing);
            } else if (action instanceof SetNotNull setNotNull) {
                setNotNull(revision, unit, table, setNotNull.column(), existing);
            } else if (action instanceof AddConstraint constraint) {
                addConstraint(revision, unit, table, constraint, existing);
            } else if (action instanceof ValidateConstraint validate) {
                validate(revision, unit, table, validate.name(), existing);
            } else if (action instanceof DropConstraint drop) {
                linter.cascade(revision, unit, drop.cascade(), "DROP CONSTRAINT");
            } else if (action instanceof DetachPartitionConcurrently) {
                linter.concurrentInTransaction(revision, unit, "DETACH PARTITION ... CONCURRENTLY");
            }
        }
    }

    private void addColumn(AnalysedRevision revision, Unit unit, RelationName table, ColumnDefinition column, boolean existing) {
        state.columnType(table, column.name(), column.type());
        linter.styleOfColumn(revision, unit, table, column, column.primaryKey());
        if (!existing) {
            return;
        }
        TableSize size = state.size(table);
        String name = table + "." + column.name();
        if (column.notNull() && !column.fillsExistingRows() && !size.knownEmpty()) {
            linter.report(revision, unit, Rule.ADDING_NOT_NULL_COLUMN, "Adds " + name + " NOT NULL without a default: "
                    + "it fails on a table with rows, and the running release, which does not know the column, cannot "
                    + "insert any more (" + size.description() + "). Add it nullable (or with a constant default), "
                    + "backfill, then add the NOT NULL through a validated check (op.addColumnNotNullSafely).");
        }
        StatementMeasurement measured = linter.measurement(revision, unit);
        boolean rewrite;
        boolean fromMeasurement = measured != null && column.fillsExistingRows();
        if (fromMeasurement) {
            rewrite = measured.rewritten().stream().anyMatch(r -> RelationName.literal(r).matches(table));
        } else {
            rewrite = column.identity() || column.generated() || column.type().isSerial() || (column.hasDefault()
                    && (state.facts().serverVersion() < 110000
                    || ColumnChanges.volatility(column.defaultExpression(), state.facts()) == Volatility.VOLATILE));
        }
        if (rewrite && size.large()) {
            String why = column.identity() ? "an identity column is numbered row by row"
                    : column.generated() ? "a stored generated column is computed row by row"
                    : column.type().isSerial() ? "a serial column takes nextval() for every row"
                    : state.facts().serverVersion() < 110000 ? "before PostgreSQL 11 every default is written into every row"
                    : "its default is volatile, so it is evaluated for every row";
            linter.reportMeasured(revision, unit, Rule.VOLATILE_DEFAULT, "Adds " + name + " with a value for every existing "
                    + "row (" + (fromMeasurement ? "measured: the table was rewritten" : why) + "): the table is rewritten "
                    + "under an ACCESS EXCLUSIVE lock (" + size.description() + "). Add the column without it, set the "
                    + "default for new rows (ALTER COLUMN ... SET DEFAULT), then backfill existing rows in batches.",
                    fromMeasurement);
        }
        if ((column.unique() || column.primaryKey()) && size.large()) {
            linter.report(revision, unit, Rule.UNIQUE_CONSTRAINT_BUILDS_INDEX, "Adds " + name + " with an inline "
                    + (column.primaryKey() ? "PRIMARY KEY" : "UNIQUE") + " constraint: its index is built under the ACCESS "
                    + "EXCLUSIVE lock of ADD COLUMN (" + size.description() + "). Add the column, build a unique index "
                    + "CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX.");
        }
        if ((column.references() || column.check()) && size.large()) {
            linter.report(revision, unit, Rule.CONSTRAINT_WITHOUT_NOT_VALID, "Adds " + name + " with an inline "
                    + (column.references() ? "REFERENCES" : "CHECK") + " constraint, which is validated by scanning the "
                    + "table under the ACCESS EXCLUSIVE lock of ADD COLUMN (" + size.description() + "). Add the column, "
                    + "then ADD CONSTRAINT ... NOT VALID, and VALIDATE CONSTRAINT in another transaction.");
        }
    }

    private void breaking(AnalysedRevision revision, Unit unit, boolean existing, String what) {
        if (existing && linter.expand(revision)) {
            linter.report(revision, unit, Rule.BREAKING_CHANGE_IN_EXPAND, what + " in an expand-phase revision breaks the "
                    + "release that is still running during the deploy. Expand first (add the new column or table, keep "
                    + "both in sync: op.expandColumnRename), and drop or rename the old one in a revision with "
                    + "\"-- Phase: contract\" once no running code uses it.");
        }
    }

    private void typeChange(AnalysedRevision revision, Unit unit, RelationName table, AlterColumnType change, boolean existing) {
        linter.styleOfType(revision, unit, table, change.column(), change.type());
        TypeName before = state.columnType(table, change.column());
        state.columnType(table, change.column(), change.type());
        if (!existing) {
            return;
        }
        StatementMeasurement measured = linter.measurement(revision, unit);
        boolean rewrite = measured != null
                ? measured.rewritten().stream().anyMatch(r -> RelationName.literal(r).matches(table))
                : ColumnChanges.rewrites(before, change.type(), change.using());
        TableSize size = state.size(table);
        if (rewrite && size.large()) {
            String from = before == null ? "a type this analysis does not know" : before.toString();
            linter.reportMeasured(revision, unit, Rule.COLUMN_TYPE_CHANGE, "Changes " + table + "." + change.column()
                    + " from " + from + " to " + change.type() + (change.using() ? " USING an expression" : "") + ": "
                    + (measured != null ? "measured: the table was rewritten" : "PostgreSQL rewrites the table and its indexes")
                    + " under an ACCESS EXCLUSIVE lock (" + size.description() + "), and the running release may break "
                    + "on the new type. Add a column of the new type, sync and backfill it (op.expandColumn), switch the "
                    + "code, then drop the old column in a contract revision.", measured != null);
        }
    }

    private void setNotNull(AnalysedRevision revision, Unit unit, RelationName table, String column, boolean existing) {
        boolean proven = state.provenNotNull(table, column) && state.facts().serverVersion() >= 120000;
        if (!existing || proven) {
            state.markNotNull(table, column);
            return;
        }
        TableSize size = state.size(table);
        if (size.large()) {
            linter.report(revision, unit, Rule.SET_NOT_NULL, "SET NOT NULL on " + table + "." + column + " scans the whole "
                    + "table under an ACCESS EXCLUSIVE lock (" + size.description() + ")"
                    + (state.facts().serverVersion() < 120000 ? " (and before PostgreSQL 12 a validated check does not help)"
                    : "") + ". First ADD CONSTRAINT ... CHECK (" + column + " IS NOT NULL) NOT VALID, VALIDATE it in "
                    + "another transaction, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the check "
                    + "(op.addColumnNotNullSafely does all of it for a new column).");
        }
        state.markNotNull(table, column);
    }

    private void addConstraint(AnalysedRevision revision, Unit unit, RelationName table, AddConstraint constraint,
            boolean existing) {
        ConstraintKind kind = constraint.kind();
        String name = constraint.name() == null ? "" : " " + constraint.name();
        if (kind == ConstraintKind.CHECK || kind == ConstraintKind.FOREIGN_KEY) {
            if (constraint.notValid()) {
                if (constraint.name() != null) {
                    state.notValidAdded(new NotValidConstraint(constraint.name(), revision.id(), table,
                            unit.transaction(), constraint.notNullColumn()));
                }
                return;
            }
            if (constraint.notNullColumn() != null) {
                state.markNotNull(table, constraint.notNullColumn());
            }
            TableSize size = state.size(table);
            if (existing && size.large()) {
                String lock = kind == ConstraintKind.FOREIGN_KEY
                        ? "SHARE ROW EXCLUSIVE locks on " + table + " and the referenced table, blocking their writes,"
                        : "an ACCESS EXCLUSIVE lock on " + table + ",";
                linter.report(revision, unit, Rule.CONSTRAINT_WITHOUT_NOT_VALID, "ADD CONSTRAINT" + name + " "
                        + (kind == ConstraintKind.CHECK ? "CHECK" : "FOREIGN KEY") + " checks every existing row under "
                        + lock + " for the whole scan (" + size.description() + "). Add it NOT VALID (instant; new rows "
                        + "are checked), then VALIDATE CONSTRAINT in another transaction, which lets reads and writes go on.");
            }
        } else if (kind == ConstraintKind.UNIQUE || kind == ConstraintKind.PRIMARY_KEY) {
            TableSize size = state.size(table);
            if (existing && !constraint.usingIndex() && size.large()) {
                String what = kind == ConstraintKind.UNIQUE ? "UNIQUE" : "PRIMARY KEY";
                linter.report(revision, unit, Rule.UNIQUE_CONSTRAINT_BUILDS_INDEX, "ADD CONSTRAINT" + name + " " + what
                        + " builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes for the whole build ("
                        + size.description() + "). Build the index first with CREATE UNIQUE INDEX CONCURRENTLY (in a "
                        + "non-transactional revision), then ADD CONSTRAINT ... " + what + " USING INDEX (instant).");
            }
        }
    }

    private void validate(AnalysedRevision revision, Unit unit, RelationName table, String constraint, boolean existing) {
        NotValidConstraint added = state.notValidAdded(constraint);
        if (added == null) {
            state.validatedUnknownConstraint(table);
            return;
        }
        if (added.notNullColumn() != null) {
            state.markNotNull(table, added.notNullColumn());
        }
        boolean sameTransaction = added.revision().equals(revision.id()) && added.transaction() == unit.transaction()
                && Linter.inTransaction(revision, unit);
        TableSize size = state.size(table);
        if (sameTransaction && existing && size.large()) {
            linter.report(revision, unit, Rule.CONSTRAINT_WITHOUT_NOT_VALID, "VALIDATE CONSTRAINT " + constraint + " runs in "
                    + "the same transaction as the ADD CONSTRAINT ... NOT VALID before it, so the scan happens under the lock "
                    + "the add took and kept (" + size.description() + "): NOT VALID buys nothing. Validate in another "
                    + "transaction: a later revision, or a revision with \"-- Transactional: false\".");
        }
    }
}
