package dev.migrator.internal.source;

import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's transaction-control statements, recognised by their leading key words. A statement
 * that is none of these is {@link #NONE}, which includes {@code SAVEPOINT}, {@code RELEASE} and
 * {@code ROLLBACK TO [SAVEPOINT]}: they work inside a transaction and end none.
 */
public enum TransactionControl {

    /** Not transaction control. */
    NONE,
    /** {@code BEGIN [WORK | TRANSACTION]}, {@code START TRANSACTION}: opens a transaction block. */
    BEGIN,
    /** {@code BEGIN} or {@code START TRANSACTION} with transaction modes ({@code ISOLATION LEVEL ...}, {@code READ ONLY}). */
    BEGIN_WITH_MODES,
    /** {@code COMMIT | END [WORK | TRANSACTION] [AND NO CHAIN]}. */
    COMMIT,
    /** {@code ROLLBACK | ABORT [WORK | TRANSACTION] [AND NO CHAIN]}. */
    ROLLBACK,
    /** {@code COMMIT | END | ROLLBACK | ABORT ... AND CHAIN}: ends the block and opens the next. */
    CHAIN,
    /** {@code PREPARE TRANSACTION}, {@code COMMIT PREPARED}, {@code ROLLBACK PREPARED}: two-phase commit. */
    TWO_PHASE;

    /** Opens a block ({@link #BEGIN} or {@link #BEGIN_WITH_MODES}). */
    public boolean opens() {
        return this == BEGIN || this == BEGIN_WITH_MODES;
    }

    /** Ends a block ({@link #COMMIT} or {@link #ROLLBACK}). */
    public boolean ends() {
        return this == COMMIT || this == ROLLBACK;
    }

    /**
     * The first transaction-control statement of a script (such as a Java revision's {@code op.execute}
     * string), or null; a script the splitter cannot read is left to the server to report.
     */
    public static String firstIn(String script) {
        List<SqlStatement> statements;
        try {
            statements = SqlStatementSplitter.split("op.execute", script, 0, script.length(), 1);
        } catch (RevisionLoadException e) {
            return null;
        }
        for (SqlStatement statement : statements) {
            if (of(statement.sql()) != NONE) {
                return statement.sql();
            }
        }
        return null;
    }

    /** @param sql one statement, as the splitter returns it (comments may come between its words) */
    public static TransactionControl of(String sql) {
        if (!startsWithControlWord(sql)) {
            return NONE; // most statements: decided without allocating anything (every statement of every file is asked)
        }
        Words words = new Words(sql);
        String first = words.next();
        switch (first) {
            case "begin":
                words.skipOptional("work", "transaction");
                return words.atEnd() ? BEGIN : BEGIN_WITH_MODES;
            case "start":
                if (!words.next().equals("transaction")) {
                    return NONE;
                }
                return words.atEnd() ? BEGIN : BEGIN_WITH_MODES;
            case "commit":
            case "end":
            case "rollback":
            case "abort": {
                boolean commit = first.equals("commit") || first.equals("end");
                if (!first.equals("end") && !first.equals("abort") && words.peekIs("prepared")) {
                    return TWO_PHASE;
                }
                words.skipOptional("work", "transaction");
                String next = words.next();
                if (next.equals("to") && !commit) {
                    return NONE; // ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name
                }
                if (next.equals("and") && words.next().equals("chain")) {
                    return CHAIN;
                }
                return commit ? COMMIT : ROLLBACK;
            }
            case "prepare":
                return words.next().equals("transaction") ? TWO_PHASE : NONE;
            default:
                return NONE;
        }
    }

    /** Whether the first word is one that transaction control starts with. */
    private static boolean startsWithControlWord(String sql) {
        int start = Words.skipSpace(sql, 0);
        int end = start;
        while (end < sql.length() && Words.isLetter(sql.charAt(end))) {
            end++;
        }
        switch (end - start) {
            case 3:
                return is(sql, start, "end");
            case 5:
                return is(sql, start, "begin") || is(sql, start, "start") || is(sql, start, "abort");
            case 6:
                return is(sql, start, "commit");
            case 7:
                return is(sql, start, "prepare");
            case 8:
                return is(sql, start, "rollback");
            default:
                return false;
        }
    }

    private static boolean is(String sql, int at, String word) {
        return sql.regionMatches(true, at, word, 0, word.length());
    }

    /** Reads key words, lower-cased, skipping whitespace and comments; "" for anything else or the end. */
    private static final class Words {
        private final String sql;
        private int i;

        Words(String sql) {
            this.sql = sql;
        }

        String next() {
            skipSpace();
            if (i >= sql.length()) {
                return "";
            }
            int start = i;
            while (i < sql.length() && isLetter(sql.charAt(i))) {
                i++;
            }
            if (i == start || (i < sql.length() && ScanRules.isIdentifierPart(sql.charAt(i)))) {
                i = sql.length(); // not a key word: stop reading
                return "";
            }
            return sql.substring(start, i).toLowerCase(Locale.ROOT);
        }

        boolean peekIs(String word) {
            int saved = i;
            boolean is = next().equals(word);
            i = saved;
            return is;
        }

        void skipOptional(String... optional) {
            int saved = i;
            String word = next();
            for (String candidate : optional) {
                if (word.equals(candidate)) {
                    return;
                }
            }
            i = saved;
        }

        boolean atEnd() {
            skipSpace();
            return i >= sql.length();
        }

        private void skipSpace() {
            i = skipSpace(sql, i);
        }

        /** The index of the first character from {@code i} that is neither whitespace nor in a comment. */
        static int skipSpace(String sql, int i) {
            while (i < sql.length()) {
                char c = sql.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (sql.startsWith("--", i)) {
                    int nl = sql.indexOf('\n', i);
                    i = nl < 0 ? sql.length() : nl + 1;
                } else if (sql.startsWith("/*", i)) {
                    i = skipBlockComment(sql, i);
                } else {
                    return i;
                }
            }
            return i;
        }

        private static int skipBlockComment(String sql, int i) {
            int depth = 0;
            while (i < sql.length()) {
                if (sql.startsWith("/*", i)) {
                    depth++;
                    i += 2;
                } else if (sql.startsWith("*/", i)) {
                    i += 2;
                    if (--depth == 0) {
                        return i;
                    }
                } else {
                    i++;
                }
            }
            return i;
        }

        static boolean isLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
    }
}
