package dev.trailhunt.esql.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits ES|QL text into tokens following Elasticsearch's lexer, turning malformed input into ERROR tokens.
 *
 * <p>Lexical errors become tokens instead of exceptions so the parser reports the first error in reading
 * order, and so FROM index patterns can take characters no other rule accepts.
 */
final class Lexer {

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    /** Tokenises the whole text; the last token is always EOF. */
    static List<Token> tokenize(String text) {
        Lexer lexer = new Lexer(text);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            Token skipped = skipTrivia();
            if (skipped != null) {
                tokens.add(skipped);
                // An unterminated comment swallows the rest of the text.
                break;
            }
            if (pos >= text.length()) {
                break;
            }
            tokens.add(next());
        }
        tokens.add(new Token(TokenKind.EOF, "", text.length(), text.length()));
    }

    /** Skips whitespace and comments, returning an ERROR token for an unterminated block comment. */
    private Token skipTrivia() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '/' && peek(1) == '*') {
                int start = pos;
                int depth = 0;
                while (true) {
                    if (pos >= text.length()) {
                        return new Token(TokenKind.ERROR, "unterminated comment: '/*' without '*/'", start, text.length());
                    }
                    if (text.charAt(pos) == '/' && peek(1) == '*') {
                        depth++;
                        pos += 2;
                    } else if (text.charAt(pos) == '*' && peek(1) == '/') {
                        depth--;
                        pos += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        pos++;
                    }
                }
            } else {
                return null;
            }
        }
        return null;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        if (isLetter(c) || ((c == '_' || c == '@') && isIdentifierBody(peek(1)))) {
            pos++;
            while (pos < text.length() && isIdentifierBody(text.charAt(pos))) {
                pos++;
            }
            return token(TokenKind.IDENTIFIER, start);
        }
        if (c == '_') {
            // Elasticsearch needs a second character; a lone '_' is kept only for KEEP/DROP patterns such as '_*'.
            pos++;
            return token(TokenKind.IDENTIFIER, start);
        }
        if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
            return number(start);
        }
        if (c == '"') {
            return text.startsWith("\"\"\"", pos) ? tripleQuoted(start) : quoted(start);
        }
        if (c == '`') {
            return backquoted(start);
        }
        if (c == '?') {
            pos++;
            if (pos < text.length() && text.charAt(pos) == '?') {
                pos++;
            }
            while (pos < text.length() && isIdentifierBody(text.charAt(pos))) {
                pos++;
            }
            return token(TokenKind.PARAMETER, start);
        }
        return operator(start, c);
    }

    private Token operator(int start, char c) {
        TokenKind kind;
        int length = 1;
        switch (c) {
            case '|' -> kind = TokenKind.PIPE;
            case ',' -> kind = TokenKind.COMMA;
            case '.' -> kind = TokenKind.DOT;
            case '(' -> kind = TokenKind.LPAREN;
            case ')' -> kind = TokenKind.RPAREN;
            case '[' -> kind = TokenKind.LBRACKET;
            case ']' -> kind = TokenKind.RBRACKET;
            case '{' -> kind = TokenKind.LBRACE;
            case '}' -> kind = TokenKind.RBRACE;
            case '+' -> kind = TokenKind.PLUS;
            case '-' -> kind = TokenKind.MINUS;
            case '*' -> kind = TokenKind.STAR;
            case '/' -> kind = TokenKind.SLASH;
            case '%' -> kind = TokenKind.PERCENT;
            case ';' -> kind = TokenKind.SEMICOLON;
            case '=' -> {
                if (peek(1) == '=') {
                    kind = TokenKind.EQ;
                    length = 2;
                } else if (peek(1) == '~') {
                    kind = TokenKind.CIEQ;
                    length = 2;
                } else {
                    kind = TokenKind.ASSIGN;
                }
            }
            case '!' -> {
                if (peek(1) == '=') {
                    kind = TokenKind.NEQ;
                    length = 2;
                } else {
                    kind = TokenKind.UNKNOWN;
                }
            }
            case '<' -> {
                boolean eq = peek(1) == '=';
                kind = eq ? TokenKind.LTE : TokenKind.LT;
                length = eq ? 2 : 1;
            }
            case '>' -> {
                boolean eq = peek(1) == '=';
                kind = eq ? TokenKind.GTE : TokenKind.GT;
                length = eq ? 2 : 1;
            }
            case ':' -> {
                boolean cast = peek(1) == ':';
                kind = cast ? TokenKind.CAST : TokenKind.COLON;
                length = cast ? 2 : 1;
            }
            default -> {
                kind = TokenKind.UNKNOWN;
                // Keep surrogate pairs whole so the error shows the real character.
                length = Character.charCount(text.codePointAt(pos));
            }
        }
        pos += length;
        return token(kind, start);
    }

    private Token number(int start) {
        boolean decimal = false;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            decimal = true;
            pos++;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos + 1;
            if (mark < text.length() && (text.charAt(mark) == '+' || text.charAt(mark) == '-')) {
                mark++;
            }
            if (mark < text.length() && isDigit(text.charAt(mark))) {
                decimal = true;
                pos = mark;
                while (pos < text.length() && isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
        }
        return token(decimal ? TokenKind.DECIMAL : TokenKind.INTEGER, start);
    }

    /** Lexes a {@code "…"} string, which may not span lines and knows only the escapes of ES|QL's lexer. */
    private Token quoted(int start) {
        StringBuilder value = new StringBuilder();
        pos++;
        Token error = null;
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n' || text.charAt(pos) == '\r') {
                return error != null ? error
                        : new Token(TokenKind.ERROR, "unterminated string: missing closing '\"'", start, pos);
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return error != null ? new Token(TokenKind.ERROR, error.value(), error.start(), pos)
                        : new Token(TokenKind.STRING, value.toString(), start, pos);
            }
            if (c == '\\') {
                char e = peek(1);
                switch (e) {
                    case 't' -> value.append('\t');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case '"' -> value.append('"');
                    case '\\' -> value.append('\\');
                    default -> {
                        if (error == null) {
                            String shown = e == '\0' || e == '\n' || e == '\r' ? "\\" : "\\" + e;
                            error = new Token(TokenKind.ERROR, "invalid escape sequence '" + shown
                                    + "' in string; ES|QL strings accept \\t \\n \\r \\\" \\\\ only"
                                    + " (write \\\\ for a backslash, or use a \"\"\"…\"\"\" string)", pos, pos + 1);
                        }
                    }
                }
                pos += (e == '\0' || e == '\n' || e == '\r') ? 1 : 2;
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    /** Lexes a raw {@code """…"""} string: one line, no escapes, up to two extra closing quotes kept as content. */
    private Token tripleQuoted(int start) {
        int contentStart = start + 3;
        int i = contentStart;
        while (true) {
            if (i >= text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                pos = i;
                return new Token(TokenKind.ERROR, "unterminated string: missing closing '\"\"\"'", start, i);
            }
            if (text.startsWith("\"\"\"", i)) {
                int end = i + 3;
                for (int extra = 0; extra < 2 && end < text.length() && text.charAt(end) == '"'; extra++) {
                    end++;
                }
                pos = end;
                return new Token(TokenKind.STRING, text.substring(contentStart, end - 3), start, end);
            }
            i++;
        }
    }

    /** Lexes a backquoted identifier, where a doubled backquote stands for one. */
    private Token backquoted(int start) {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '`') {
                if (peek(1) == '`') {
                    value.append('`');
                    pos += 2;
                    continue;
                }
                pos++;
                return new Token(TokenKind.QUOTED_IDENTIFIER, value.toString(), start, pos);
            }
            value.append(c);
            pos++;
        }
        return new Token(TokenKind.ERROR, "unterminated quoted identifier: missing closing '`'", start, pos);
    }

    private Token token(TokenKind kind, int start) {
        return new Token(kind, text.substring(start, pos), start, pos);
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierBody(char c) {
        return isLetter(c) || isDigit(c) || c == '_';
    }
}
