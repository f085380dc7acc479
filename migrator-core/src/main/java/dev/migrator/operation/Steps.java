package dev.migrator.operation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The fluent handles returned by {@link Operations}; each modifier refines the operation just recorded. */
public final class Steps {

    private Steps() {}

    public static final class CreateTableStep extends OperationStep<CreateTable> {
        CreateTableStep(OperationRecorder recorder, CreateTable operation) {
            super(recorder, operation, CreateTable.class);
        }

        public CreateTableStep ifNotExists() {
            update(t -> new CreateTable(t.table(), t.columns(), t.constraints(), true));
            return this;
        }

        public CreateTableStep constraint(TableConstraint constraint) {
            update(t -> {
                List<TableConstraint> all = new ArrayList<>(t.constraints());
                all.add(constraint);
                return new CreateTable(t.table(), t.columns(), all, t.ifNotExists());
            });
            return this;
        }

        public CreateTableStep primaryKey(String... columns) {
            return constraint(new TableConstraint.PrimaryKey(null, List.of(columns)));
        }

        public CreateTableStep unique(String name, String... columns) {
            return constraint(new TableConstraint.Unique(name, List.of(columns)));
        }

        public CreateTableStep check(String name, String expression) {
            return constraint(new TableConstraint.Check(name, expression));
        }

        public CreateTableStep foreignKey(String name, List<String> columns, String referencedTable,
                List<String> referencedColumns) {
            return constraint(new TableConstraint.ForeignKey(name, columns, referencedTable, referencedColumns, null, null));
        }
    }

    public static final class DropTableStep extends OperationStep<DropTable> {
        DropTableStep(OperationRecorder recorder, DropTable operation) {
            super(recorder, operation, DropTable.class);
        }

        public DropTableStep ifExists() {
            update(t -> new DropTable(t.table(), t.definition(), true, t.cascade()));
            return this;
        }

        public DropTableStep cascade() {
            update(t -> new DropTable(t.table(), t.definition(), t.ifExists(), true));
            return this;
        }
    }

    public static final class AddColumnStep extends OperationStep<AddColumn> {
        AddColumnStep(OperationRecorder recorder, AddColumn operation) {
            super(recorder, operation, AddColumn.class);
        }

        public AddColumnStep ifNotExists() {
            update(c -> new AddColumn(c.table(), c.column(), true));
            return this;
        }
    }

    public static final class DropColumnStep extends OperationStep<DropColumn> {
        DropColumnStep(OperationRecorder recorder, DropColumn operation) {
            super(recorder, operation, DropColumn.class);
        }

        public DropColumnStep ifExists() {
            update(c -> new DropColumn(c.table(), c.column(), c.definition(), true));
            return this;
        }
    }

    public static final class AlterColumnStep extends OperationStep<AlterColumn> {
        AlterColumnStep(OperationRecorder recorder, AlterColumn operation) {
            super(recorder, operation, AlterColumn.class);
        }

        public AlterColumnStep type(Type type) {
            return type(type, null);
        }

        /** A type change with a {@code USING} expression, e.g. {@code type(BIGINT, "amount::bigint")}. */
        public AlterColumnStep type(Type type, String using) {
            update(a -> new AlterColumn(a.table(), a.column(), type, using, a.previousType(), a.previousUsing(),
                    a.nullable(), a.defaultValue(), a.previousDefault(), a.newName()));
            return this;
        }

        /** The type before the change, which makes it reversible. */
        public AlterColumnStep fromType(Type previous) {
            return fromType(previous, null);
        }

        public AlterColumnStep fromType(Type previous, String using) {
            update(a -> new AlterColumn(a.table(), a.column(), a.type(), a.using(), previous, using, a.nullable(),
                    a.defaultValue(), a.previousDefault(), a.newName()));
            return this;
        }

        public AlterColumnStep setNotNull() {
            update(a -> a.withNullable(false));
            return this;
        }

        public AlterColumnStep dropNotNull() {
            update(a -> a.withNullable(true));
            return this;
        }

        public AlterColumnStep setDefault(String sql) {
            return defaultValue(ColumnDefault.of(sql));
        }

        public AlterColumnStep dropDefault() {
            return defaultValue(ColumnDefault.NONE);
        }

        /** The default before the change, which makes it reversible. */
        public AlterColumnStep fromDefault(String sql) {
            return previousDefault(ColumnDefault.of(sql));
        }

        /** There was no default before the change. */
        public AlterColumnStep fromNoDefault() {
            return previousDefault(ColumnDefault.NONE);
        }

        public AlterColumnStep renameTo(String newName) {
            update(a -> new AlterColumn(a.table(), a.column(), a.type(), a.using(), a.previousType(), a.previousUsing(),
                    a.nullable(), a.defaultValue(), a.previousDefault(), Names.require(newName, "new column name")));
            return this;
        }

        private AlterColumnStep defaultValue(ColumnDefault value) {
            update(a -> new AlterColumn(a.table(), a.column(), a.type(), a.using(), a.previousType(), a.previousUsing(),
                    a.nullable(), value, a.previousDefault(), a.newName()));
            return this;
        }

        private AlterColumnStep previousDefault(ColumnDefault value) {
            update(a -> new AlterColumn(a.table(), a.column(), a.type(), a.using(), a.previousType(), a.previousUsing(),
                    a.nullable(), a.defaultValue(), value, a.newName()));
            return this;
        }
    }

    public static final class CreateIndexStep extends OperationStep<CreateIndex> {
        CreateIndexStep(OperationRecorder recorder, CreateIndex operation) {
            super(recorder, operation, CreateIndex.class);
        }

        public CreateIndexStep unique() {
            update(i -> new CreateIndex(i.name(), i.table(), i.columns(), true, i.where(), i.method(), i.concurrently(),
                    i.ifNotExists()));
            return this;
        }

        /** A partial index over the rows matching {@code predicate}. */
        public CreateIndexStep where(String predicate) {
            update(i -> new CreateIndex(i.name(), i.table(), i.columns(), i.unique(), predicate, i.method(),
                    i.concurrently(), i.ifNotExists()));
            return this;
        }

        /** The access method, e.g. {@code "gin"}. */
        public CreateIndexStep using(String method) {
            update(i -> new CreateIndex(i.name(), i.table(), i.columns(), i.unique(), i.where(), method,
                    i.concurrently(), i.ifNotExists()));
            return this;
        }

        /**
         * Builds without blocking writes. Runs outside the revision's transaction; a failed build's INVALID
         * index is dropped and the cause reported, so a rerun starts clean.
         */
        public CreateIndexStep concurrently() {
            update(i -> new CreateIndex(i.name(), i.table(), i.columns(), i.unique(), i.where(), i.method(), true,
                    i.ifNotExists()));
            return this;
        }

        public CreateIndexStep ifNotExists() {
            update(i -> new CreateIndex(i.name(), i.table(), i.columns(), i.unique(), i.where(), i.method(),
                    i.concurrently(), true));
            return this;
        }
    }

    public static final class DropIndexStep extends OperationStep<DropIndex> {
        DropIndexStep(OperationRecorder recorder, DropIndex operation) {
            super(recorder, operation, DropIndex.class);
        }

        public DropIndexStep concurrently() {
            update(i -> new DropIndex(i.name(), true, i.ifExists(), i.definition()));
            return this;
        }

        public DropIndexStep ifExists() {
            update(i -> new DropIndex(i.name(), i.concurrently(), true, i.definition()));
            return this;
        }

        /** The index as it was (table and columns), which makes the drop reversible. */
        public DropIndexStep definedAs(String table, String... columns) {
            update(i -> new DropIndex(i.name(), i.concurrently(), i.ifExists(), new CreateIndex(
                    QualifiedNames.bare(i.name()), table, List.of(columns), false, null, null, i.concurrently(), false)));
            return this;
        }
    }

    public static final class ConstraintStep extends OperationStep<AddConstraint> {
        ConstraintStep(OperationRecorder recorder, AddConstraint operation) {
            super(recorder, operation, AddConstraint.class);
        }

        /** Checks only new rows now; {@code validateConstraint} checks existing rows later without blocking writes. */
        public ConstraintStep notValid() {
            update(c -> new AddConstraint(c.table(), c.constraint(), true));
            return this;
        }

        /** For a foreign key: {@code ON DELETE action}, e.g. {@code "CASCADE"}, {@code "SET NULL"}. */
        public ConstraintStep onDelete(String action) {
            update(c -> new AddConstraint(c.table(), foreignKey(c).onDelete(action), c.notValid()));
            return this;
        }

        public ConstraintStep onUpdate(String action) {
            update(c -> new AddConstraint(c.table(), foreignKey(c).onUpdate(action), c.notValid()));
            return this;
        }

        private static TableConstraint.ForeignKey foreignKey(AddConstraint c) {
            if (c.constraint() instanceof TableConstraint.ForeignKey fk) {
                return fk;
            }
            throw new IllegalStateException("onDelete/onUpdate apply to foreign keys, not to " + c.describe());
        }
    }

    public static final class DropConstraintStep extends OperationStep<DropConstraint> {
        DropConstraintStep(OperationRecorder recorder, DropConstraint operation) {
            super(recorder, operation, DropConstraint.class);
        }

        public DropConstraintStep ifExists() {
            update(c -> new DropConstraint(c.table(), c.name(), true, c.definition()));
            return this;
        }

        /** The constraint as it was, which makes the drop reversible. */
        public DropConstraintStep definedAs(TableConstraint definition) {
            update(c -> new DropConstraint(c.table(), c.name(), c.ifExists(), new AddConstraint(c.table(), definition,
                    false)));
            return this;
        }
    }

    public static final class CommentStep extends OperationStep<Comment> {
        CommentStep(OperationRecorder recorder, Comment operation) {
            super(recorder, operation, Comment.class);
        }

        /** The comment before (null for none), which makes the change reversible. */
        public CommentStep from(String previous) {
            update(c -> new Comment(c.table(), c.column(), c.text(), true, previous));
            return this;
        }
    }

    public static final class EnumValueStep extends OperationStep<AddEnumValue> {
        EnumValueStep(OperationRecorder recorder, AddEnumValue operation) {
            super(recorder, operation, AddEnumValue.class);
        }

        public EnumValueStep before(String existing) {
            update(e -> new AddEnumValue(e.name(), e.value(), existing, e.ifNotExists()));
            return this;
        }

        public EnumValueStep ifNotExists() {
            update(e -> new AddEnumValue(e.name(), e.value(), e.before(), true));
            return this;
        }
    }

    public static final class BatchUpdateStep extends OperationStep<BatchUpdate> {
        BatchUpdateStep(OperationRecorder recorder, BatchUpdate operation) {
            super(recorder, operation, BatchUpdate.class);
        }

        public BatchUpdateStep batchSize(int rows) {
            update(b -> b.batchSize(rows));
            return this;
        }

        public BatchUpdateStep pause(Duration betweenBatches) {
            update(b -> b.pause(betweenBatches));
            return this;
        }

        /** The unique column to walk; default: the table's single-column primary key. */
        public BatchUpdateStep keyColumn(String column) {
            update(b -> b.keyColumn(column));
            return this;
        }

        public BatchUpdateStep onProgress(BatchProgress.Listener listener) {
            update(b -> b.onProgress(listener));
            return this;
        }
    }

    public static final class AddColumnSafelyStep extends OperationStep<AddColumnNotNullSafely> {
        AddColumnSafelyStep(OperationRecorder recorder, AddColumnNotNullSafely operation) {
            super(recorder, operation, AddColumnNotNullSafely.class);
        }

        public AddColumnSafelyStep batchSize(int rows) {
            update(a -> new AddColumnNotNullSafely(a.table(), a.column(), a.backfillSql(), rows));
            return this;
        }
    }

    public static final class ExpandColumnStep extends OperationStep<ExpandColumn> {
        ExpandColumnStep(OperationRecorder recorder, ExpandColumn operation) {
            super(recorder, operation, ExpandColumn.class);
        }

        public ExpandColumnStep batchSize(int rows) {
            update(e -> new ExpandColumn(e.table(), e.oldColumn(), e.newColumn(), e.toNew(), e.toOld(), rows));
            return this;
        }
    }

    public static final class ContractColumnStep extends OperationStep<ContractColumn> {
        ContractColumnStep(OperationRecorder recorder, ContractColumn operation) {
            super(recorder, operation, ContractColumn.class);
        }

        /** The old column's definition, which makes the contract reversible (the reverse expands again). */
        public ContractColumnStep oldDefinition(Column definition) {
            update(c -> new ContractColumn(c.table(), c.oldColumn(), c.newColumn(), c.toNew(), c.toOld(), definition,
                    c.batchSize()));
            return this;
        }
    }
}
