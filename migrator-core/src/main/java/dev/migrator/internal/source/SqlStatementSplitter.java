package dev.migrator.internal.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits PostgreSQL script text into statements on {@code ;}, in one pass over the characters, with
 * the lexical rules of PostgreSQL's own scanner ({@code scan.l}) and psql's statement splitting.
 *
 * <p>A {@code ;} does not end a statement inside a single-quoted string ({@code ''} escapes), an
 * {@code E'...'} string (backslash escapes too, also in its continuation: {@code E'a'} newline
 * {@code 'b'} is one literal), a double-quoted identifier, a dollar-quoted string ({@code $$...$$},
 * {@code $tag$...$tag$}; {@code $1} is a parameter, {@code a$b} an identifier), a {@code --} line
 * comment or a nested {@code /* ... *}{@code /} block comment; nor inside parentheses (as in psql:
 * the actions of {@code CREATE RULE ... DO ALSO (...; ...)}); nor inside the {@code BEGIN ATOMIC ... END}
 * body of a SQL-standard {@code CREATE FUNCTION} or {@code CREATE PROCEDURE} (see {@link RoutineBody}).
 * Every character from U+0080 up is an identifier character, as every byte from 0x80 is in
 * PostgreSQL's scanner: {@code $€$...$€$} is a dollar quote, {@code amount€$$} an identifier.
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
    private int parenDepth;
    private int parenLine; // the line of the outermost open parenthesis
    private final PlainStatements plain; // null: every statement through the general scanner (to compare the two)

    private SqlStatementSplitter(String source, String text, int from, int to, int firstLine, boolean fastPath) {
        this.source = source;
        this.text = text;
        this.from = from;
        this.to = to;
        this.i = from;
        this.line = firstLine;
        this.plain = fastPath ? new PlainStatements(text, from, to) : null;
    }

    /**
     * @param source    the file, for error messages
     * @param text      LF line endings
     * @param from      first index of the section
     * @param to        end index (exclusive) of the section
     * @param firstLine the 1-based line number of {@code text.charAt(from)}
     */
    static List<SqlStatement> split(String source, String text, int from, int to, int firstLine) {
        return new SqlStatementSplitter(source, text, from, to, firstLine, true).split();
    }

    /** Every statement through the general scanner, without the {@link PlainStatements} fast path (for tests). */
    static List<SqlStatement> splitWithoutFastPath(String source, String text, int from, int to, int firstLine) {
        return new SqlStatementSplitter(source, text, from, to, firstLine, false).split();
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
            } else if (c == ';' && parenDepth == 0 && !body.isOpen()) {
                if (codeStart >= 0) {
                    statements.add(new SqlStatement(text.substring(codeStart, codeEnd), codeStartLine));
                    codeStart = -1;
                }
                body = new RoutineBody();
                i++;
            } else {
                // A token: it starts the statement if nothing has yet.
                if (codeStart < 0) {
                    // the fast path: 5–8 % of a fresh no-op's CPU without an index (PlainStatements)
                    int end = plain == null ? -1 : plain.end(i);
                    if (end >= 0) {
                        addPlain(statements, end);
                        continue;
                    }
                    codeStart = i;
                    codeStartLine = line;
                }
                token(c, codeStartLine, body);
                codeEnd = i;
            }
        }
        if (parenDepth > 0) {
            throw problem("unclosed parenthesis (opened on line " + parenLine + ")", codeStartLine,
                    "Close it: a ';' inside parentheses does not end a statement (as in psql), so everything to the "
                            + "end of the section is part of this one.");
        }
        if (body.isOpen()) {
            throw problem("BEGIN ATOMIC body without its END (opened on line " + body.openedOnLine() + ")",
                    codeStartLine, "Close it with END; until then everything to the end of the section is part of it.");
        }
        if (codeStart >= 0) {
            statements.add(new SqlStatement(text.substring(codeStart, codeEnd), codeStartLine));
        }
        return statements;
    }

    /** The plain statement from the cursor to {@code semicolon}; the cursor moves past the {@code ;}. */
    private void addPlain(List<SqlStatement> statements, int semicolon) {
        int end = semicolon;
        while (end > i && isSpace(text.charAt(end - 1))) {
            end--;
        }
        statements.add(new SqlStatement(text.substring(i, end), line));
        line += plain.newlines(i, semicolon);
        i = semicolon + 1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\u000B';
    }

    /** Moves the cursor past the token starting with {@code c}: a quoted construct, a word or one character. */
    private void token(char c, int statementLine, RoutineBody body) {
        if (c == '\'') {
            skipQuoted('\'', isEscapeStringPrefix(i), "string literal '", statementLine);
            body.other();
        } else if (c == '"') {
            skipQuoted('"', false, "quoted identifier \"", statementLine);
            body.other();
        } else if (c == '$' && !isIdentifierChar(i - 1) && ScanRules.dollarTagEnd(text, i, to) >= 0) {
            skipDollarQuoted(statementLine);
            body.other();
        } else if (ScanRules.isIdentifierStart(c) && !isIdentifierChar(i - 1)) {
            int end = i + 1;
            while (end < to && ScanRules.isIdentifierPart(text.charAt(end))) {
                end++;
            }
            body.word(text, i, end, parenDepth == 0, isDotBefore(i) || isDotAfter(end), line);
            i = end;
        } else {
            if (c == '(') {
                if (parenDepth++ == 0) {
                    parenLine = line;
                }
            } else if (c == ')' && parenDepth > 0) { // a stray ')' is the server's to report, as in psql
                parenDepth--;
            }
            body.other(); // including "$1" and a ';' inside parentheses or a routine body
            i++;
        }
    }

    /** Whether the word starting at {@code start} follows a {@code .} (spaces between allowed): a qualified name's part. */
    private boolean isDotBefore(int start) {
        int j = start - 1;
        while (j >= from && Character.isWhitespace(text.charAt(j))) {
            j--;
        }
        return j >= from && text.charAt(j) == '.';
    }

    private boolean isDotAfter(int end) {
        int j = end;
        while (j < to && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j < to && text.charAt(j) == '.';
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

    /**
     * A quote-delimited token where a doubled quote is an escape (and, in E'...', so is a backslash).
     * A string literal continues in the next quoted part when only whitespace with a line break (and
     * {@code --} comments) separates them, and keeps its kind there: {@code E'a'} newline {@code 'b\''}
     * is one escape string (SQL's continuation; PostgreSQL's {@code quotecontinue}).
     */
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
                if (next() == quote) {
                    i += 2;
                    continue;
                }
                int continued = quote == '\'' ? ScanRules.continuation(text, i + 1, to) : -1;
                if (continued < 0) {
                    i++;
                    return;
                }
                line += ScanRules.countNewlines(text, i + 1, continued);
                i = continued + 1;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            i++;
        }
    }

    private void skipDollarQuoted(int statementLine) {
        String tag = text.substring(i, ScanRules.dollarTagEnd(text, i, to) + 1);
        int close = text.indexOf(tag, i + tag.length());
        if (close < 0 || close + tag.length() > to) {
            throw unterminated("dollar-quoted string " + tag + " (opened on line " + line + ")", statementLine);
        }
        line += ScanRules.countNewlines(text, i, close);
        i = close + tag.length();
    }

    /** {@code E'...'} or {@code e'...'}, where the E is a token of its own (not the end of {@code name'}). */
    private boolean isEscapeStringPrefix(int quote) {
        int e = quote - 1;
        return e >= from && (text.charAt(e) == 'E' || text.charAt(e) == 'e') && !isIdentifierChar(e - 1);
    }

    private boolean isIdentifierChar(int index) {
        return index >= from && ScanRules.isIdentifierPart(text.charAt(index));
    }

    private RevisionLoadException unterminated(String what, int statementLine) {
        return problem("unterminated " + what, statementLine,
                "Close it; until then everything to the end of the section is part of it.");
    }

    private RevisionLoadException problem(String what, int statementLine, String todo) {
        return new RevisionLoadException(source + ":" + statementLine + ": " + what
                + " in the statement starting on line " + statementLine + ". " + todo);
    }
}
