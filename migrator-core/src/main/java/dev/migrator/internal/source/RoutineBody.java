package dev.migrator.internal.source;

/**
 * Tracks, word by word, whether a statement is inside the {@code BEGIN ATOMIC ... END} body of a
 * SQL-standard {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, where a {@code ;} does not end the
 * statement. One instance per statement.
 *
 * <p>psql's heuristic counts every {@code BEGIN}, {@code CASE} and {@code END} outside parentheses
 * once the statement starts {@code CREATE FUNCTION}; that closes the body early on a column label
 * such as {@code SELECT 2 AS end}. Here {@code BEGIN ATOMIC} opens the body (the only block PostgreSQL
 * has there), and a word that follows {@code AS} or sits next to a {@code .} is a label or a part
 * of a qualified name ({@code AS end}, {@code t.end}, {@code t.case}), never a block key word.
 */
final class RoutineBody {

    private int words;
    private boolean createRoutine;  // the statement starts CREATE [OR REPLACE] FUNCTION|PROCEDURE
    private boolean orReplace;
    private int blockDepth;
    private int openedOnLine;
    private boolean afterBegin;
    private boolean afterAs;

    boolean isOpen() {
        return blockDepth > 0;
    }

    /** The line of the {@code BEGIN ATOMIC} that opened the body. */
    int openedOnLine() {
        return openedOnLine;
    }

    /** Any token that is not a word (punctuation, a string, a quoted identifier). */
    void other() {
        afterBegin = false;
        afterAs = false;
    }

    /**
     * @param topLevel  the word is outside parentheses
     * @param qualified the word is preceded or followed by a {@code .}
     */
    void word(String text, int start, int end, boolean topLevel, boolean qualified, int line) {
        int position = words++;
        boolean label = afterAs || qualified;
        afterAs = !qualified && is(text, start, end, "as");
        if (position <= 3 && prefix(text, start, end, position)) {
            return;
        }
        if (!createRoutine || !topLevel || label) {
            afterBegin = false;
            return;
        }
        boolean previousWasBegin = afterBegin;
        afterBegin = false;
        if (blockDepth == 0) {
            if (previousWasBegin && is(text, start, end, "atomic")) {
                blockDepth = 1;
                openedOnLine = line;
            } else {
                afterBegin = is(text, start, end, "begin");
            }
        } else if (is(text, start, end, "case")) {
            blockDepth++;
        } else if (is(text, start, end, "end")) {
            blockDepth--;
        }
    }

    /** Reads {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}; true while the word belongs to that prefix. */
    private boolean prefix(String text, int start, int end, int position) {
        if (position == 0) {
            createRoutine = is(text, start, end, "create");
            return true;
        }
        if (!createRoutine) {
            return true;
        }
        if (position == 1 && is(text, start, end, "or")) {
            orReplace = true;
            return true;
        }
        if (position == 2 && orReplace) {
            createRoutine = is(text, start, end, "replace");
            return true;
        }
        if (position == 1 || (position == 3 && orReplace)) {
            createRoutine = is(text, start, end, "function") || is(text, start, end, "procedure");
            return true;
        }
        return false;
    }

    private static boolean is(String text, int start, int end, String word) {
        return end - start == word.length() && text.regionMatches(true, start, word, 0, word.length());
    }
}
