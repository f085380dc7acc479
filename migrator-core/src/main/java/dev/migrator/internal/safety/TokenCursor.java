package dev.migrator.internal.safety;

import java.util.ArrayList;
import java.util.List;

/** Walks the tokens of one statement for the classifier; never throws past the end (it reads as no token). */
final class TokenCursor {

    private static final SqlToken END = new SqlToken(SqlToken.Kind.PUNCTUATION, ";", -1);

    private final List<SqlToken> tokens;
    private int position;

    TokenCursor(List<SqlToken> tokens) {
        this.tokens = tokens;
    }

    boolean atEnd() {
        return position >= tokens.size();
    }

    SqlToken peek() {
        return peek(0);
    }

    SqlToken peek(int ahead) {
        int at = position + ahead;
        return at < tokens.size() ? tokens.get(at) : END;
    }

    SqlToken next() {
        SqlToken token = peek();
        position++;
        return token;
    }

    /** Consumes {@code words} if the next tokens are exactly those words. */
    boolean accept(String... words) {
        for (int k = 0; k < words.length; k++) {
            if (!peek(k).isWord(words[k])) {
                return false;
            }
        }
        position += words.length;
        return true;
    }

    boolean acceptPunctuation(char c) {
        if (peek().isPunctuation(c)) {
            position++;
            return true;
        }
        return false;
    }

    boolean peekWord(String word) {
        return peek().isWord(word);
    }

    /** A name, or null when the next token is not one (the cursor then stays). */
    String identifier() {
        return peek().isIdentifier() ? next().text() : null;
    }

    /** {@code name}, {@code schema.name} (a third part, a database, is dropped), or null. */
    RelationName relation() {
        String first = identifier();
        if (first == null) {
            return null;
        }
        if (!peek().isPunctuation('.') || !peek(1).isIdentifier()) {
            return new RelationName(null, first);
        }
        position++;
        String second = next().text();
        if (peek().isPunctuation('.') && peek(1).isIdentifier()) {
            position++;
            return new RelationName(second, next().text());
        }
        return new RelationName(first, second);
    }

    /** Skips a parenthesised group if one starts here; returns its inner tokens (empty if none). */
    List<SqlToken> group() {
        List<SqlToken> inner = new ArrayList<>();
        if (!peek().isPunctuation('(')) {
            return inner;
        }
        int depth = 0;
        while (!atEnd()) {
            SqlToken token = next();
            if (token.isPunctuation('(')) {
                depth++;
                if (depth == 1) {
                    continue;
                }
            } else if (token.isPunctuation(')')) {
                depth--;
                if (depth == 0) {
                    break;
                }
            }
            inner.add(token);
        }
        return inner;
    }

    /**
     * The tokens up to (not including) the next one at parenthesis depth 0 that {@code stop} accepts,
     * or to the end; the cursor is left on the stopping token.
     */
    List<SqlToken> until(java.util.function.Predicate<SqlToken> stop) {
        List<SqlToken> taken = new ArrayList<>();
        int depth = 0;
        while (!atEnd()) {
            SqlToken token = peek();
            if (depth == 0 && stop.test(token)) {
                break;
            }
            if (token.isPunctuation('(') || token.isPunctuation('[')) {
                depth++;
            } else if ((token.isPunctuation(')') || token.isPunctuation(']')) && depth > 0) {
                depth--;
            }
            taken.add(next());
        }
        return taken;
    }

    /** Splits {@code tokens} at the commas at parenthesis depth 0. */
    static List<List<SqlToken>> splitOnCommas(List<SqlToken> tokens) {
        List<List<SqlToken>> parts = new ArrayList<>();
        TokenCursor cursor = new TokenCursor(tokens);
        while (!cursor.atEnd()) {
            parts.add(cursor.until(t -> t.isPunctuation(',')));
            cursor.acceptPunctuation(',');
        }
        return parts;
    }

    /** Whether any token at depth 0 of the rest of the statement is the word {@code word}. */
    boolean restContainsWord(String word) {
        int depth = 0;
        for (int k = position; k < tokens.size(); k++) {
            SqlToken token = tokens.get(k);
            if (token.isPunctuation('(')) {
                depth++;
            } else if (token.isPunctuation(')')) {
                depth--;
            } else if (depth == 0 && token.isWord(word)) {
                return true;
            }
        }
        return false;
    }

    /** The last token of the statement, or a placeholder when there is none. */
    SqlToken last() {
        return tokens.isEmpty() ? END : tokens.get(tokens.size() - 1);
    }
}
