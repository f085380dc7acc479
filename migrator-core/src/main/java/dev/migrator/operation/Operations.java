package dev.migrator.operation;

import dev.migrator.operation.SafePatternBuilders.AddColumnSafelyBuilder;
import dev.migrator.operation.OperationBuilders.AddColumnBuilder;
import dev.migrator.operation.OperationBuilders.AlterColumnBuilder;
import dev.migrator.operation.SafePatternBuilders.BatchUpdateBuilder;
import dev.migrator.operation.OperationBuilders.CommentBuilder;
import dev.migrator.operation.OperationBuilders.ConstraintBuilder;
import dev.migrator.operation.SafePatternBuilders.ContractColumnBuilder;
import dev.migrator.operation.OperationBuilders.CreateIndexBuilder;
import dev.migrator.operation.OperationBuilders.CreateTableBuilder;
import dev.migrator.operation.OperationBuilders.DropColumnBuilder;
import dev.migrator.operation.OperationBuilders.DropConstraintBuilder;
import dev.migrator.operation.OperationBuilders.DropIndexBuilder;
import dev.migrator.operation.OperationBuilders.DropTableBuilder;
import dev.migrator.operation.OperationBuilders.EnumValueBuilder;
import dev.migrator.operation.SafePatternBuilders.ExpandColumnBuilder;
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

    CreateTableBuilder createTable(String table, Column... columns);

    DropTableBuilder dropTable(String table);

    /** Drops a table, given its definition so that the drop can be reversed. */
    DropTableBuilder dropTable(String table, Column... definition);

    Operations renameTable(String table, String newName);

    // --- columns

    AddColumnBuilder addColumn(String table, Column column);

    /** Not reversible: give the definition with {@link #dropColumn(String, Column)} for that. */
    DropColumnBuilder dropColumn(String table, String column);

    DropColumnBuilder dropColumn(String table, Column definition);

    /** Type, nullability, default or name of a column; see {@link AlterColumnBuilder}. */
    AlterColumnBuilder alterColumn(String table, String column);

    default Operations renameColumn(String table, String column, String newName) {
        alterColumn(table, column).renameTo(newName);
        return this;
    }

    // --- indexes

    /** {@code columns} are names or expressions such as {@code "lower(email)"}. */
    CreateIndexBuilder createIndex(String name, String table, String... columns);

    DropIndexBuilder dropIndex(String name);

    // --- constraints

    ConstraintBuilder addForeignKey(String name, String table, List<String> columns, String referencedTable,
            List<String> referencedColumns);

    default ConstraintBuilder addForeignKey(String name, String table, String column, String referencedTable,
            String referencedColumn) {
        return addForeignKey(name, table, List.of(column), referencedTable, List.of(referencedColumn));
    }

    ConstraintBuilder addCheck(String name, String table, String expression);

    ConstraintBuilder addUnique(String name, String table, String... columns);

    ConstraintBuilder addPrimaryKey(String name, String table, String... columns);

    Operations validateConstraint(String table, String name);

    DropConstraintBuilder dropConstraint(String table, String name);

    // --- types and comments

    Operations createEnum(String name, String... values);

    /** Not reversible: PostgreSQL cannot remove an enum value. */
    EnumValueBuilder addEnumValue(String name, String value);

    Operations dropEnum(String name);

    CommentBuilder commentOnTable(String table, String comment);

    CommentBuilder commentOnColumn(String table, String column, String comment);

    // --- running outside the transaction

    /** Runs what {@code body} records outside the revision's transaction, each statement committing on its own. */
    Operations autocommitBlock(Consumer<Operations> body);

    // --- safe patterns

    /**
     * {@code UPDATE table SET setSql WHERE whereSql} in keyset batches by primary key, one commit per batch,
     * resumable after a crash. {@code whereSql} (may be null) should exclude rows already updated.
     */
    BatchUpdateBuilder batchUpdate(String table, String setSql, String whereSql);

    /**
     * Adds a NOT NULL column to a populated table without a long exclusive lock: nullable add, default,
     * batched backfill with {@code backfillSql}, {@code CHECK ... NOT VALID}, validate, {@code SET NOT NULL},
     * drop the check. Reversible (drops the column).
     */
    AddColumnSafelyBuilder addColumnNotNullSafely(String table, Column column, String backfillSql);

    /** Expand phase of renaming {@code oldColumn}: adds {@code newColumn}, keeps both in sync by trigger, backfills. */
    default ExpandColumnBuilder expandColumnRename(String table, String oldColumn, Column newColumn) {
        return expandColumn(table, oldColumn, newColumn, "{}", "{}");
    }

    /**
     * Expand phase of a column change: {@code toNew} and {@code toOld} convert a value ({@code {}}) between the
     * columns, e.g. {@code expandColumn("orders", "amount", column("amount_cents", BIGINT), "({} * 100)::bigint",
     * "{} / 100.0")}.
     */
    ExpandColumnBuilder expandColumn(String table, String oldColumn, Column newColumn, String toNew, String toOld);

    /** Contract phase of {@link #expandColumnRename}: drops the sync trigger and the old column. */
    default ContractColumnBuilder contractColumnRename(String table, String oldColumn, String newColumn) {
        return contractColumn(table, oldColumn, newColumn, "{}", "{}");
    }

    /** Contract phase of {@link #expandColumn}: drops the sync trigger and the old column. */
    ContractColumnBuilder contractColumn(String table, String oldColumn, String newColumn, String toNew, String toOld);

    /** Records any operation value (for operations built by hand). */
    Operations add(Operation operation);

    /**
     * The operations {@code body} records, in call order: what a revision's {@code upgrade(op)} or
     * {@code downgrade(op)} will run, without a database (for tests of revisions, and for the engine).
     */
    static List<Operation> record(Consumer<Operations> body) {
        return OperationRecorder.record(body);
    }
}
