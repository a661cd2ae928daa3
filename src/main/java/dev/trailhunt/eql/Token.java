package dev.trailhunt.eql;

/**
 * Holds one lexical token of EQL text with its position.
 *
 * @param kind what the token is
 * @param text the token as written (for strings: the decoded value)
 * @param line 1-based line
 * @param column 1-based column
 */
record Token(Kind kind, String text, int line, int column) {
    /** Lists the token kinds. */
    enum Kind { IDENT, QUOTED_IDENT, STRING, INTEGER, DECIMAL, SYMBOL, EOF }

    boolean is(Kind k, String s) {
        return kind == k && text.equals(s);
    }

    boolean isWord(String s) {
        return is(Kind.IDENT, s);
    }

    boolean isSymbol(String s) {
        return is(Kind.SYMBOL, s);
    }
}
