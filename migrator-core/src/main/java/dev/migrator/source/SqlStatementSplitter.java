package dev.migrator.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits PostgreSQL script text into statements on {@code ;}, in one pass over the characters.
 *
 * <p>A {@code ;} does not end a statement inside a single-quoted string ({@code ''} escapes), an
 * {@code E'...'} string (backslash escapes too), a double-quoted identifier, a dollar-quoted string
 * ({@code $$...$$}, {@code $tag$...$tag$}; {@code $1} is a parameter, {@code a$b} an identifier), a
 * {@code --} line comment or a nested {@code /* ... *}{@code /} block comment, nor inside the
 * {@code BEGIN ATOMIC ... END} body of a SQL-standard {@code CREATE FUNCTION} or {@code CREATE
 * PROCEDURE} (PostgreSQL 14+): in a statement that starts with {@code CREATE [OR REPLACE]
 * FUNCTION|PROCEDURE}, outside parentheses, {@code BEGIN ATOMIC} opens the body, {@code CASE} inside
 * it opens a nested block, and {@code END} closes one (a heuristic close to psql's, which counts
 * every {@code BEGIN}).
 *
 * <p>Each statement is returned without its {@code ;} and without the comments before its first
 * token or after its last one (so a writer may append {@code ;} safely), with the line its first
 * token is on. Empty and comment-only statements are dropped.
 */
final class SqlStatementSplitter {

    private final String source;
    private final String text;
    private final int from;
    private final int to;
    private int i;      // the cursor
    private int line;   // the line of the cursor

    private SqlStatementSplitter(String source, String text, int from, int to, int firstLine) {
        this.source = source;
        this.text = text;
        this.from = from;
        this.to = to;
        this.i = from;
        this.line = firstLine;
    }

    /**
     * @param source    the file, for error messages
     * @param text      LF line endings
     * @param from      first index of the section
     * @param to        end index (exclusive) of the section
     * @param firstLine the 1-based line number of {@code text.charAt(from)}
     */
    static List<SqlStatement> split(String source, String text, int from, int to, int firstLine) {
        return new SqlStatementSplitter(source, text, from, to, firstLine).split();
    }

    private List<SqlStatement> split() {
        List<SqlStatement> statements = new ArrayList<>();
        int codeStart = -1;     // index of the current statement's first token, -1 while none
        int codeStartLine = 0;
        int codeEnd = -1;       // index after the current statement's last token
        RoutineBody body = new RoutineBody();
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == ' ' || c == '\t' || c == '\f' || c == '\u000B') {
                i++;
            } else if (c == '-' && next() == '-') {
                skipLineComment();
            } else if (c == '/' && next() == '*') {
                skipBlockComment(codeStart >= 0 ? codeStartLine : line);
            } else if (c == ';' && !body.isOpen()) {
                if (codeStart >= 0) {
                    statements.add(new SqlStatement(text.substring(codeStart, codeEnd), codeStartLine));
                    codeStart = -1;
                }
                body = new RoutineBody();
                i++;
            } else {
                // A token: it starts the statement if nothing has yet.
                if (codeStart < 0) {
                    codeStart = i;
                    codeStartLine = line;
                }
                token(c, codeStartLine, body);
                codeEnd = i;
            }
        }
        if (codeStart >= 0) {
            statements.add(new SqlStatement(text.substring(codeStart, codeEnd), codeStartLine));
        }
        return statements;
    }

    /** Moves the cursor past the token starting with {@code c}: a quoted construct, a word or one character. */
    private void token(char c, int statementLine, RoutineBody body) {
        if (c == '\'') {
            skipQuoted('\'', isEscapeStringPrefix(i), "string literal '", statementLine);
        } else if (c == '"') {
            skipQuoted('"', false, "quoted identifier \"", statementLine);
        } else if (c == '$' && !isIdentifierChar(i - 1) && dollarTagEnd() >= 0) {
            skipDollarQuoted(statementLine);
        } else if (isIdentifierStart(c) && !isIdentifierChar(i - 1)) {
            int end = i + 1;
            while (end < to && isIdentifierPart(text.charAt(end))) {
                end++;
            }
            body.word(text, i, end);
            i = end;
        } else {
            body.punctuation(c); // including "$1" and a ';' inside a routine body
            i++;
        }
    }

    private char next() {
        return i + 1 < to ? text.charAt(i + 1) : 0;
    }

    private void skipLineComment() {
        while (i < to && text.charAt(i) != '\n') {
            i++;
        }
    }

    /** Block comments nest in PostgreSQL: {@code /* a /* b *}{@code / c *}{@code /} is one comment. */
    private void skipBlockComment(int statementLine) {
        int startLine = line;
        int depth = 1;
        i += 2;
        while (depth > 0) {
            if (i >= to) {
                throw unterminated("block comment /* (opened on line " + startLine + ")", statementLine);
            }
            char c = text.charAt(i);
            if (c == '*' && next() == '/') {
                depth--;
                i += 2;
            } else if (c == '/' && next() == '*') {
                depth++;
                i += 2;
            } else {
                if (c == '\n') {
                    line++;
                }
                i++;
            }
        }
    }

    /** A quote-delimited token where a doubled quote is an escape (and, in E'...', so is a backslash). */
    private void skipQuoted(char quote, boolean backslashEscapes, String what, int statementLine) {
        int startLine = line;
        i++;
        while (true) {
            if (i >= to) {
                throw unterminated(what + " (opened on line " + startLine + ")", statementLine);
            }
            char c = text.charAt(i);
            if (c == '\\' && backslashEscapes && i + 1 < to) {
                i++;
                c = text.charAt(i);
            } else if (c == quote) {
                if (next() != quote) {
                    i++;
                    return;
                }
                i++;
            }
            if (c == '\n') {
                line++;
            }
            i++;
        }
    }

    private void skipDollarQuoted(int statementLine) {
        String tag = text.substring(i, dollarTagEnd() + 1);
        int close = text.indexOf(tag, i + tag.length());
        if (close < 0 || close + tag.length() > to) {
            throw unterminated("dollar-quoted string " + tag + " (opened on line " + line + ")", statementLine);
        }
        line += countNewlines(i, close);
        i = close + tag.length();
    }

    /**
     * If a dollar-quote delimiter starts at the cursor ({@code $$} or {@code $tag$}, the tag not
     * starting with a digit, so that {@code $1} is a parameter), the index of its closing {@code $}; otherwise -1.
     */
    private int dollarTagEnd() {
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
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return -1;
            }
        }
        return -1;
    }

    /** {@code E'...'} or {@code e'...'}, where the E is a token of its own (not the end of {@code name'}). */
    private boolean isEscapeStringPrefix(int quote) {
        int e = quote - 1;
        return e >= from && (text.charAt(e) == 'E' || text.charAt(e) == 'e') && !isIdentifierChar(e - 1);
    }

    private boolean isIdentifierChar(int index) {
        return index >= from && isIdentifierPart(text.charAt(index));
    }

    private int countNewlines(int start, int end) {
        int n = 0;
        for (int j = start; j < end; j++) {
            if (text.charAt(j) == '\n') {
                n++;
            }
        }
        return n;
    }

    private RevisionLoadException unterminated(String what, int statementLine) {
        return new RevisionLoadException(source + ":" + statementLine + ": unterminated " + what
                + " in the statement starting on line " + statementLine + ". Close it; until then everything "
                + "to the end of the section is part of it.");
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
