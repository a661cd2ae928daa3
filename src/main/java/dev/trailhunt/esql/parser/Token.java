package dev.trailhunt.esql.parser;

import java.util.Locale;

/**
 * Holds one lexical token: its kind, the decoded value, and its character span in the query text.
 *
 * @param kind the token kind
 * @param value the decoded value: unescaped string or identifier, else the raw text; for ERROR the message
 * @param start offset of the first character
 * @param end offset after the last character
 */
record Token(TokenKind kind, String value, int start, int end) {

    /** Tells whether this is an unquoted identifier spelled like the keyword, ignoring case. */
    boolean isKeyword(String keyword) {
        return kind == TokenKind.IDENTIFIER && value.equalsIgnoreCase(keyword);
    }

    /** Returns the lower-cased identifier text, used to recognise keywords. */
    String lower() {
        return value.toLowerCase(Locale.ROOT);
    }
}
