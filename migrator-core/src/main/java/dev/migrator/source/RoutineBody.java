package dev.migrator.source;

/**
 * Tracks, word by word, whether a statement is inside the {@code BEGIN ATOMIC ... END} body of a
 * SQL-standard {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, where a {@code ;} does not end the
 * statement. One instance per statement.
 */
final class RoutineBody {

    private int words;
    private boolean createRoutine;  // the statement starts CREATE [OR REPLACE] FUNCTION|PROCEDURE
    private boolean orReplace;
    private int parenDepth;
    private int blockDepth;
    private boolean afterBegin;

    boolean isOpen() {
        return blockDepth > 0;
    }

    void punctuation(char c) {
        if (c == '(') {
            parenDepth++;
        } else if (c == ')' && parenDepth > 0) {
            parenDepth--;
        }
    }

    void word(String text, int start, int end) {
        int position = words++;
        if (position == 0) {
            createRoutine = is(text, start, end, "create");
            return;
        }
        if (position == 1 || (position == 2 && orReplace) || (position == 3 && orReplace)) {
            if (!createRoutine) {
                return;
            }
            if (position == 1 && is(text, start, end, "or")) {
                orReplace = true;
            } else if (position == 2 && orReplace) {
                createRoutine = is(text, start, end, "replace");
            } else {
                createRoutine = is(text, start, end, "function") || is(text, start, end, "procedure");
            }
            return;
        }
        if (!createRoutine || parenDepth > 0) {
            return;
        }
        boolean previousWasBegin = afterBegin;
        afterBegin = false;
        if (blockDepth == 0) {
            if (previousWasBegin && is(text, start, end, "atomic")) {
                blockDepth = 1;
            } else {
                afterBegin = is(text, start, end, "begin");
            }
        } else if (is(text, start, end, "case")) {
            blockDepth++;
        } else if (is(text, start, end, "end")) {
            blockDepth--;
        }
    }

    private static boolean is(String text, int start, int end, String word) {
        return end - start == word.length() && text.regionMatches(true, start, word, 0, word.length());
    }
}
