package dev.migrator.internal.safety;

import java.util.List;
import java.util.Set;

/**
 * A column as {@code CREATE TABLE} or {@code ADD COLUMN} defines it, reduced to what the rules ask.
 *
 * @param defaultExpression the tokens of the {@code DEFAULT} expression, or null for none
 * @param identity {@code GENERATED ... AS IDENTITY}
 * @param generated {@code GENERATED ALWAYS AS (...) STORED}
 */
record ColumnDefinition(String name, TypeName type, boolean notNull, boolean primaryKey, boolean unique,
        List<SqlToken> defaultExpression, boolean references, boolean check, boolean identity, boolean generated) {

    /** Words that end a column's type or default expression and start one of its constraints. */
    private static final Set<String> CONSTRAINT_WORDS = Set.of("constraint", "not", "null", "default", "primary",
            "unique", "references", "check", "generated", "collate", "deferrable", "initially", "compression", "storage");

    boolean hasDefault() {
        return defaultExpression != null && !(defaultExpression.size() == 1 && defaultExpression.get(0).isWord("null"));
    }

    /** Whether every existing row gets a value computed when the column is added (or is checked against it). */
    boolean fillsExistingRows() {
        return hasDefault() || identity || generated || type.isSerial();
    }

    /** Parses {@code name type [constraints]}; null when it does not start with a name and a type. */
    static ColumnDefinition parse(List<SqlToken> tokens) {
        TokenCursor cursor = new TokenCursor(tokens);
        String name = cursor.identifier();
        if (name == null || cursor.atEnd()) {
            return null;
        }
        TypeName type = TypeName.of(cursor.until(ColumnDefinition::startsConstraint));
        boolean notNull = false;
        boolean primaryKey = false;
        boolean unique = false;
        boolean references = false;
        boolean check = false;
        boolean identity = false;
        boolean generated = false;
        List<SqlToken> defaultExpression = null;
        while (!cursor.atEnd()) {
            if (cursor.accept("constraint")) {
                cursor.identifier();
            } else if (cursor.accept("not", "null")) {
                notNull = true;
            } else if (cursor.accept("default")) {
                SqlToken first = cursor.next();
                List<SqlToken> rest = cursor.until(ColumnDefinition::startsConstraint);
                defaultExpression = new java.util.ArrayList<>();
                defaultExpression.add(first);
                defaultExpression.addAll(rest);
            } else if (cursor.accept("primary", "key")) {
                primaryKey = true;
                notNull = true;
            } else if (cursor.accept("unique")) {
                unique = true;
            } else if (cursor.accept("references")) {
                references = true;
                skipReference(cursor);
            } else if (cursor.accept("check")) {
                check = true;
                cursor.group();
            } else if (cursor.accept("generated")) {
                List<SqlToken> clause = cursor.until(ColumnDefinition::startsConstraint);
                boolean isIdentity = clause.stream().anyMatch(t -> t.isWord("identity"));
                identity |= isIdentity;
                generated |= !isIdentity;
            } else {
                cursor.next();
            }
        }
        return new ColumnDefinition(name, type, notNull, primaryKey, unique, defaultExpression, references, check,
                identity, generated);
    }

    /** The rest of {@code REFERENCES}: table, columns, MATCH and ON DELETE/UPDATE actions ({@code SET DEFAULT} is no default). */
    static void skipReference(TokenCursor cursor) {
        cursor.relation();
        cursor.group();
        while (true) {
            if (cursor.accept("on")) {
                cursor.next();
                if (cursor.accept("set")) {
                    cursor.next();
                    cursor.group();
                } else if (!cursor.accept("no", "action")) {
                    cursor.next();
                }
            } else if (cursor.accept("match")) {
                cursor.next();
            } else {
                return;
            }
        }
    }

    private static boolean startsConstraint(SqlToken token) {
        return token.kind() == SqlToken.Kind.WORD && CONSTRAINT_WORDS.contains(token.text());
    }
}
