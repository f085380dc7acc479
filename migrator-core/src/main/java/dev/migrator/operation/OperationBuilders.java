package dev.migrator.operation;

import dev.migrator.operation.Column.ColumnDefault;

import dev.migrator.operation.ColumnOperation.AddColumn;
import dev.migrator.operation.ColumnOperation.AlterColumn;
import dev.migrator.operation.ColumnOperation.DropColumn;
import dev.migrator.operation.ConstraintOperation.AddConstraint;
import dev.migrator.operation.ConstraintOperation.DropConstraint;
import dev.migrator.operation.EnumOperation.AddEnumValue;
import dev.migrator.operation.IndexOperation.CreateIndex;
import dev.migrator.operation.IndexOperation.DropIndex;
import dev.migrator.operation.TableOperation.Comment;
import dev.migrator.operation.TableOperation.CreateTable;
import dev.migrator.operation.TableOperation.DropTable;
import java.util.List;

/**
 * The builders {@link Operations} returns for schema changes; each modifier refines the operation just
 * recorded (the safe patterns' builders are {@link SafePatternBuilders}).
 */
public final class OperationBuilders {

    private OperationBuilders() {}

    public static final class CreateTableBuilder extends OperationBuilder<CreateTable> {
        CreateTableBuilder(OperationRecorder recorder, CreateTable operation) {
            super(recorder, operation, CreateTable.class);
        }

        public CreateTableBuilder ifNotExists() {
            update(t -> t.withIfNotExists(true));
            return this;
        }

        public CreateTableBuilder constraint(TableConstraint constraint) {
            update(t -> t.withConstraint(constraint));
            return this;
        }

        public CreateTableBuilder primaryKey(String... columns) {
            return constraint(new TableConstraint.PrimaryKey(null, List.of(columns)));
        }

        public CreateTableBuilder unique(String name, String... columns) {
            return constraint(new TableConstraint.Unique(name, List.of(columns)));
        }

        public CreateTableBuilder check(String name, String expression) {
            return constraint(new TableConstraint.Check(name, expression));
        }

        public CreateTableBuilder foreignKey(String name, List<String> columns, String referencedTable,
                List<String> referencedColumns) {
            return constraint(new TableConstraint.ForeignKey(name, columns, referencedTable, referencedColumns, null, null));
        }
    }

    public static final class DropTableBuilder extends OperationBuilder<DropTable> {
        DropTableBuilder(OperationRecorder recorder, DropTable operation) {
            super(recorder, operation, DropTable.class);
        }

        public DropTableBuilder ifExists() {
            update(t -> t.withIfExists(true));
            return this;
        }

        public DropTableBuilder cascade() {
            update(t -> t.withCascade(true));
            return this;
        }
    }

    public static final class AddColumnBuilder extends OperationBuilder<AddColumn> {
        AddColumnBuilder(OperationRecorder recorder, AddColumn operation) {
            super(recorder, operation, AddColumn.class);
        }

        public AddColumnBuilder ifNotExists() {
            update(c -> c.withIfNotExists(true));
            return this;
        }
    }

    public static final class DropColumnBuilder extends OperationBuilder<DropColumn> {
        DropColumnBuilder(OperationRecorder recorder, DropColumn operation) {
            super(recorder, operation, DropColumn.class);
        }

        public DropColumnBuilder ifExists() {
            update(c -> c.withIfExists(true));
            return this;
        }
    }

    public static final class AlterColumnBuilder extends OperationBuilder<AlterColumn> {
        AlterColumnBuilder(OperationRecorder recorder, AlterColumn operation) {
            super(recorder, operation, AlterColumn.class);
        }

        public AlterColumnBuilder type(Type type) {
            return type(type, null);
        }

        /** A type change with a {@code USING} expression, e.g. {@code type(BIGINT, "amount::bigint")}. */
        public AlterColumnBuilder type(Type type, String using) {
            update(a -> a.withType(type, using));
            return this;
        }

        /** The type before the change, which makes it reversible. */
        public AlterColumnBuilder fromType(Type previous) {
            return fromType(previous, null);
        }

        public AlterColumnBuilder fromType(Type previous, String using) {
            update(a -> a.withPreviousType(previous, using));
            return this;
        }

        public AlterColumnBuilder setNotNull() {
            update(a -> a.withNullable(false));
            return this;
        }

        public AlterColumnBuilder dropNotNull() {
            update(a -> a.withNullable(true));
            return this;
        }

        public AlterColumnBuilder setDefault(String sql) {
            update(a -> a.withDefaultValue(ColumnDefault.of(sql)));
            return this;
        }

        public AlterColumnBuilder dropDefault() {
            update(a -> a.withDefaultValue(ColumnDefault.NONE));
            return this;
        }

        /** The default before the change, which makes it reversible. */
        public AlterColumnBuilder fromDefault(String sql) {
            update(a -> a.withPreviousDefault(ColumnDefault.of(sql)));
            return this;
        }

        /** There was no default before the change. */
        public AlterColumnBuilder fromNoDefault() {
            update(a -> a.withPreviousDefault(ColumnDefault.NONE));
            return this;
        }

        public AlterColumnBuilder renameTo(String newName) {
            update(a -> a.withNewName(Names.require(newName, "new column name")));
            return this;
        }
    }

    public static final class CreateIndexBuilder extends OperationBuilder<CreateIndex> {
        CreateIndexBuilder(OperationRecorder recorder, CreateIndex operation) {
            super(recorder, operation, CreateIndex.class);
        }

        public CreateIndexBuilder unique() {
            update(i -> i.withUnique(true));
            return this;
        }

        /** A partial index over the rows matching {@code predicate}. */
        public CreateIndexBuilder where(String predicate) {
            update(i -> i.withWhere(predicate));
            return this;
        }

        /** The access method, e.g. {@code "gin"}. */
        public CreateIndexBuilder using(String method) {
            update(i -> i.withMethod(method));
            return this;
        }

        /**
         * Builds without blocking writes. Runs outside the revision's transaction; a failed build's INVALID
         * index is dropped and the cause reported, so a rerun starts clean.
         */
        public CreateIndexBuilder concurrently() {
            update(i -> i.withConcurrently(true));
            return this;
        }

        public CreateIndexBuilder ifNotExists() {
            update(i -> i.withIfNotExists(true));
            return this;
        }
    }

    public static final class DropIndexBuilder extends OperationBuilder<DropIndex> {
        DropIndexBuilder(OperationRecorder recorder, DropIndex operation) {
            super(recorder, operation, DropIndex.class);
        }

        public DropIndexBuilder concurrently() {
            update(i -> i.withConcurrently(true));
            return this;
        }

        public DropIndexBuilder ifExists() {
            update(i -> i.withIfExists(true));
            return this;
        }

        /** The index as it was (table and columns), which makes the drop reversible. */
        public DropIndexBuilder definedAs(String table, String... columns) {
            update(i -> i.withDefinition(CreateIndex.of(QualifiedNames.bare(i.name()), table, List.of(columns))
                    .withConcurrently(i.concurrently())));
            return this;
        }
    }

    public static final class ConstraintBuilder extends OperationBuilder<AddConstraint> {
        ConstraintBuilder(OperationRecorder recorder, AddConstraint operation) {
            super(recorder, operation, AddConstraint.class);
        }

        /** Checks only new rows now; {@code validateConstraint} checks existing rows later without blocking writes. */
        public ConstraintBuilder notValid() {
            update(c -> c.withNotValid(true));
            return this;
        }

        /** For a foreign key: {@code ON DELETE action}, e.g. {@code "CASCADE"}, {@code "SET NULL"}. */
        public ConstraintBuilder onDelete(String action) {
            update(c -> c.withConstraint(foreignKey(c).onDelete(action)));
            return this;
        }

        public ConstraintBuilder onUpdate(String action) {
            update(c -> c.withConstraint(foreignKey(c).onUpdate(action)));
            return this;
        }

        private static TableConstraint.ForeignKey foreignKey(AddConstraint c) {
            if (c.constraint() instanceof TableConstraint.ForeignKey fk) {
                return fk;
            }
            throw new IllegalStateException("onDelete/onUpdate apply to foreign keys, not to " + c.describe());
        }
    }

    public static final class DropConstraintBuilder extends OperationBuilder<DropConstraint> {
        DropConstraintBuilder(OperationRecorder recorder, DropConstraint operation) {
            super(recorder, operation, DropConstraint.class);
        }

        public DropConstraintBuilder ifExists() {
            update(c -> c.withIfExists(true));
            return this;
        }

        /** The constraint as it was, which makes the drop reversible. */
        public DropConstraintBuilder definedAs(TableConstraint definition) {
            update(c -> c.withDefinition(new AddConstraint(c.table(), definition, false)));
            return this;
        }
    }

    public static final class CommentBuilder extends OperationBuilder<Comment> {
        CommentBuilder(OperationRecorder recorder, Comment operation) {
            super(recorder, operation, Comment.class);
        }

        /** The comment before (null for none), which makes the change reversible. */
        public CommentBuilder from(String previous) {
            update(c -> c.withPrevious(previous));
            return this;
        }
    }

    public static final class EnumValueBuilder extends OperationBuilder<AddEnumValue> {
        EnumValueBuilder(OperationRecorder recorder, AddEnumValue operation) {
            super(recorder, operation, AddEnumValue.class);
        }

        public EnumValueBuilder before(String existing) {
            update(e -> e.withBefore(existing));
            return this;
        }

        public EnumValueBuilder ifNotExists() {
            update(e -> e.withIfNotExists(true));
            return this;
        }
    }
}
