package dev.migrator.operation;

import dev.migrator.operation.Steps.AddColumnSafelyStep;
import dev.migrator.operation.Steps.AddColumnStep;
import dev.migrator.operation.Steps.AlterColumnStep;
import dev.migrator.operation.Steps.BatchUpdateStep;
import dev.migrator.operation.Steps.CommentStep;
import dev.migrator.operation.Steps.ConstraintStep;
import dev.migrator.operation.Steps.ContractColumnStep;
import dev.migrator.operation.Steps.CreateIndexStep;
import dev.migrator.operation.Steps.CreateTableStep;
import dev.migrator.operation.Steps.DropColumnStep;
import dev.migrator.operation.Steps.DropConstraintStep;
import dev.migrator.operation.Steps.DropIndexStep;
import dev.migrator.operation.Steps.DropTableStep;
import dev.migrator.operation.Steps.EnumValueStep;
import dev.migrator.operation.Steps.ExpandColumnStep;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code op} API handed to Java revisions: each call records an {@link Operation}; nothing
 * touches the database until the executor runs the recorded list. Table names may be
 * schema-qualified ({@code "billing.invoices"}); identifiers are quoted by the dialect as needed.
 * Raw SQL fragments (defaults, checks, predicates, expressions) are written as given.
 */
public interface Operations {

    /** Runs raw SQL, with JDBC {@code ?} parameters. Not reversible. */
    Operations execute(String sql, Object... params);

    /**
     * Records the reverses of what {@code change} records, last first. Fails, naming the operation,
     * when one of them cannot be reversed.
     */
    void reverseOf(Consumer<Operations> change);

    // --- tables

    CreateTableStep createTable(String table, Column... columns);

    DropTableStep dropTable(String table);

    /** Drops a table, given its definition so that the drop can be reversed. */
    DropTableStep dropTable(String table, Column... definition);

    Operations renameTable(String table, String newName);

    // --- columns

    AddColumnStep addColumn(String table, Column column);

    /** Not reversible: give the definition with {@link #dropColumn(String, Column)} for that. */
    DropColumnStep dropColumn(String table, String column);

    DropColumnStep dropColumn(String table, Column definition);

    /** Type, nullability, default or name of a column; see {@link AlterColumnStep}. */
    AlterColumnStep alterColumn(String table, String column);

    default Operations renameColumn(String table, String column, String newName) {
        alterColumn(table, column).renameTo(newName);
        return this;
    }

    // --- indexes

    /** {@code columns} are names or expressions such as {@code "lower(email)"}. */
    CreateIndexStep createIndex(String name, String table, String... columns);

    DropIndexStep dropIndex(String name);

    // --- constraints

    ConstraintStep addForeignKey(String name, String table, List<String> columns, String referencedTable,
            List<String> referencedColumns);

    default ConstraintStep addForeignKey(String name, String table, String column, String referencedTable,
            String referencedColumn) {
        return addForeignKey(name, table, List.of(column), referencedTable, List.of(referencedColumn));
    }

    ConstraintStep addCheck(String name, String table, String expression);

    ConstraintStep addUnique(String name, String table, String... columns);

    ConstraintStep addPrimaryKey(String name, String table, String... columns);

    Operations validateConstraint(String table, String name);

    DropConstraintStep dropConstraint(String table, String name);

    // --- types and comments

    Operations createEnum(String name, String... values);

    /** Not reversible: PostgreSQL cannot remove an enum value. */
    EnumValueStep addEnumValue(String name, String value);

    Operations dropEnum(String name);

    CommentStep commentOnTable(String table, String comment);

    CommentStep commentOnColumn(String table, String column, String comment);

    // --- running outside the transaction

    /** Runs what {@code body} records outside the revision's transaction, each statement committing on its own. */
    Operations autocommitBlock(Consumer<Operations> body);

    // --- safe patterns

    /**
     * {@code UPDATE table SET setSql WHERE whereSql} in keyset batches by primary key, one commit per batch,
     * resumable after a crash. {@code whereSql} (may be null) should exclude rows already updated.
     */
    BatchUpdateStep batchUpdate(String table, String setSql, String whereSql);

    /**
     * Adds a NOT NULL column to a populated table without a long exclusive lock: nullable add, default,
     * batched backfill with {@code backfillSql}, {@code CHECK ... NOT VALID}, validate, {@code SET NOT NULL},
     * drop the check. Reversible (drops the column).
     */
    AddColumnSafelyStep addColumnNotNullSafely(String table, Column column, String backfillSql);

    /** Expand phase of renaming {@code oldColumn}: adds {@code newColumn}, keeps both in sync by trigger, backfills. */
    default ExpandColumnStep expandColumnRename(String table, String oldColumn, Column newColumn) {
        return expandColumn(table, oldColumn, newColumn, "{}", "{}");
    }

    /**
     * Expand phase of a column change: {@code toNew} and {@code toOld} convert a value ({@code {}}) between the
     * columns, e.g. {@code expandColumn("orders", "amount", column("amount_cents", BIGINT), "({} * 100)::bigint",
     * "{} / 100.0")}.
     */
    ExpandColumnStep expandColumn(String table, String oldColumn, Column newColumn, String toNew, String toOld);

    /** Contract phase of {@link #expandColumnRename}: drops the sync trigger and the old column. */
    default ContractColumnStep contractColumnRename(String table, String oldColumn, String newColumn) {
        return contractColumn(table, oldColumn, newColumn, "{}", "{}");
    }

    /** Contract phase of {@link #expandColumn}: drops the sync trigger and the old column. */
    ContractColumnStep contractColumn(String table, String oldColumn, String newColumn, String toNew, String toOld);

    /** Records any operation value (for operations built by hand or by extensions). */
    Operations add(Operation operation);
}
