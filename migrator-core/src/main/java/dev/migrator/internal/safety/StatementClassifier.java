package dev.migrator.internal.safety;

import dev.migrator.internal.safety.StatementShape.AddEnumValue;
import dev.migrator.internal.safety.StatementShape.CreateIndex;
import dev.migrator.internal.safety.StatementShape.CreateTable;
import dev.migrator.internal.safety.StatementShape.DataChange;
import dev.migrator.internal.safety.StatementShape.DropIndex;
import dev.migrator.internal.safety.StatementShape.DropObject;
import dev.migrator.internal.safety.StatementShape.DropTable;
import dev.migrator.internal.safety.StatementShape.Reindex;
import dev.migrator.internal.safety.StatementShape.Truncate;
import dev.migrator.internal.safety.StatementShape.Unknown;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recognises the shapes of PostgreSQL statements the safety rules are about, from tokens (so comments,
 * strings and quoted names never mislead it). It is not a parser: a statement it does not recognise is
 * {@link Unknown}, and the rules leave unknown statements alone.
 */
final class StatementClassifier {

    private static final Set<String> TABLE_CONSTRAINT_WORDS = Set.of("constraint", "primary", "unique", "check",
            "foreign", "exclude", "like");
    private static final Set<String> COMPARISONS = Set.of("=", "<", ">", "<=", ">=");

    private StatementClassifier() {}

    /** The shapes of the statements in {@code sql}, one per statement ({@code ;}-separated, as {@code execute} may hold several). */
    static List<StatementShape> classify(String sql) {
        List<StatementShape> shapes = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        for (SqlToken token : SqlTokenizer.tokenize(sql)) {
            if (token.isPunctuation(';')) {
                if (!current.isEmpty()) {
                    shapes.add(classify(current));
                }
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        if (!current.isEmpty()) {
            shapes.add(classify(current));
        }
        return shapes;
    }

    static StatementShape classify(List<SqlToken> tokens) {
        TokenCursor cursor = new TokenCursor(tokens);
        SqlToken first = cursor.next();
        if (first.kind() != SqlToken.Kind.WORD) {
            return new Unknown(first.text());
        }
        StatementShape shape = switch (first.text()) {
            case "create" -> create(cursor);
            case "alter" -> alter(cursor);
            case "drop" -> drop(cursor);
            case "truncate" -> truncate(cursor);
            case "update" -> update(cursor);
            case "delete" -> delete(cursor);
            case "reindex" -> new Reindex(cursor.restContainsWord("concurrently")
                    || tokens.stream().anyMatch(t -> t.isWord("concurrently")));
            default -> null;
        };
        boolean secondWord = tokens.size() > 1 && tokens.get(1).kind() == SqlToken.Kind.WORD;
        return shape != null ? shape : new Unknown(first.text() + (secondWord ? " " + tokens.get(1).text() : ""));
    }

    private static StatementShape create(TokenCursor cursor) {
        cursor.accept("or", "replace");
        boolean unique = cursor.accept("unique");
        if (cursor.accept("index")) {
            boolean concurrently = cursor.accept("concurrently");
            cursor.accept("if", "not", "exists");
            RelationName index = cursor.peekWord("on") ? null : cursor.relation();
            if (!cursor.accept("on")) {
                return null;
            }
            cursor.accept("only");
            RelationName table = cursor.relation();
            return table == null ? null : new CreateIndex(index, table, concurrently, unique);
        }
        if (unique) {
            return null;
        }
        if (!cursor.accept("global")) {
            cursor.accept("local"); // GLOBAL and LOCAL only precede TEMPORARY
        }
        boolean temporary = cursor.accept("temporary") || cursor.accept("temp");
        cursor.accept("unlogged");
        if (!cursor.accept("table") || temporary) {
            return null;
        }
        cursor.accept("if", "not", "exists");
        RelationName table = cursor.relation();
        if (table == null) {
            return null;
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        for (List<SqlToken> element : TokenCursor.splitOnCommas(cursor.group())) {
            if (element.isEmpty()) {
                continue;
            }
            if (element.get(0).kind() == SqlToken.Kind.WORD && TABLE_CONSTRAINT_WORDS.contains(element.get(0).text())) {
                primaryKey.addAll(primaryKeyColumns(element));
            } else {
                ColumnDefinition column = ColumnDefinition.parse(element);
                if (column != null) {
                    columns.add(column);
                }
            }
        }
        return new CreateTable(table, columns, primaryKey);
    }

    /** The columns of {@code [CONSTRAINT name] PRIMARY KEY (a, b)}, or none. */
    private static List<String> primaryKeyColumns(List<SqlToken> element) {
        TokenCursor cursor = new TokenCursor(element);
        if (cursor.accept("constraint")) {
            cursor.identifier();
        }
        List<String> columns = new ArrayList<>();
        if (cursor.accept("primary", "key")) {
            for (List<SqlToken> column : TokenCursor.splitOnCommas(cursor.group())) {
                if (!column.isEmpty() && column.get(0).isIdentifier()) {
                    columns.add(column.get(0).text());
                }
            }
        }
        return columns;
    }

    private static StatementShape alter(TokenCursor cursor) {
        if (cursor.accept("table")) {
            return AlterTableParser.parse(cursor);
        }
        if (cursor.accept("type")) {
            RelationName type = cursor.relation();
            if (type != null && cursor.accept("add", "value")) {
                cursor.accept("if", "not", "exists");
                SqlToken value = cursor.next();
                return value.kind() == SqlToken.Kind.STRING ? new AddEnumValue(type, value.text()) : null;
            }
        }
        return null;
    }

    private static StatementShape drop(TokenCursor cursor) {
        boolean cascade = cursor.last().isWord("cascade");
        if (cursor.accept("index")) {
            boolean concurrently = cursor.accept("concurrently");
            cursor.accept("if", "exists");
            return new DropIndex(names(cursor), concurrently, cascade);
        }
        if (cursor.accept("table")) {
            cursor.accept("if", "exists");
            return new DropTable(names(cursor), cascade);
        }
        String kind = cursor.peek().text();
        if (cursor.peekWord("materialized") || cursor.peekWord("foreign")) {
            kind = kind + " " + cursor.peek(1).text();
        }
        return new DropObject(kind, cascade);
    }

    private static StatementShape truncate(TokenCursor cursor) {
        boolean cascade = cursor.last().isWord("cascade");
        cursor.accept("table");
        cursor.accept("only");
        return new Truncate(names(cursor), cascade);
    }

    /** Comma-separated names up to the first word that is not part of a name list (CASCADE, RESTART...). */
    private static List<RelationName> names(TokenCursor cursor) {
        List<RelationName> names = new ArrayList<>();
        do {
            cursor.accept("only");
            RelationName name = cursor.relation();
            if (name == null || name.schema() == null && Set.of("cascade", "restrict", "restart", "continue")
                    .contains(name.name())) {
                break;
            }
            names.add(name);
            if (cursor.peek().isOperator("*")) {
                cursor.next(); // descendant tables included, as by default
            }
        } while (cursor.acceptPunctuation(','));
        return names;
    }

    private static StatementShape update(TokenCursor cursor) {
        cursor.accept("only");
        RelationName table = cursor.relation();
        if (table == null) {
            return null;
        }
        cursor.until(t -> t.isWord("where"));
        return new DataChange("UPDATE", table, bounded(cursor));
    }

    private static StatementShape delete(TokenCursor cursor) {
        if (!cursor.accept("from")) {
            return null;
        }
        cursor.accept("only");
        RelationName table = cursor.relation();
        if (table == null) {
            return null;
        }
        cursor.until(t -> t.isWord("where"));
        return new DataChange("DELETE", table, bounded(cursor));
    }

    /**
     * Whether the {@code WHERE} clause at the cursor bounds the rows by a constant: a comparison with a
     * literal or parameter ({@code id = 42}, {@code id <= ?}), {@code BETWEEN}, {@code IN (literals)}, a
     * {@code LIMIT}ed subquery, or {@code WHERE CURRENT OF}. A predicate on column values alone
     * ({@code col IS NULL}, {@code a = b}) is no bound: it may match every row.
     */
    private static boolean bounded(TokenCursor cursor) {
        if (!cursor.accept("where")) {
            return false;
        }
        List<SqlToken> where = cursor.until(t -> t.isWord("returning"));
        for (int k = 0; k < where.size(); k++) {
            SqlToken token = where.get(k);
            if (token.isWord("limit") || token.isWord("between") || token.isWord("current")) {
                return true;
            }
            boolean comparison = token.kind() == SqlToken.Kind.OPERATOR && COMPARISONS.contains(token.text());
            if (comparison && (isLiteralAt(where, k - 1) || isLiteralAt(where, k + 1))) {
                return true;
            }
            boolean list = token.isWord("in") || token.isWord("any");
            if ((list || comparison) && k + 2 < where.size() && where.get(k + 1).isPunctuation('(')
                    && isLiteralAt(where, k + 2)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLiteralAt(List<SqlToken> tokens, int k) {
        if (k < 0 || k >= tokens.size()) {
            return false;
        }
        SqlToken token = tokens.get(k);
        return token.isLiteral() || (token.isOperator("-") && k + 1 < tokens.size() && tokens.get(k + 1).isLiteral());
    }
}
