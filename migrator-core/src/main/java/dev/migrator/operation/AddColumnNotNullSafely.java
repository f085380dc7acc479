package dev.migrator.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adds a {@code NOT NULL} column to a live table without a long {@code ACCESS EXCLUSIVE} lock:
 * <ol>
 * <li>add it nullable, without default (instant);</li>
 * <li>set the default, so new rows get a value;</li>
 * <li>backfill existing rows in keyset batches, one commit each ({@link BatchUpdate});</li>
 * <li>{@code ADD CONSTRAINT ... CHECK (col IS NOT NULL) NOT VALID} (instant);</li>
 * <li>{@code VALIDATE CONSTRAINT} (scans, but under a lock that lets reads and writes go on);</li>
 * <li>{@code SET NOT NULL}: PostgreSQL 12+ sees the validated check and skips its own scan;</li>
 * <li>drop the now redundant check.</li>
 * </ol>
 * Steps 4 to 7 run in autocommit, so each lock is released as soon as its statement ends. Every step is
 * idempotent when run by the executor, so a rerun after a crash completes the job. Reversed by dropping
 * the column.
 *
 * @param backfillSql the value for existing rows as a SQL expression (may use other columns)
 */
public record AddColumnNotNullSafely(String table, Column column, String backfillSql, int batchSize)
        implements CompositeOperation {

    public AddColumnNotNullSafely {
        Names.require(table, "table name");
        Names.require(backfillSql, "backfill expression");
        if (column.isPrimaryKey()) {
            throw new IllegalArgumentException("addColumnNotNullSafely(" + table + "." + column.name()
                    + "): a primary key column cannot be added this way");
        }
    }

    /** The name of the temporary check constraint. */
    public String checkName() {
        return PostgresNames.limit(QualifiedNames.bare(table) + "_" + column.name() + "_not_null");
    }

    @Override
    public List<Operation> steps() {
        List<Operation> steps = new ArrayList<>();
        steps.add(new AddColumn(table, column.nullable().defaultValue(null), true));
        if (column.defaultSql() != null) {
            steps.add(new AlterColumn(table, column.name(), null, null, null, null, null,
                    ColumnDefault.of(column.defaultSql()), ColumnDefault.NONE, null));
        }
        String quotedName = "\"" + column.name().replace("\"", "\"\"") + "\"";
        steps.add(new BatchUpdate(table, quotedName + " = " + backfillSql, quotedName + " IS NULL", null, batchSize,
                null, null));
        if (!column.allowsNull()) {
            steps.add(new AutocommitBlock(List.of(
                    new DropConstraint(table, checkName(), true, null),
                    new AddConstraint(table, new TableConstraint.Check(checkName(), quotedName + " IS NOT NULL"), true),
                    new ValidateConstraint(table, checkName()),
                    AlterColumn.of(table, column.name()).withNullable(false),
                    new DropConstraint(table, checkName(), true, null))));
        }
        return steps;
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropColumn(table, column.name(), column, false));
    }

    @Override
    public String describe() {
        return "addColumnNotNullSafely(" + table + "." + column.name() + ")";
    }
}
