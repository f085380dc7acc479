package dev.migrator.operation;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
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
import dev.migrator.operation.ColumnOperation.AddColumn;
import dev.migrator.operation.ColumnOperation.AlterColumn;
import dev.migrator.operation.ColumnOperation.DropColumn;
import dev.migrator.operation.ConstraintOperation.AddConstraint;
import dev.migrator.operation.ConstraintOperation.DropConstraint;
import dev.migrator.operation.ConstraintOperation.ValidateConstraint;
import dev.migrator.operation.EnumOperation.AddEnumValue;
import dev.migrator.operation.EnumOperation.CreateEnum;
import dev.migrator.operation.EnumOperation.DropEnum;
import dev.migrator.operation.IndexOperation.CreateIndex;
import dev.migrator.operation.IndexOperation.DropIndex;
import dev.migrator.operation.Operation.AutocommitBlock;
import dev.migrator.operation.Operation.ExecuteSql;
import dev.migrator.operation.SafePattern.AddColumnNotNullSafely;
import dev.migrator.operation.SafePattern.BatchUpdate;
import dev.migrator.operation.SafePattern.ContractColumn;
import dev.migrator.operation.SafePattern.ExpandColumn;
import dev.migrator.operation.TableOperation.Comment;
import dev.migrator.operation.TableOperation.CreateTable;
import dev.migrator.operation.TableOperation.DropTable;
import dev.migrator.operation.TableOperation.RenameTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** The {@link Operations} implementation: records operations in call order. */
final class OperationRecorder implements Operations {

    private final List<Operation> operations = new ArrayList<>();

    /** Records what {@code body} does with an {@code op} ({@link Operations#record}). */
    static List<Operation> record(Consumer<Operations> body) {
        OperationRecorder recorder = new OperationRecorder();
        body.accept(recorder);
        return Collections.unmodifiableList(recorder.operations);
    }

    /** Adds an operation; the fluent methods of {@link Operations} all end here. */
    @Override
    public OperationRecorder add(Operation operation) {
        operations.add(java.util.Objects.requireNonNull(operation, "operation"));
        return this;
    }

    int addAndIndex(Operation operation) {
        add(operation);
        return operations.size() - 1;
    }

    Operation operationAt(int index) {
        return operations.get(index);
    }

    void replace(int index, Operation operation) {
        operations.set(index, operation);
    }

    @Override
    public OperationRecorder execute(String sql, Object... params) {
        return add(new ExecuteSql(sql, List.of(params)));
    }

    @Override
    public void reverseOf(Consumer<Operations> change) {
        List<Operation> forward = record(change);
        for (int i = forward.size() - 1; i >= 0; i--) {
            Operation op = forward.get(i);
            int position = i + 1;
            add(op.reverse().orElseThrow(() -> new MigratorException(ErrorCode.REVISION_MALFORMED, 
                    "Cannot derive a downgrade: " + op.describe() + " has no automatic reverse (operation "
                            + position + " of change()). "
                            + "Implement downgrade(Operations) explicitly instead of relying on change(), "
                            + "or give the operation what it needs to be reversed (e.g. the dropped column's definition).")));
        }
    }

    @Override
    public CreateTableBuilder createTable(String table, Column... columns) {
        return new CreateTableBuilder(this, new CreateTable(table, List.of(columns), List.of(), false));
    }

    @Override
    public DropTableBuilder dropTable(String table) {
        return new DropTableBuilder(this, new DropTable(table, null, false, false));
    }

    @Override
    public DropTableBuilder dropTable(String table, Column... definition) {
        return new DropTableBuilder(this, new DropTable(table, new CreateTable(table, List.of(definition), List.of(), false),
                false, false));
    }

    @Override
    public Operations renameTable(String table, String newName) {
        return add(new RenameTable(table, newName));
    }

    @Override
    public AddColumnBuilder addColumn(String table, Column column) {
        return new AddColumnBuilder(this, new AddColumn(table, column, false));
    }

    @Override
    public DropColumnBuilder dropColumn(String table, String column) {
        return new DropColumnBuilder(this, new DropColumn(table, column, null, false));
    }

    @Override
    public DropColumnBuilder dropColumn(String table, Column definition) {
        return new DropColumnBuilder(this, new DropColumn(table, definition.name(), definition, false));
    }

    @Override
    public AlterColumnBuilder alterColumn(String table, String column) {
        return new AlterColumnBuilder(this, AlterColumn.of(table, column));
    }

    @Override
    public CreateIndexBuilder createIndex(String name, String table, String... columns) {
        return new CreateIndexBuilder(this, CreateIndex.of(name, table, List.of(columns)));
    }

    @Override
    public DropIndexBuilder dropIndex(String name) {
        return new DropIndexBuilder(this, new DropIndex(name, false, false, null));
    }

    @Override
    public ConstraintBuilder addForeignKey(String name, String table, List<String> columns, String referencedTable,
            List<String> referencedColumns) {
        return new ConstraintBuilder(this, new AddConstraint(table,
                new TableConstraint.ForeignKey(name, columns, referencedTable, referencedColumns, null, null), false));
    }

    @Override
    public ConstraintBuilder addCheck(String name, String table, String expression) {
        return new ConstraintBuilder(this, new AddConstraint(table, new TableConstraint.Check(name, expression), false));
    }

    @Override
    public ConstraintBuilder addUnique(String name, String table, String... columns) {
        return new ConstraintBuilder(this, new AddConstraint(table, new TableConstraint.Unique(name, List.of(columns)), false));
    }

    @Override
    public ConstraintBuilder addPrimaryKey(String name, String table, String... columns) {
        return new ConstraintBuilder(this,
                new AddConstraint(table, new TableConstraint.PrimaryKey(name, List.of(columns)), false));
    }

    @Override
    public Operations validateConstraint(String table, String name) {
        return add(new ValidateConstraint(table, name));
    }

    @Override
    public DropConstraintBuilder dropConstraint(String table, String name) {
        return new DropConstraintBuilder(this, new DropConstraint(table, name, false, null));
    }

    @Override
    public Operations createEnum(String name, String... values) {
        return add(new CreateEnum(name, List.of(values)));
    }

    @Override
    public EnumValueBuilder addEnumValue(String name, String value) {
        return new EnumValueBuilder(this, new AddEnumValue(name, value, null, false));
    }

    @Override
    public Operations dropEnum(String name) {
        return add(new DropEnum(name, false, null));
    }

    @Override
    public CommentBuilder commentOnTable(String table, String comment) {
        return new CommentBuilder(this, new Comment(table, null, comment, false, null));
    }

    @Override
    public CommentBuilder commentOnColumn(String table, String column, String comment) {
        return new CommentBuilder(this, new Comment(table, Names.require(column, "column name"), comment, false, null));
    }

    @Override
    public Operations autocommitBlock(Consumer<Operations> body) {
        return add(new AutocommitBlock(record(body)));
    }

    @Override
    public BatchUpdateBuilder batchUpdate(String table, String setSql, String whereSql) {
        return new BatchUpdateBuilder(this, BatchUpdate.of(table, setSql, whereSql));
    }

    @Override
    public AddColumnSafelyBuilder addColumnNotNullSafely(String table, Column column, String backfillSql) {
        return new AddColumnSafelyBuilder(this,
                new AddColumnNotNullSafely(table, column, backfillSql, BatchUpdate.DEFAULT_BATCH_SIZE));
    }

    @Override
    public ExpandColumnBuilder expandColumn(String table, String oldColumn, Column newColumn, String toNew, String toOld) {
        return new ExpandColumnBuilder(this,
                new ExpandColumn(table, oldColumn, newColumn, toNew, toOld, BatchUpdate.DEFAULT_BATCH_SIZE));
    }

    @Override
    public ContractColumnBuilder contractColumn(String table, String oldColumn, String newColumn, String toNew,
            String toOld) {
        return new ContractColumnBuilder(this,
                new ContractColumn(table, oldColumn, newColumn, toNew, toOld, null, BatchUpdate.DEFAULT_BATCH_SIZE, false));
    }
}
