package dev.trailhunt.eql;

import dev.trailhunt.eql.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits EQL text into tokens: names (a trailing {@code ~} kept, as in {@code like~}), strings, numbers and symbols; skips comments.
 */
final class EqlLexer {
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private EqlLexer(String text) {
        this.text = text;
    }

    /** Returns the tokens of {@code text}, ending with an EOF token. */
    static List<Token> tokenize(String text) {
        return new EqlLexer(text).run();
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= text.length()) {
                out.add(new Token(Kind.EOF, "", line, column()));
                return out;
            }
            out.add(next());
        }
    }

    private int column() {
        return pos - lineStart + 1;
    }

    private EqlException error(int l, int c, String detail) {
        return new EqlException(l, c, detail, text);
    }

    private void advance() {
        if (text.charAt(pos) == '\n') {
            line++;
            lineStart = pos + 1;
        }
        pos++;
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char ch = text.charAt(pos);
            if (Character.isWhitespace(ch)) {
                advance();
            } else if (text.startsWith("/*", pos)) {
                int l = line;
                int c = column();
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw error(l, c, "unterminated comment");
                }
                while (pos < end + 2) {
                    advance();
                }
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private Token next() {
        int l = line;
        int c = column();
        char ch = text.charAt(pos);
        if (Character.isLetter(ch) || ch == '_' || ch == '@') {
            int start = pos;
            while (pos < text.length() && isNameChar(text.charAt(pos))) {
                pos++;
            }
            if (pos < text.length() && text.charAt(pos) == '~') {
                pos++;
            }
            return new Token(Kind.IDENT, text.substring(start, pos), l, c);
        }
        if (ch == '`') {
            return quotedName(l, c);
        }
        if (Character.isDigit(ch)) {
            return number(l, c);
        }
        if (ch == '"') {
            return text.startsWith("\"\"\"", pos) ? rawString(l, c) : string(l, c);
        }
        if (ch == '\'') {
            throw error(l, c, "Use double quotes [\"] to define string literals, not single quotes [']");
        }
        for (String s : new String[] {"==", "!=", "<=", ">=", "<", ">", "(", ")", "[", "]", ",", ":", "=", "?", "|", "!",
                "+", "-", "*", "/", "%", "."}) {
            if (text.startsWith(s, pos)) {
                pos += s.length();
                return new Token(Kind.SYMBOL, s, l, c);
            }
        }
        throw error(l, c, "unexpected character [" + ch + "]");
    }

    private static boolean isNameChar(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_' || ch == '@' || ch == '.';
    }

    private Token quotedName(int l, int c) {
        StringBuilder b = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n') {
                throw error(l, c, "unterminated quoted field name");
            }
            char ch = text.charAt(pos);
            if (ch == '`') {
                // A doubled backquote stands for one.
                if (text.startsWith("``", pos)) {
                    b.append('`');
                    pos += 2;
                    continue;
                }
                pos++;
                return new Token(Kind.QUOTED_IDENT, b.toString(), l, c);
            }
            b.append(ch);
            pos++;
        }
    }

    private Token number(int l, int c) {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        boolean decimal = false;
        if (pos + 1 < text.length() && text.charAt(pos) == '.' && Character.isDigit(text.charAt(pos + 1))) {
            decimal = true;
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int after = pos + 1;
            if (after < text.length() && (text.charAt(after) == '+' || text.charAt(after) == '-')) {
                after++;
            }
            if (after < text.length() && Character.isDigit(text.charAt(after))) {
                decimal = true;
                pos = after;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
        }
        return new Token(decimal ? Kind.DECIMAL : Kind.INTEGER, text.substring(start, pos), l, c);
    }

    private Token rawString(int l, int c) {
        int end = text.indexOf("\"\"\"", pos + 3);
        int newline = text.indexOf('\n', pos + 3);
        if (end < 0 || newline >= 0 && newline < end) {
            // EQL's raw strings end on the line they start.
            throw error(l, c, "unterminated string");
        }
        // Up to two quotes right after the closing ones belong to the string, as in Elasticsearch's grammar.
        int close = end;
        while (end + 3 < text.length() && text.charAt(end + 3) == '"' && end - close < 2) {
            end++;
        }
        String value = text.substring(pos + 3, end);
        while (pos < end + 3) {
            advance();
        }
        return new Token(Kind.STRING, value, l, c);
    }

    private Token string(int l, int c) {
        StringBuilder b = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n') {
                throw error(l, c, "unterminated string");
            }
            char ch = text.charAt(pos);
            if (ch == '"') {
                pos++;
                return new Token(Kind.STRING, b.toString(), l, c);
            }
            if (ch == '\\') {
                pos = escape(b, l);
                continue;
            }
            b.append(ch);
            pos++;
        }
    }

    /** Decodes the escape at {@code pos} into {@code b} as EQL defines them; returns the position after it. */
    private int escape(StringBuilder b, int l) {
        int c = column();
        if (pos + 1 >= text.length()) {
            throw error(l, c, "unterminated string");
        }
        char e = text.charAt(pos + 1);
        switch (e) {
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'n' -> b.append('\n');
            case 'r' -> b.append('\r');
            case 't' -> b.append('\t');
            case '"' -> b.append('"');
            case '\'' -> b.append('\'');
            case '\\' -> b.append('\\');
            case 'u' -> {
                int close = text.indexOf('}', pos);
                if (pos + 2 >= text.length() || text.charAt(pos + 2) != '{' || close < 0 || close - pos - 3 < 2
                        || close - pos - 3 > 8) {
                    throw error(l, c, "invalid unicode escape; use \\u{XXXX} with 2 to 8 hex digits");
                }
                String hex = text.substring(pos + 3, close);
                int cp;
                try {
                    cp = Integer.parseInt(hex, 16);
                } catch (NumberFormatException ex) {
                    throw error(l, c, "invalid unicode escape [\\u{" + hex + "}]");
                }
                if (!Character.isValidCodePoint(cp)) {
                    throw error(l, c, "invalid unicode code point [" + hex + "]");
                }
                b.appendCodePoint(cp);
                return close + 1;
            }
            default -> throw error(l, c, "illegal escape sequence [\\" + e + "]");
        }
        return pos + 2;
    }
}
