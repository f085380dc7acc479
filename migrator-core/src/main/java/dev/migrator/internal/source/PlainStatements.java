package dev.migrator.internal.source;

/**
 * The splitter's fast path: statements that hold none of the characters that open a quoted construct or
 * a comment ({@code ' " $ - /}), whose {@code ;} is outside parentheses and which are not SQL-standard
 * routines (most DDL: {@code CREATE TABLE t (id bigint PRIMARY KEY)}), found with {@link String#indexOf},
 * an intrinsic that is fast even before the JIT has compiled anything. Checking every file at load splits
 * every statement of a no-op start; in a fresh JVM, reading them character by character ran interpreted
 * for most of that time. A statement this class does not recognise is read by the general scanner, with
 * the same result ({@code SqlStatementSplitterProperties} checks that the two agree).
 *
 * <p>Pays 5–8 % of a fresh-process no-op's CPU time without an index (1,000 revisions; docs/benchmarks.md,
 * issue 12, "the fresh-process regression, found"): the general scanner's per-character calls run interpreted,
 * then keep the JIT's threads busy compiling them.
 */
final class PlainStatements {

    private static final char[] WATCHED = {'\'', '"', '$', '-', '/', '(', ')', '\n'};
    private static final int OPEN = 5;
    private static final int CLOSE = 6;
    private static final int NEWLINE = 7;

    private final String text;
    private final int to;
    private final int[] next = new int[WATCHED.length]; // the next index of each watched character, once looked up

    PlainStatements(String text, int from, int to) {
        this.text = text;
        this.to = to;
        java.util.Arrays.fill(next, from - 1);
    }

    /**
     * @param start the index of a statement's first token
     * @return the index of the {@code ;} that ends it if it is plain, else -1
     */
    int end(int start) {
        int semicolon = text.indexOf(';', start);
        if (semicolon < 0 || semicolon >= to) {
            return -1;
        }
        for (int k = 0; k < OPEN; k++) {
            if (next(k, start) < semicolon) {
                return -1;
            }
        }
        if (startsRoutine(start, semicolon)) {
            return -1;
        }
        int depth = 0;
        for (int at = start; ; ) {
            int open = next(OPEN, at);
            int close = next(CLOSE, at);
            int paren = Math.min(open, close);
            if (paren >= semicolon) {
                break;
            }
            if (paren == open) {
                depth++;
            } else if (depth > 0) { // a stray ')' does not count, as in the general scanner
                depth--;
            }
            at = paren + 1;
        }
        return depth == 0 ? semicolon : -1;
    }

    /** The number of line breaks in [start, end). */
    int newlines(int start, int end) {
        int count = 0;
        for (int at = next(NEWLINE, start); at < end; at = next(NEWLINE, at + 1)) {
            count++;
        }
        return count;
    }

    /** The index of the first watched character {@code k} at or after {@code at} (beyond the section when none). */
    private int next(int k, int at) {
        if (next[k] < at) {
            int found = text.indexOf(WATCHED[k], at);
            next[k] = found < 0 || found > to ? to : found;
        }
        return next[k];
    }

    /** {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}: its body may hold BEGIN ATOMIC, for the general scanner. */
    private boolean startsRoutine(int start, int end) {
        int at = word(start, end, "create");
        if (at < 0) {
            return false;
        }
        int afterOr = word(at, end, "or");
        return afterOr >= 0 || word(at, end, "function") >= 0 || word(at, end, "procedure") >= 0;
    }

    /** If {@code word} (any case) is the next word from {@code at}, the index after it; else -1. */
    private int word(int at, int end, String word) {
        while (at < end && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        int after = at + word.length();
        if (after > end || !text.regionMatches(true, at, word, 0, word.length())) {
            return -1;
        }
        return after == end || !ScanRules.isIdentifierPart(text.charAt(after)) ? after : -1;
    }
}
