package dev.migrator.operation;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** The {@link Operations} implementation: records operations in call order. */
public final class OperationRecorder implements Operations {

    private final List<Operation> operations = new ArrayList<>();

    /** Records what {@code body} does with an {@code op}. */
    public static List<Operation> record(Consumer<Operations> body) {
        OperationRecorder recorder = new OperationRecorder();
        body.accept(recorder);
        return recorder.operations();
    }

    public List<Operation> operations() {
        return Collections.unmodifiableList(operations);
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
    public CreateTableStep createTable(String table, Column... columns) {
        return new CreateTableStep(this, new CreateTable(table, List.of(columns), List.of(), false));
    }

    @Override
    public DropTableStep dropTable(String table) {
        return new DropTableStep(this, new DropTable(table, null, false, false));
    }

    @Override
    public DropTableStep dropTable(String table, Column... definition) {
        return new DropTableStep(this, new DropTable(table, new CreateTable(table, List.of(definition), List.of(), false),
                false, false));
    }

    @Override
    public Operations renameTable(String table, String newName) {
        return add(new RenameTable(table, newName));
    }

    @Override
    public AddColumnStep addColumn(String table, Column column) {
        return new AddColumnStep(this, new AddColumn(table, column, false));
    }

    @Override
    public DropColumnStep dropColumn(String table, String column) {
        return new DropColumnStep(this, new DropColumn(table, column, null, false));
    }

    @Override
    public DropColumnStep dropColumn(String table, Column definition) {
        return new DropColumnStep(this, new DropColumn(table, definition.name(), definition, false));
    }

    @Override
    public AlterColumnStep alterColumn(String table, String column) {
        return new AlterColumnStep(this, AlterColumn.of(table, column));
    }

    @Override
    public CreateIndexStep createIndex(String name, String table, String... columns) {
        return new CreateIndexStep(this, new CreateIndex(name, table, List.of(columns), false, null, null, false, false));
    }

    @Override
    public DropIndexStep dropIndex(String name) {
        return new DropIndexStep(this, new DropIndex(name, false, false, null));
    }

    @Override
    public ConstraintStep addForeignKey(String name, String table, List<String> columns, String referencedTable,
            List<String> referencedColumns) {
        return new ConstraintStep(this, new AddConstraint(table,
                new TableConstraint.ForeignKey(name, columns, referencedTable, referencedColumns, null, null), false));
    }

    @Override
    public ConstraintStep addCheck(String name, String table, String expression) {
        return new ConstraintStep(this, new AddConstraint(table, new TableConstraint.Check(name, expression), false));
    }

    @Override
    public ConstraintStep addUnique(String name, String table, String... columns) {
        return new ConstraintStep(this, new AddConstraint(table, new TableConstraint.Unique(name, List.of(columns)), false));
    }

    @Override
    public ConstraintStep addPrimaryKey(String name, String table, String... columns) {
        return new ConstraintStep(this,
                new AddConstraint(table, new TableConstraint.PrimaryKey(name, List.of(columns)), false));
    }

    @Override
    public Operations validateConstraint(String table, String name) {
        return add(new ValidateConstraint(table, name));
    }

    @Override
    public DropConstraintStep dropConstraint(String table, String name) {
        return new DropConstraintStep(this, new DropConstraint(table, name, false, null));
    }

    @Override
    public Operations createEnum(String name, String... values) {
        return add(new CreateEnum(name, List.of(values)));
    }

    @Override
    public EnumValueStep addEnumValue(String name, String value) {
        return new EnumValueStep(this, new AddEnumValue(name, value, null, false));
    }

    @Override
    public Operations dropEnum(String name) {
        return add(new DropEnum(name, false, null));
    }

    @Override
    public CommentStep commentOnTable(String table, String comment) {
        return new CommentStep(this, new Comment(table, null, comment, false, null));
    }

    @Override
    public CommentStep commentOnColumn(String table, String column, String comment) {
        return new CommentStep(this, new Comment(table, Names.require(column, "column name"), comment, false, null));
    }

    @Override
    public Operations autocommitBlock(Consumer<Operations> body) {
        return add(new AutocommitBlock(record(body)));
    }

    @Override
    public BatchUpdateStep batchUpdate(String table, String setSql, String whereSql) {
        return new BatchUpdateStep(this, BatchUpdate.of(table, setSql, whereSql));
    }

    @Override
    public AddColumnSafelyStep addColumnNotNullSafely(String table, Column column, String backfillSql) {
        return new AddColumnSafelyStep(this,
                new AddColumnNotNullSafely(table, column, backfillSql, BatchUpdate.DEFAULT_BATCH_SIZE));
    }

    @Override
    public ExpandColumnStep expandColumn(String table, String oldColumn, Column newColumn, String toNew, String toOld) {
        return new ExpandColumnStep(this,
                new ExpandColumn(table, oldColumn, newColumn, toNew, toOld, BatchUpdate.DEFAULT_BATCH_SIZE));
    }

    @Override
    public ContractColumnStep contractColumn(String table, String oldColumn, String newColumn, String toNew,
            String toOld) {
        return new ContractColumnStep(this,
                new ContractColumn(table, oldColumn, newColumn, toNew, toOld, null, BatchUpdate.DEFAULT_BATCH_SIZE));
    }
}
