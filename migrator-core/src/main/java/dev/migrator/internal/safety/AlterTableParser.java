package dev.migrator.internal.safety;

import dev.migrator.internal.safety.StatementShape.AlterAction;
import dev.migrator.internal.safety.StatementShape.AlterAction.AddColumn;
import dev.migrator.internal.safety.StatementShape.AlterAction.AddConstraint;
import dev.migrator.internal.safety.StatementShape.AlterAction.AlterColumnType;
import dev.migrator.internal.safety.StatementShape.AlterAction.DetachPartitionConcurrently;
import dev.migrator.internal.safety.StatementShape.AlterAction.DropColumn;
import dev.migrator.internal.safety.StatementShape.AlterAction.DropConstraint;
import dev.migrator.internal.safety.StatementShape.AlterAction.Other;
import dev.migrator.internal.safety.StatementShape.AlterAction.RenameColumn;
import dev.migrator.internal.safety.StatementShape.AlterAction.RenameTable;
import dev.migrator.internal.safety.StatementShape.AlterAction.SetNotNull;
import dev.migrator.internal.safety.StatementShape.AlterAction.ValidateConstraint;
import dev.migrator.internal.safety.StatementShape.AlterTable;
import dev.migrator.internal.safety.StatementShape.ConstraintKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The actions of {@code ALTER TABLE} (after the key words), one per comma-separated clause. */
final class AlterTableParser {

    private AlterTableParser() {}

    static StatementShape parse(TokenCursor cursor) {
        cursor.accept("if", "exists");
        cursor.accept("only");
        RelationName table = cursor.relation();
        if (table == null) {
            return null; // ALTER TABLE ALL IN TABLESPACE ...
        }
        if (cursor.peek().isOperator("*")) {
            cursor.next();
        }
        List<AlterAction> actions = new ArrayList<>();
        if (cursor.accept("rename")) {
            actions.add(rename(cursor));
        } else if (cursor.accept("detach", "partition")) {
            cursor.relation();
            actions.add(cursor.accept("concurrently") ? new DetachPartitionConcurrently() : new Other("detach partition"));
        } else {
            for (List<SqlToken> clause : TokenCursor.splitOnCommas(cursor.until(t -> false))) {
                actions.add(action(new TokenCursor(clause)));
            }
        }
        return new AlterTable(table, actions);
    }

    private static AlterAction rename(TokenCursor cursor) {
        if (cursor.accept("to")) {
            String newName = cursor.identifier();
            return newName == null ? new Other("rename") : new RenameTable(newName);
        }
        if (cursor.accept("constraint")) {
            return new Other("rename constraint");
        }
        cursor.accept("column");
        String column = cursor.identifier();
        String newName = cursor.accept("to") ? cursor.identifier() : null;
        return column == null || newName == null ? new Other("rename") : new RenameColumn(column, newName);
    }

    private static AlterAction action(TokenCursor cursor) {
        if (cursor.accept("add")) {
            return add(cursor);
        }
        if (cursor.accept("drop")) {
            return drop(cursor);
        }
        if (cursor.accept("alter")) {
            return alterColumn(cursor);
        }
        if (cursor.accept("validate", "constraint")) {
            String name = cursor.identifier();
            return name == null ? new Other("validate constraint") : new ValidateConstraint(name);
        }
        return new Other(words(cursor));
    }

    private static AlterAction add(TokenCursor cursor) {
        String name = null;
        if (cursor.accept("constraint")) {
            name = cursor.identifier();
        }
        ConstraintKind kind = constraintKind(cursor);
        if (kind != null) {
            return constraint(name, kind, cursor);
        }
        if (name != null) {
            return new Other("add constraint");
        }
        cursor.accept("column");
        cursor.accept("if", "not", "exists");
        ColumnDefinition column = ColumnDefinition.parse(cursor.until(t -> false));
        return column == null ? new Other("add") : new AddColumn(column);
    }

    private static ConstraintKind constraintKind(TokenCursor cursor) {
        if (cursor.peekWord("check")) {
            return ConstraintKind.CHECK;
        }
        if (cursor.peekWord("foreign")) {
            return ConstraintKind.FOREIGN_KEY;
        }
        if (cursor.peekWord("unique")) {
            return ConstraintKind.UNIQUE;
        }
        if (cursor.peekWord("primary")) {
            return ConstraintKind.PRIMARY_KEY;
        }
        if (cursor.peekWord("exclude")) {
            return ConstraintKind.EXCLUDE;
        }
        return null;
    }

    private static AlterAction constraint(String name, ConstraintKind kind, TokenCursor cursor) {
        cursor.next();
        cursor.accept("key");
        String notNullColumn = null;
        boolean usingIndex = false;
        if (kind == ConstraintKind.CHECK) {
            notNullColumn = notNullColumn(cursor.group());
        } else if (kind == ConstraintKind.UNIQUE || kind == ConstraintKind.PRIMARY_KEY) {
            cursor.accept("nulls", "not", "distinct");
            cursor.accept("nulls", "distinct");
            usingIndex = cursor.accept("using", "index");
        }
        boolean notValid = false;
        while (!cursor.atEnd()) {
            if (cursor.accept("not", "valid")) {
                notValid = true;
            } else if (cursor.peek().isPunctuation('(')) {
                cursor.group();
            } else {
                cursor.next();
            }
        }
        return new AddConstraint(name, kind, notValid, usingIndex, notNullColumn);
    }

    /** {@code col} when a check's expression is {@code col IS NOT NULL} (parenthesised or not). */
    static String notNullColumn(List<SqlToken> expression) {
        List<SqlToken> inner = expression;
        while (inner.size() > 2 && inner.get(0).isPunctuation('(') && inner.get(inner.size() - 1).isPunctuation(')')) {
            inner = inner.subList(1, inner.size() - 1);
        }
        boolean matches = inner.size() == 4 && inner.get(0).isIdentifier() && inner.get(1).isWord("is")
                && inner.get(2).isWord("not") && inner.get(3).isWord("null");
        return matches ? inner.get(0).text() : null;
    }

    private static AlterAction drop(TokenCursor cursor) {
        boolean cascade = cursor.last().isWord("cascade");
        if (cursor.accept("constraint")) {
            cursor.accept("if", "exists");
            String name = cursor.identifier();
            return name == null ? new Other("drop constraint") : new DropConstraint(name, cascade);
        }
        cursor.accept("column");
        cursor.accept("if", "exists");
        String column = cursor.identifier();
        return column == null ? new Other("drop") : new DropColumn(column, cascade);
    }

    private static AlterAction alterColumn(TokenCursor cursor) {
        cursor.accept("column");
        String column = cursor.identifier();
        if (column == null) {
            return new Other("alter");
        }
        if (cursor.accept("set", "data", "type") || cursor.accept("type")) {
            List<SqlToken> type = cursor.until(t -> t.isWord("collate") || t.isWord("using"));
            cursor.accept("collate");
            if (cursor.peek().isIdentifier() && !cursor.peekWord("using")) {
                cursor.relation();
            }
            return new AlterColumnType(column, TypeName.of(type), cursor.accept("using"));
        }
        if (cursor.accept("set", "not", "null")) {
            return new SetNotNull(column);
        }
        return new Other("alter column " + words(cursor));
    }

    private static String words(TokenCursor cursor) {
        List<String> words = new ArrayList<>();
        for (int k = 0; k < 3 && cursor.peek(k).kind() == SqlToken.Kind.WORD; k++) {
            words.add(cursor.peek(k).text());
        }
        return words.stream().collect(Collectors.joining(" "));
    }
}
