package dev.trailhunt.esql.parser;

import dev.trailhunt.esql.ast.Source;
import java.util.Arrays;
import java.util.List;

/**
 * Walks the token list of one query and turns positions into {@link Source}s and positioned errors.
 */
final class TokenCursor {

    private final String text;
    private final List<Token> tokens;
    private final int[] lineStarts;
    private int index;

    TokenCursor(String text) {
        this.text = text;
        this.tokens = Lexer.tokenize(text);
        this.lineStarts = lineStarts(text);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** Returns the current token without consuming it. */
    Token peek() {
        return tokens.get(index);
    }

    /** Returns the token {@code ahead} places after the current one, or EOF past the end. */
    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    /** Consumes and returns the current token; EOF is never consumed past. */
    Token next() {
        Token token = tokens.get(index);
        if (token.kind() != TokenKind.EOF) {
            index++;
        }
        return token;
    }

    /** Tells whether the current token has the kind. */
    boolean at(TokenKind kind) {
        return peek().kind() == kind;
    }

    /** Tells whether the current token is the keyword, ignoring case. */
    boolean atKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    /** Consumes the current token if it has the kind. */
    boolean accept(TokenKind kind) {
        if (at(kind)) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes the current token if it is the keyword. */
    boolean acceptKeyword(String keyword) {
        if (atKeyword(keyword)) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes a token of the kind or fails with "expected {what}". */
    Token expect(TokenKind kind, String what) {
        if (!at(kind)) {
            throw expected(what);
        }
        return next();
    }

    /** Consumes the keyword or fails with "expected KEYWORD". */
    Token expectKeyword(String keyword) {
        if (!atKeyword(keyword)) {
            throw expected(keyword.toUpperCase(java.util.Locale.ROOT));
        }
        return next();
    }

    /** Returns the end offset of the last consumed token (0 before the first). */
    int previousEnd() {
        return index == 0 ? 0 : tokens.get(index - 1).end();
    }

    /** Builds the source of the text from an offset to the end of the last consumed token. */
    Source sourceFrom(int start) {
        return source(start, Math.max(start, previousEnd()));
    }

    /** Builds the source of a character span. */
    Source source(int start, int end) {
        int line = lineOf(start);
        return new Source(line + 1, start - lineStarts[line] + 1, start, end - start, text.substring(start, end));
    }

    /** Returns the verbatim text of a character span. */
    String slice(int start, int end) {
        return text.substring(start, end);
    }

    /** Fails at the current token with "expected X but found Y", or with the lexer's message for a malformed token. */
    EsqlSyntaxException expected(String what) {
        Token token = peek();
        if (token.kind() == TokenKind.ERROR) {
            return error(token.start(), token.value());
        }
        return error(positionOf(token), "expected " + what + " but found " + describe(token));
    }

    /** Fails at a token, preferring the lexer's message when the token is malformed. */
    EsqlSyntaxException unexpected(Token token) {
        if (token.kind() == TokenKind.ERROR) {
            return error(token.start(), token.value());
        }
        return error(positionOf(token), "unexpected " + describe(token));
    }

    /** Places an error at a token, or just after the last real token when the query ends early. */
    private int positionOf(Token token) {
        return token.kind() == TokenKind.EOF && index > 0 ? previousEnd() : token.start();
    }

    /** Creates a syntax error at a character offset. */
    EsqlSyntaxException error(int offset, String message) {
        int line = lineOf(offset);
        int lineStart = lineStarts[line];
        int lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
        if (lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r') {
            lineEnd--;
        }
        return new EsqlSyntaxException(line + 1, offset - lineStart + 1, message, text.substring(lineStart, lineEnd));
    }

    /** Describes a token for an error message, quoting its text. */
    static String describe(Token token) {
        return switch (token.kind()) {
            case EOF -> "end of query";
            case UNKNOWN -> "character '" + token.value() + "'";
            case STRING -> "string";
            default -> "'" + abbreviate(token.value()) + "'";
        };
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 37) + "..." : value;
    }

    private int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found : -found - 2;
    }
}
