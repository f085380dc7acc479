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

    private SqlStatementSplitter() {}

    /**
     * @param source    the file, for error messages
     * @param text      LF line endings
     * @param from      first index of the section
     * @param to        end index (exclusive) of the section
     * @param firstLine the 1-based line number of {@code text.charAt(from)}
     */
    static List<SqlStatement> split(String source, String text, int from, int to, int firstLine) {
        List<SqlStatement> statements = new ArrayList<>();
        int line = firstLine;
        int codeStart = -1;     // index of the current statement's first token, -1 while none
        int codeStartLine = 0;
        int codeEnd = -1;       // index after the current statement's last token
        RoutineBody body = new RoutineBody();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\f' || c == '\u000B') {
                i++;
                continue;
            }
            if (c == '-' && i + 1 < to && text.charAt(i + 1) == '-') {
                while (i < to && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < to && text.charAt(i + 1) == '*') {
                int startLine = line;
                int depth = 1;
                i += 2;
                while (depth > 0) {
                    if (i >= to) {
                        throw unterminated(source, "block comment /* (opened on line " + startLine + ")",
                                codeStart >= 0 ? codeStartLine : startLine);
                    }
                    char d = text.charAt(i);
                    if (d == '\n') {
                        line++;
                        i++;
                    } else if (d == '*' && i + 1 < to && text.charAt(i + 1) == '/') {
                        depth--;
                        i += 2;
                    } else if (d == '/' && i + 1 < to && text.charAt(i + 1) == '*') {
                        depth++;
                        i += 2;
                    } else {
                        i++;
                    }
                }
                continue;
            }
            if (c == ';' && !body.isOpen()) {
                body = new RoutineBody();
                if (codeStart >= 0) {
                    statements.add(new SqlStatement(text.substring(codeStart, codeEnd), codeStartLine));
                    codeStart = -1;
                }
                i++;
                continue;
            }
            // Everything else is a token character: it starts the statement if nothing has yet.
            if (codeStart < 0) {
                codeStart = i;
                codeStartLine = line;
            }
            if (c == '\'') {
                boolean backslashEscapes = isEscapeStringPrefix(text, from, i);
                int startLine = line;
                i++;
                while (true) {
                    if (i >= to) {
                        throw unterminated(source, "string literal ' (opened on line " + startLine + ")", codeStartLine);
                    }
                    char d = text.charAt(i);
                    if (d == '\n') {
                        line++;
                    } else if (d == '\\' && backslashEscapes && i + 1 < to) {
                        if (text.charAt(i + 1) == '\n') {
                            line++;
                        }
                        i++;
                    } else if (d == '\'') {
                        if (i + 1 < to && text.charAt(i + 1) == '\'') {
                            i++;
                        } else {
                            break;
                        }
                    }
                    i++;
                }
                i++;
            } else if (c == '"') {
                int startLine = line;
                i++;
                while (true) {
                    if (i >= to) {
                        throw unterminated(source, "quoted identifier \" (opened on line " + startLine + ")", codeStartLine);
                    }
                    char d = text.charAt(i);
                    if (d == '\n') {
                        line++;
                    } else if (d == '"') {
                        if (i + 1 < to && text.charAt(i + 1) == '"') {
                            i++;
                        } else {
                            break;
                        }
                    }
                    i++;
                }
                i++;
            } else if (c == '$' && !isIdentifierChar(text, from, i - 1)) {
                int tagEnd = dollarTagEnd(text, i, to);
                if (tagEnd < 0) {
                    i++; // $1, or a lone $
                } else {
                    String tag = text.substring(i, tagEnd + 1);
                    int close = text.indexOf(tag, tagEnd + 1);
                    if (close < 0 || close + tag.length() > to) {
                        throw unterminated(source, "dollar-quoted string " + tag + " (opened on line " + line + ")",
                                codeStartLine);
                    }
                    line += countNewlines(text, i, close);
                    i = close + tag.length();
                }
            } else if (isIdentifierStart(c) && !isIdentifierChar(text, from, i - 1)) {
                int end = i + 1;
                while (end < to && isIdentifierPart(text.charAt(end))) {
                    end++;
                }
                body.word(text, i, end);
                i = end;
            } else {
                body.punctuation(c);
                i++;
            }
            codeEnd = i;
        }
        if (codeStart >= 0) {
            statements.add(new SqlStatement(text.substring(codeStart, codeEnd), codeStartLine));
        }
        return statements;
    }

    /** Tracks whether the statement is inside the BEGIN ... END body of a SQL-standard routine. */
    private static final class RoutineBody {
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

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** {@code E'...'} or {@code e'...'}, where the E is a token of its own (not the end of {@code name'}). */
    private static boolean isEscapeStringPrefix(String text, int from, int quote) {
        int e = quote - 1;
        if (e < from || (text.charAt(e) != 'E' && text.charAt(e) != 'e')) {
            return false;
        }
        return !isIdentifierChar(text, from, e - 1);
    }

    private static boolean isIdentifierChar(String text, int from, int index) {
        if (index < from) {
            return false;
        }
        char c = text.charAt(index);
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /**
     * If a dollar-quote delimiter starts at {@code start} ({@code $$} or {@code $tag$}, the tag not
     * starting with a digit), the index of its closing {@code $}; otherwise -1.
     */
    private static int dollarTagEnd(String text, int start, int to) {
        int i = start + 1;
        if (i < to && text.charAt(i) == '$') {
            return i;
        }
        if (i >= to || !(Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
            return -1;
        }
        i++;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '$') {
                return i;
            }
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private static int countNewlines(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static RevisionLoadException unterminated(String source, String what, int statementLine) {
        return new RevisionLoadException(source + ":" + statementLine + ": unterminated " + what
                + " in the statement starting on line " + statementLine + ". Close it; until then everything "
                + "to the end of the section is part of it.");
    }
}
