package dev.migrator.internal.safety;

import dev.migrator.safety.AllowUnsafe;
import dev.migrator.safety.SafetyReport.Finding;
import dev.migrator.safety.Rule;
import dev.migrator.safety.SafetyOptions;
import dev.migrator.safety.SafetyReport.StatementMeasurement;

import dev.migrator.Phase;
import dev.migrator.internal.safety.SchemaState.TableSize;
import dev.migrator.internal.safety.StatementShape.AddEnumValue;
import dev.migrator.internal.safety.StatementShape.AlterTable;
import dev.migrator.internal.safety.StatementShape.CreateIndex;
import dev.migrator.internal.safety.StatementShape.CreateTable;
import dev.migrator.internal.safety.StatementShape.DataChange;
import dev.migrator.internal.safety.StatementShape.DropIndex;
import dev.migrator.internal.safety.StatementShape.DropObject;
import dev.migrator.internal.safety.StatementShape.DropTable;
import dev.migrator.internal.safety.StatementShape.Reindex;
import dev.migrator.internal.safety.StatementShape.Truncate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies the rules to the analysed revisions in plan order, learning the schema as it goes (tables created,
 * constraints validated, column types) so that each verdict depends on the revision's context: its
 * transaction mode and phase, the server version, the tables' real sizes, and measured facts where the
 * measured mode recorded them. Checks of {@code ALTER TABLE} actions live in {@link AlterTableRules}.
 */
final class Linter {

    private final SafetyOptions options;
    private final SchemaState state;
    private final Map<String, StatementMeasurement> measurements;
    private final List<Finding> findings = new ArrayList<>();

    Linter(SafetyOptions options, SchemaState state, Map<String, StatementMeasurement> measurements) {
        this.options = options;
        this.state = state;
        this.measurements = measurements;
    }

    static String key(String revision, int unit) {
        return revision + "#" + unit;
    }

    List<Finding> lint(List<AnalysedRevision> revisions) {
        for (AnalysedRevision revision : revisions) {
            lint(revision);
        }
        return findings;
    }

    SafetyOptions options() {
        return options;
    }

    SchemaState state() {
        return state;
    }

    StatementMeasurement measurement(AnalysedRevision revision, Unit unit) {
        return measurements.get(key(revision.id(), unit.index()));
    }

    boolean expand(AnalysedRevision revision) {
        return revision.revision().phase() == Phase.EXPAND;
    }

    /** Whether the unit runs inside the revision's transaction, with the others. */
    static boolean inTransaction(AnalysedRevision revision, Unit unit) {
        return revision.revision().transactional() && !unit.outsideTransaction();
    }

    private void lint(AnalysedRevision revision) {
        state.startRevision(revision.id());
        for (Suppression invalid : revision.invalidAllows()) {
            Unit holder = revision.units().stream().filter(u -> u.allows().contains(invalid)).findFirst().orElse(null);
            add(revision, holder, invalid.line(), Rule.INVALID_SUPPRESSION, "This " + (invalid.line() > 0
                    ? "-- migrator:allow comment (line " + invalid.line() + ")" : "@AllowUnsafe") + " " + invalid.problem(),
                    false, false);
        }
        AlterTableRules alterTable = new AlterTableRules(this);
        for (Unit unit : revision.units()) {
            enumValueUse(revision, unit);
            if (revision.revision().transactional() && unit.outsideTransaction()) {
                report(revision, unit, Rule.CONCURRENTLY_IN_TRANSACTION, unit.operation().describe() + " must run outside "
                        + "the revision's transaction, so the engine refuses it in a transactional revision before anything "
                        + "runs. Declare @Revision(transactional = false) and keep the revision idempotent.");
            }
            for (StatementShape shape : unit.shapes()) {
                if (shape instanceof AlterTable alter) {
                    alterTable.check(revision, unit, alter);
                } else {
                    check(revision, unit, shape);
                }
            }
        }
        if (revision.downgradeEmpty()) {
            Unit first = revision.units().isEmpty() ? null : revision.units().get(0);
            add(revision, first, 0, Rule.MISSING_DOWNGRADE, "The upgrade changes the schema but the downgrade does nothing, "
                    + "and the revision is not declared irreversible: a downgrade across it would silently leave the change "
                    + "in place. Write the downgrade, or declare \"-- Irreversible: <why>\" (@Revision(irreversible = \"...\")).",
                    false, true);
        }
    }

    private void check(AnalysedRevision revision, Unit unit, StatementShape shape) {
        if (shape instanceof CreateTable table) {
            state.created(table.table());
            for (ColumnDefinition column : table.columns()) {
                state.columnType(table.table(), column.name(), column.type());
                boolean primaryKey = column.primaryKey() || table.primaryKeyColumns().contains(column.name());
                styleOfColumn(revision, unit, table.table(), column, primaryKey);
            }
        } else if (shape instanceof CreateIndex index) {
            state.indexCreated(index.index(), index.table());
            if (index.concurrently()) {
                concurrentInTransaction(revision, unit, "CREATE INDEX CONCURRENTLY");
            } else {
                TableSize size = state.size(index.table());
                if (size.large()) {
                    report(revision, unit, Rule.CREATE_INDEX_NON_CONCURRENTLY, "CREATE INDEX on " + index.table()
                            + " takes a SHARE lock that blocks every INSERT, UPDATE and DELETE for the whole build ("
                            + size.description() + "). Use CREATE INDEX CONCURRENTLY in a revision with "
                            + "\"-- Transactional: false\" (op: createIndex(...).concurrently()).");
                }
            }
        } else if (shape instanceof DropIndex drop) {
            dropIndex(revision, unit, drop);
        } else if (shape instanceof DropTable drop) {
            for (RelationName table : drop.tables()) {
                if (expand(revision) && !state.createdHere(table)) {
                    report(revision, unit, Rule.BREAKING_CHANGE_IN_EXPAND, "DROP TABLE " + table + " in an expand-phase "
                            + "revision breaks the running release, which still uses it. Stop using it in the code first, "
                            + "then drop it in a revision with \"-- Phase: contract\".");
                }
            }
            cascade(revision, unit, drop.cascade(), "DROP TABLE");
        } else if (shape instanceof DropObject drop) {
            cascade(revision, unit, drop.cascade(), "DROP " + drop.kind().toUpperCase(java.util.Locale.ROOT));
        } else if (shape instanceof Truncate truncate) {
            if (truncate.tables().stream().anyMatch(t -> !state.createdHere(t))) {
                report(revision, unit, Rule.TRUNCATE, "TRUNCATE deletes every row of " + truncate.tables().stream()
                        .map(RelationName::toString).collect(java.util.stream.Collectors.joining(", ")) + " under an "
                        + "ACCESS EXCLUSIVE lock and cannot be undone by a downgrade" + (truncate.cascade()
                        ? ", and CASCADE also empties every table that references them" : "")
                        + ". Delete data in a reviewed data migration (batched), or keep it.");
            }
        } else if (shape instanceof DataChange change) {
            dataChange(revision, unit, change);
        } else if (shape instanceof AddEnumValue value) {
            addEnumValue(revision, unit, value);
        } else if (shape instanceof Reindex reindex && reindex.concurrently()) {
            concurrentInTransaction(revision, unit, "REINDEX CONCURRENTLY");
        }
    }

    private void dropIndex(AnalysedRevision revision, Unit unit, DropIndex drop) {
        if (drop.concurrently()) {
            concurrentInTransaction(revision, unit, "DROP INDEX CONCURRENTLY");
        } else {
            for (RelationName index : drop.indexes()) {
                if (state.indexCreatedHere(index)) {
                    continue;
                }
                RelationName table = state.tableOfIndex(index);
                TableSize size = table == null ? null : state.size(table);
                if (size == null || size.large()) {
                    report(revision, unit, Rule.DROP_INDEX_NON_CONCURRENTLY, "DROP INDEX " + index + " takes an ACCESS "
                            + "EXCLUSIVE lock on its table, blocking reads too, while it waits for every query using it ("
                            + (size == null ? "its table is unknown, so it is taken to be large" : size.description()) + "). "
                            + "Use DROP INDEX CONCURRENTLY in a revision with \"-- Transactional: false\".");
                }
            }
        }
        cascade(revision, unit, drop.cascade(), "DROP INDEX");
    }

    void concurrentInTransaction(AnalysedRevision revision, Unit unit, String what) {
        if (revision.revision().transactional()) {
            report(revision, unit, Rule.CONCURRENTLY_IN_TRANSACTION, what + " cannot run inside a transaction block, and "
                    + "this revision is transactional: it would fail when it runs. Declare \"-- Transactional: false\" "
                    + "(@Revision(transactional = false)) and keep the revision idempotent (IF NOT EXISTS / IF EXISTS).");
        }
    }

    void cascade(AnalysedRevision revision, Unit unit, boolean cascade, String what) {
        if (cascade) {
            report(revision, unit, Rule.DROP_CASCADE, what + " ... CASCADE also drops every object that depends on it "
                    + "(views, foreign keys, other tables' defaults), which this revision does not name and its downgrade "
                    + "cannot restore. Drop the dependent objects explicitly, then drop without CASCADE.");
        }
    }

    private void dataChange(AnalysedRevision revision, Unit unit, DataChange change) {
        if (change.bounded() || !inTransaction(revision, unit) || state.createdHere(change.table())) {
            return;
        }
        TableSize size = state.size(change.table());
        if (size.large()) {
            report(revision, unit, Rule.UNBOUNDED_DATA_CHANGE, change.verb() + " of every matching row of "
                    + change.table() + " in the revision's transaction (" + size.description() + "): one long transaction "
                    + "holds the row locks, and any lock taken by the revision's DDL, until it commits. Backfill in "
                    + "batches outside the transaction: op.batchUpdate(...) or a keyset loop in a revision with "
                    + "\"-- Transactional: false\".");
        }
    }

    private void addEnumValue(AnalysedRevision revision, Unit unit, AddEnumValue value) {
        if (!inTransaction(revision, unit)) {
            return;
        }
        if (state.facts().serverVersion() < 120000) {
            report(revision, unit, Rule.ENUM_VALUE_IN_TRANSACTION, "ALTER TYPE " + value.type() + " ADD VALUE cannot run "
                    + "inside a transaction block before PostgreSQL 12 (the server is " + version() + "). Put it in a "
                    + "revision with \"-- Transactional: false\".");
        } else {
            state.enumValueAdded(value.value(), unit.transaction());
        }
    }

    /** PostgreSQL 12+ refuses to use an enum value in the transaction that added it ("unsafe use of new value"). */
    private void enumValueUse(AnalysedRevision revision, Unit unit) {
        if (!state.addedEnumValues()) {
            return;
        }
        for (String literal : unit.strings()) {
            Integer added = state.enumValueTransaction(literal);
            if (added != null && added == unit.transaction() && inTransaction(revision, unit)
                    && unit.shapes().stream().noneMatch(s -> s instanceof AddEnumValue)) {
                report(revision, unit, Rule.ENUM_VALUE_IN_TRANSACTION, "Uses enum value '" + literal + "' in the "
                        + "transaction that added it: PostgreSQL refuses that (\"unsafe use of new value\"). Add the value "
                        + "in its own revision (or one with \"-- Transactional: false\") and use it in a later one.");
            }
        }
    }

    /** The style rules for one column of a new or changed column. */
    void styleOfColumn(AnalysedRevision revision, Unit unit, RelationName table, ColumnDefinition column, boolean primaryKey) {
        styleOfType(revision, unit, table, column.name(), column.type());
        if (primaryKey && column.type().isNarrowInteger()) {
            report(revision, unit, Rule.INT_PRIMARY_KEY, "Primary key " + table + "." + column.name() + " is "
                    + column.type() + ": a 32-bit key runs out at 2.1 billion and widening it later rewrites the table and "
                    + "every referencing one. Use bigint GENERATED ALWAYS AS IDENTITY (or bigserial).");
        }
    }

    void styleOfType(AnalysedRevision revision, Unit unit, RelationName table, String column, TypeName type) {
        if (type.isJson()) {
            report(revision, unit, Rule.PREFER_JSONB, table + "." + column + " is json: it has no equality operator "
                    + "(SELECT DISTINCT, GROUP BY and UNION fail on it), cannot be indexed with GIN, and is re-parsed on "
                    + "every read. Use jsonb.");
        }
        if (type.isBlankPaddedChar()) {
            report(revision, unit, Rule.CHAR_TYPE, table + "." + column + " is " + type + ": blank-padded, slower than "
                    + "text in PostgreSQL, and its padding surprises comparisons. Use text (with a CHECK on length if "
                    + "needed) or varchar(n).");
        }
        if (type.isTimestampWithoutTimeZone()) {
            report(revision, unit, Rule.TIMESTAMP_WITHOUT_TIME_ZONE, table + "." + column + " is " + type + ": it drops "
                    + "the offset of every value written, so the same instant reads differently per session time zone. "
                    + "Use timestamptz.");
        }
    }

    String version() {
        int v = state.facts().serverVersion();
        return (v / 10000) + (v >= 100000 ? "" : "." + (v / 100) % 100);
    }

    /** Reports {@code rule} for {@code unit} unless the rule is disabled; suppressed when an allow names it. */
    void report(AnalysedRevision revision, Unit unit, Rule rule, String message) {
        add(revision, unit, unit.line(), rule, message, false, false);
    }

    void reportMeasured(AnalysedRevision revision, Unit unit, Rule rule, String message, boolean measured) {
        add(revision, unit, unit.line(), rule, message, measured, false);
    }

    private void add(AnalysedRevision revision, Unit unit, int line, Rule rule, String message, boolean measured,
            boolean wholeRevision) {
        if (!options.isEnabled(rule)) {
            return;
        }
        String reason = null;
        if (unit != null && rule != Rule.INVALID_SUPPRESSION) {
            reason = unit.allows().stream().filter(s -> s.allows(rule)).map(Suppression::reason).findFirst().orElse(null);
        }
        int statement = unit == null || wholeRevision ? 0 : unit.index();
        String sql = unit == null || wholeRevision ? "" : unit.abbreviated();
        findings.add(new Finding(revision.id(), revision.revision().source(), line, statement, rule, options.levelOf(rule),
                sql, message, reason, measured));
    }
}
