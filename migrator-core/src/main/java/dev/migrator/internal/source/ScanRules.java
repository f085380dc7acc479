package dev.migrator.internal.source;

/**
 * PostgreSQL's lexical rules that the {@link SqlStatementSplitter} scans by: pure functions of the text,
 * after {@code scan.l}.
 */
final class ScanRules {

    private ScanRules() {}

    /**
     * The index of the quote that continues a string literal ending just before {@code j}, or -1: PostgreSQL's
     * {@code {quote}{whitespace_with_newline}{quote}}, where horizontal space and {@code --} comments may
     * come before the line break, and space and comments ending in a line break after it.
     */
    static int continuation(String text, int j, int to) {
        boolean newline = false;
        while (j < to) {
            char c = text.charAt(j);
            if (c == '\n') {
                newline = true;
                j++;
            } else if (c == ' ' || c == '\t' || c == '\f' || c == '\r' || (c == '\u000B' && newline)) {
                j++;
            } else if (c == '-' && j + 1 < to && text.charAt(j + 1) == '-') {
                while (j < to && text.charAt(j) != '\n') {
                    j++;
                }
            } else {
                return newline && c == '\'' ? j : -1;
            }
        }
        return -1;
    }

    /**
     * If a dollar-quote delimiter starts at {@code i} ({@code $$} or {@code $tag$}, the tag not
     * starting with a digit, so that {@code $1} is a parameter), the index of its closing {@code $}; otherwise -1.
     */
    static int dollarTagEnd(String text, int i, int to) {
        int j = i + 1;
        if (j < to && text.charAt(j) == '$') {
            return j;
        }
        if (j >= to || !isIdentifierStart(text.charAt(j))) {
            return -1;
        }
        for (j++; j < to; j++) {
            char c = text.charAt(j);
            if (c == '$') {
                return j;
            }
            if (!(isIdentifierStart(c) || (c >= '0' && c <= '9'))) {
                return -1;
            }
        }
        return -1;
    }

    static int countNewlines(String text, int start, int end) {
        int n = 0;
        for (int j = start; j < end; j++) {
            if (text.charAt(j) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** PostgreSQL's {@code ident_start}: {@code [A-Za-z\\200-\\377_]}; every character from U+0080 up. */
    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** PostgreSQL's {@code ident_cont}: a start character, a digit or {@code $}. */
    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
    }
}
