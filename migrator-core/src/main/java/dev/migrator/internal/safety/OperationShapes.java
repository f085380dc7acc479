package dev.migrator.internal.safety;

import dev.migrator.operation.ColumnOperation.AddColumn;
import dev.migrator.operation.ConstraintOperation.AddConstraint;
import dev.migrator.operation.EnumOperation.AddEnumValue;
import dev.migrator.operation.ColumnOperation.AlterColumn;
import dev.migrator.operation.Column;
import dev.migrator.operation.IndexOperation.CreateIndex;
import dev.migrator.operation.TableOperation.CreateTable;
import dev.migrator.operation.ColumnOperation.DropColumn;
import dev.migrator.operation.ConstraintOperation.DropConstraint;
import dev.migrator.operation.EnumOperation.DropEnum;
import dev.migrator.operation.IndexOperation.DropIndex;
import dev.migrator.operation.TableOperation.DropTable;
import dev.migrator.operation.Operation.ExecuteSql;
import dev.migrator.operation.Operation;
import dev.migrator.operation.TableOperation.RenameTable;
import dev.migrator.operation.TableConstraint;
import dev.migrator.operation.ConstraintOperation.ValidateConstraint;
import dev.migrator.internal.safety.StatementShape.AlterAction;
import dev.migrator.internal.safety.StatementShape.AlterTable;
import dev.migrator.internal.safety.StatementShape.ConstraintKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What an {@code op} API operation does, in the classifier's terms. The operation is a typed value, so its
 * shape is exact: {@code createIndex(...).concurrently()} is a concurrent build by construction, a foreign
 * key is {@code NOT VALID} exactly when {@code notValid()} was called. Raw SQL ({@code execute}) is
 * classified like a SQL file's statement. Operations no rule is about (comments, sync triggers, batch
 * updates, enums created) have no shape.
 */
final class OperationShapes {

    private OperationShapes() {}

    static List<StatementShape> of(Operation operation) {
        if (operation instanceof ExecuteSql sql) {
            return StatementClassifier.classify(sql.sql());
        }
        StatementShape shape = shape(operation);
        return shape == null ? List.of() : List.of(shape);
    }

    private static StatementShape shape(Operation operation) {
        if (operation instanceof CreateTable t) {
            List<ColumnDefinition> columns = new ArrayList<>();
            t.columns().forEach(c -> columns.add(column(c)));
            List<String> primaryKey = new ArrayList<>();
            for (TableConstraint constraint : t.constraints()) {
                if (constraint instanceof TableConstraint.PrimaryKey pk) {
                    pk.columns().forEach(c -> primaryKey.add(name(c)));
                }
            }
            return new StatementShape.CreateTable(relation(t.table()), columns, primaryKey);
        }
        if (operation instanceof DropTable t) {
            return new StatementShape.DropTable(List.of(relation(t.table())), t.cascade());
        }
        if (operation instanceof RenameTable t) {
            return alter(t.table(), new AlterAction.RenameTable(t.bareNewName()));
        }
        if (operation instanceof AddColumn c) {
            return alter(c.table(), new AlterAction.AddColumn(column(c.column())));
        }
        if (operation instanceof DropColumn c) {
            return alter(c.table(), new AlterAction.DropColumn(name(c.column()), false));
        }
        if (operation instanceof AlterColumn c) {
            return alterColumn(c);
        }
        if (operation instanceof CreateIndex i) {
            return new StatementShape.CreateIndex(relation(i.qualifiedName()), relation(i.table()),
                    i.concurrently(), i.unique());
        }
        if (operation instanceof DropIndex i) {
            return new StatementShape.DropIndex(List.of(relation(i.name())), i.concurrently(), false);
        }
        if (operation instanceof AddConstraint c) {
            return alter(c.table(), constraint(c));
        }
        if (operation instanceof ValidateConstraint c) {
            return alter(c.table(), new AlterAction.ValidateConstraint(name(c.name())));
        }
        if (operation instanceof DropConstraint c) {
            return alter(c.table(), new AlterAction.DropConstraint(name(c.name()), false));
        }
        if (operation instanceof AddEnumValue e) {
            return new StatementShape.AddEnumValue(relation(e.name()), e.value());
        }
        if (operation instanceof DropEnum) {
            return new StatementShape.DropObject("type", false);
        }
        return null;
    }

    private static StatementShape alterColumn(AlterColumn c) {
        List<AlterAction> actions = new ArrayList<>();
        String column = name(c.column());
        if (c.type() != null) {
            actions.add(new AlterAction.AlterColumnType(column, TypeName.parse(c.type().sql()), c.using() != null));
        }
        if (Boolean.FALSE.equals(c.nullable())) {
            actions.add(new AlterAction.SetNotNull(column));
        }
        if (c.newName() != null) {
            actions.add(new AlterAction.RenameColumn(column, name(c.newName())));
        }
        return actions.isEmpty() ? null : new AlterTable(relation(c.table()), actions);
    }

    private static AlterAction constraint(AddConstraint c) {
        TableConstraint constraint = c.constraint();
        String name = name(constraint.name());
        if (constraint instanceof TableConstraint.Check check) {
            String column = AlterTableParser.notNullColumn(SqlTokenizer.tokenize(check.expression()));
            return new AlterAction.AddConstraint(name, ConstraintKind.CHECK, c.notValid(), false, column);
        }
        ConstraintKind kind = constraint instanceof TableConstraint.ForeignKey ? ConstraintKind.FOREIGN_KEY
                : constraint instanceof TableConstraint.Unique ? ConstraintKind.UNIQUE : ConstraintKind.PRIMARY_KEY;
        return new AlterAction.AddConstraint(name, kind, c.notValid(), false, null);
    }

    /** The op API's column as a definition; its type may carry clauses (e.g. {@code "bigint GENERATED ALWAYS AS IDENTITY"}). */
    private static ColumnDefinition column(Column c) {
        ColumnDefinition typed = ColumnDefinition.parse(SqlTokenizer.tokenize("x " + c.type().sql()));
        TypeName type = typed == null ? TypeName.parse(c.type().sql()) : typed.type();
        List<SqlToken> defaultExpression = c.defaultSql() != null ? SqlTokenizer.tokenize(c.defaultSql())
                : typed == null ? null : typed.defaultExpression();
        boolean identity = typed != null && typed.identity();
        boolean generated = typed != null && typed.generated();
        return new ColumnDefinition(name(c.name()), type, !c.allowsNull(), c.isPrimaryKey(), c.isUnique(),
                defaultExpression, c.references() != null, c.check() != null, identity, generated);
    }

    private static StatementShape alter(String table, AlterAction action) {
        return new AlterTable(relation(table), List.of(action));
    }

    private static RelationName relation(String name) {
        return RelationName.literal(name);
    }

    /** Column and constraint names are taken literally, as the dialect writes them. */
    private static String name(String name) {
        return name;
    }
}
