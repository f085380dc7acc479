package dev.migrator.internal.safety;

/**
 * One lexical token of a PostgreSQL statement. Comments never become tokens, so a keyword inside a
 * comment, a string or a quoted identifier can never be mistaken for syntax.
 *
 * @param text a word lower-cased; a quoted identifier or a string without its quotes (escapes resolved
 *     for {@code ''} and {@code ""}); an operator or a punctuation character as written
 */
record SqlToken(Kind kind, String text, int offset) {

    enum Kind {
        /** An unquoted identifier or key word, lower-cased as PostgreSQL folds it. */
        WORD,
        /** A double-quoted identifier, case kept. */
        QUOTED,
        /** A string constant: {@code '...'}, {@code E'...'}, {@code $$...$$}, {@code B'...'}... */
        STRING,
        NUMBER,
        /** {@code $1} or {@code ?}. */
        PARAMETER,
        /** A run of operator characters: {@code =}, {@code <=}, {@code ::}, {@code ->>}... */
        OPERATOR,
        /** One of {@code ( ) , ; . [ ]}. */
        PUNCTUATION
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    boolean isPunctuation(char c) {
        return kind == Kind.PUNCTUATION && text.charAt(0) == c;
    }

    boolean isOperator(String operator) {
        return kind == Kind.OPERATOR && text.equals(operator);
    }

    /** A name: an unquoted word or a quoted identifier. */
    boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED;
    }

    /** A constant written in the statement: string, number or parameter. */
    boolean isLiteral() {
        return kind == Kind.STRING || kind == Kind.NUMBER || kind == Kind.PARAMETER;
    }
}
