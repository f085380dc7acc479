package dev.migrator.internal.safety;

import dev.migrator.internal.safety.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits one PostgreSQL statement (as {@code SqlStatementSplitter} returns it) into tokens, following
 * PostgreSQL's lexical rules for what matters to the classifier: {@code --} and nested block comments are
 * dropped, string constants ({@code '...'} with {@code ''}, {@code E'...'} with backslash escapes, dollar
 * quoting) and quoted identifiers are single tokens, unquoted words are lower-cased. An unterminated
 * construct runs to the end (the splitter has already rejected such statements).
 */
final class SqlTokenizer {

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?:";

    private final String sql;
    private final List<SqlToken> tokens = new ArrayList<>();
    private int i;

    private SqlTokenizer(String sql) {
        this.sql = sql;
    }

    static List<SqlToken> tokenize(String sql) {
        SqlTokenizer tokenizer = new SqlTokenizer(sql);
        tokenizer.run();
        return tokenizer.tokens;
    }

    private void run() {
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && next() == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && next() == '*') {
                skipBlockComment();
            } else if (c == '\'') {
                quoted(i, '\'', false, Kind.STRING);
            } else if ((c == 'E' || c == 'e') && next() == '\'') {
                quoted(i, '\'', true, Kind.STRING);
            } else if ((c == 'B' || c == 'b' || c == 'X' || c == 'x' || c == 'N' || c == 'n') && next() == '\'') {
                quoted(i, '\'', false, Kind.STRING);
            } else if ((c == 'U' || c == 'u') && next() == '&' && i + 2 < n && sql.charAt(i + 2) == '\'') {
                i++;
                quoted(i - 1, '\'', false, Kind.STRING);
            } else if (c == '"') {
                quoted(i, '"', false, Kind.QUOTED);
            } else if (c == '$' && dollarTagEnd() > 0) {
                dollarQuoted();
            } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                int start = i++;
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
                add(Kind.PARAMETER, sql.substring(start, i), start);
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && isIdentifierPart(sql.charAt(i))) {
                    i++;
                }
                add(Kind.WORD, sql.substring(start, i).toLowerCase(Locale.ROOT), start);
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                number();
            } else if ("(),;.[]".indexOf(c) >= 0) {
                add(Kind.PUNCTUATION, String.valueOf(c), i++);
            } else if (c == '?' && !(i + 1 < n && OPERATOR_CHARS.indexOf(sql.charAt(i + 1)) >= 0)) {
                add(Kind.PARAMETER, "?", i++); // a JDBC parameter of a Java revision's execute(sql, params)
            } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                int start = i;
                while (i < n && OPERATOR_CHARS.indexOf(sql.charAt(i)) >= 0 && !sql.startsWith("--", i)
                        && !sql.startsWith("/*", i)) {
                    i++;
                }
                add(Kind.OPERATOR, sql.substring(start, i), start);
            } else {
                i++; // a character PostgreSQL would reject; nothing the classifier needs
            }
        }
    }

    private char next() {
        return i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
    }

    private void add(Kind kind, String text, int offset) {
        tokens.add(new SqlToken(kind, text, offset));
    }

    private void skipBlockComment() {
        int depth = 0;
        do {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
            } else {
                i++;
            }
        } while (depth > 0 && i < sql.length());
    }

    /** A token between {@code quote}s starting at the first quote at or after {@code start}; a doubled quote is one. */
    private void quoted(int start, char quote, boolean backslashEscapes, Kind kind) {
        i = sql.indexOf(quote, i) + 1;
        StringBuilder text = new StringBuilder();
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\' && i + 1 < sql.length()) {
                text.append(sql.charAt(i + 1));
                i += 2;
            } else if (c == quote && next() == quote) {
                text.append(quote);
                i += 2;
            } else if (c == quote) {
                i++;
                break;
            } else {
                text.append(c);
                i++;
            }
        }
        add(kind, text.toString(), start);
    }

    /** The index of the closing {@code $} of a dollar-quote opening at the cursor, or -1. */
    private int dollarTagEnd() {
        int j = i + 1;
        if (j < sql.length() && sql.charAt(j) == '$') {
            return j;
        }
        if (j >= sql.length() || !(Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
            return -1;
        }
        for (; j < sql.length(); j++) {
            char c = sql.charAt(j);
            if (c == '$') {
                return j;
            }
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return -1;
            }
        }
        return -1;
    }

    private void dollarQuoted() {
        int start = i;
        String tag = sql.substring(i, dollarTagEnd() + 1);
        int close = sql.indexOf(tag, i + tag.length());
        int end = close < 0 ? sql.length() : close;
        add(Kind.STRING, sql.substring(i + tag.length(), end), start);
        i = close < 0 ? sql.length() : close + tag.length();
    }

    private void number() {
        int start = i;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.' || sql.charAt(i) == '_'
                || ((sql.charAt(i) == '+' || sql.charAt(i) == '-') && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')))) {
            if (sql.charAt(i) == '.' && i + 1 < sql.length() && sql.charAt(i + 1) == '.') {
                break; // a range in an array slice, 1..2
            }
            i++;
        }
        add(Kind.NUMBER, sql.substring(start, i), start);
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
