package dev.trailhunt.kql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses KQL text into {@link KqlNode}s, written from Kibana's KQL documentation.
 *
 * <p>Precedence, loosest first: {@code or}, {@code and}, {@code not}; the keywords are case-insensitive and
 * need whitespace around them. An unquoted value runs until a special character ({@code \():<>"{}}), the end,
 * or whitespace followed by a keyword, and is trimmed, so {@code *S3 Browser*} is one value. Backslash escapes
 * the special characters, {@code *}, the keywords ({@code \or}) and writes {@code \t \r \n \\uXXXX}.
 */
final class KqlParser {
    private static final String SPECIAL = "\\():<>\"{}";
    /** Caps the characters of a query, as ES|QL's parser does. */
    static final int MAX_LENGTH = 100_000;
    /** Caps the values and fields of a query. */
    static final int MAX_TERMS = 10_000;
    /** Caps the nesting of parentheses, braces and {@code not}; and/or chains are balanced when lowered, so they do not count. */
    static final int MAX_DEPTH = 50;

    private final String text;
    private int pos;
    private int depth;
    private int terms;

    private KqlParser(String text) {
        this.text = text;
    }

    /**
     * Parses a whole query; an empty one (only whitespace) is an {@code And} of nothing, which matches every event.
     *
     * @throws KqlException positioned at the first character that does not fit the grammar
     */
    static KqlNode parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw KqlException.at(text, MAX_LENGTH, "query too large: more than " + MAX_LENGTH + " characters");
        }
        KqlParser p = new KqlParser(text);
        p.skipWs();
        if (p.atEnd()) {
            return new KqlNode.And(List.of(), 0);
        }
        KqlNode n = p.or(false);
        p.skipWs();
        if (!p.atEnd()) {
            String rest = text.substring(p.pos).trim().toLowerCase(Locale.ROOT);
            if (rest.equals("and") || rest.equals("or") || rest.equals("not")) {
                throw p.error(text.length(), "expected a query after '" + rest + "' but found the end of the query");
            }
            throw p.error(p.pos, "expected 'and', 'or' or the end of the query but found " + p.found(p.pos));
        }
        return n;
    }

    private KqlNode or(boolean values) {
        int start = pos;
        List<KqlNode> operands = new ArrayList<>();
        operands.add(and(values));
        while (binaryKeyword("or")) {
            operands.add(and(values));
        }
        return operands.size() == 1 ? operands.get(0) : new KqlNode.Or(operands, start);
    }

    private KqlNode and(boolean values) {
        int start = pos;
        List<KqlNode> operands = new ArrayList<>();
        operands.add(not(values));
        while (binaryKeyword("and")) {
            operands.add(not(values));
        }
        return operands.size() == 1 ? operands.get(0) : new KqlNode.And(operands, start);
    }

    /** Consumes whitespace, the keyword and whitespace after it when they are next, and says so. */
    private boolean binaryKeyword(String keyword) {
        int save = pos;
        if (skipWs() > 0 && keywordAt(pos, keyword)) {
            pos += keyword.length();
            skipWs();
            return true;
        }
        pos = save;
        return false;
    }

    private KqlNode not(boolean values) {
        int start = pos;
        if (keywordAt(pos, "not")) {
            pos += 3;
            skipWs();
            enter(start);
            KqlNode operand = not(values);
            depth--;
            return new KqlNode.Not(operand, start);
        }
        return values ? valuePrimary() : queryPrimary();
    }

    private KqlNode queryPrimary() {
        int start = pos;
        if (peek() == '(') {
            enter(start);
            pos++;
            skipWs();
            KqlNode inner = or(false);
            skipWs();
            expect(')', "')' to close the '(' at " + position(start));
            depth--;
            return inner;
        }
        KqlNode.Value first = literal();
        int after = pos;
        skipWs();
        char c = peek();
        if (c == ':') {
            KqlNode.Field field = field(first);
            pos++;
            skipWs();
            if (peek() == '{') {
                int brace = pos;
                enter(brace);
                pos++;
                skipWs();
                KqlNode inner = or(false);
                skipWs();
                expect('}', "'}' to close the '{' at " + position(brace));
                depth--;
                return new KqlNode.Nested(field, inner, start);
            }
            return new KqlNode.FieldMatch(field, valueExpression(), start);
        }
        if (c == '<' || c == '>') {
            KqlNode.Field field = field(first);
            pos++;
            boolean orEqual = peek() == '=';
            if (orEqual) {
                pos++;
            }
            KqlNode.RangeOp op = c == '<' ? (orEqual ? KqlNode.RangeOp.LTE : KqlNode.RangeOp.LT)
                    : (orEqual ? KqlNode.RangeOp.GTE : KqlNode.RangeOp.GT);
            skipWs();
            KqlNode.Value bound = literal();
            if (bound.wildcard()) {
                throw error(bound.offset(), "a range bound cannot hold a wildcard");
            }
            return new KqlNode.Range(field, op, bound, start);
        }
        pos = after;
        return first;
    }

    /** Parses what follows {@code field:}: one value, or a parenthesised tree of values. */
    private KqlNode valueExpression() {
        if (peek() == '(') {
            return valuePrimary();
        }
        if (keywordAt(pos, "not")) {
            throw error(pos, "expected a value but found 'not'; negate a value inside parentheses: field:(not value)");
        }
        return literal();
    }

    private KqlNode valuePrimary() {
        int start = pos;
        if (peek() == '(') {
            enter(start);
            pos++;
            skipWs();
            KqlNode inner = or(true);
            skipWs();
            expect(')', "')' to close the '(' at " + position(start));
            depth--;
            return inner;
        }
        return literal();
    }

    private KqlNode.Field field(KqlNode.Value v) {
        return new KqlNode.Field(v.text(), v.wildcard(), v.pattern(), v.offset());
    }

    private void enter(int at) {
        if (++depth > MAX_DEPTH) {
            throw error(at, "query too large: nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    /** Parses a quoted string or an unquoted literal, which may not be empty. */
    private KqlNode.Value literal() {
        if (++terms > MAX_TERMS) {
            throw error(pos, "query too large: more than " + MAX_TERMS + " fields and values");
        }
        return peek() == '"' ? quoted() : unquoted();
    }

    private KqlNode.Value quoted() {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error(start, "unterminated quoted string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < text.length()) {
                char n = text.charAt(pos + 1);
                Character ws = whitespaceEscape(n);
                if (ws != null) {
                    sb.append(ws.charValue());
                    pos += 2;
                    continue;
                }
                if (n == 'u') {
                    sb.append(unicodeEscape());
                    continue;
                }
                if (n == '\\' || n == '"') {
                    sb.append(n);
                    pos += 2;
                    continue;
                }
                // Any other backslash is itself, as in Kibana's quoted strings.
            }
            sb.append(c);
            pos++;
        }
        String value = sb.toString();
        return new KqlNode.Value(value, escapePattern(value), true, false, start, pos - start);
    }

    private KqlNode.Value unquoted() {
        int start = pos;
        StringBuilder value = new StringBuilder();
        StringBuilder pattern = new StringBuilder();
        boolean wildcard = false;
        while (!atEnd()) {
            char c = text.charAt(pos);
            if (c == '\\') {
                escapeInUnquoted(value, pattern);
            } else if (isWs(c)) {
                int j = pos;
                while (j < text.length() && isWs(text.charAt(j))) {
                    j++;
                }
                if (j == text.length() || SPECIAL.indexOf(text.charAt(j)) >= 0
                        || keywordAt(j, "or") || keywordAt(j, "and") || keywordAt(j, "not")) {
                    break;
                }
                value.append(text, pos, j);
                pattern.append(text, pos, j);
                pos = j;
            } else if (c == '*') {
                wildcard = true;
                value.append('*');
                pattern.append('*');
                pos++;
            } else if (SPECIAL.indexOf(c) >= 0) {
                break;
            } else {
                value.append(c);
                appendPatternLiteral(pattern, c);
                pos++;
            }
        }
        if (pos == start) {
            throw error(pos, "expected a field or value but found " + found(pos));
        }
        return new KqlNode.Value(value.toString(), pattern.toString(), false, wildcard, start, pos - start);
    }

    private void escapeInUnquoted(StringBuilder value, StringBuilder pattern) {
        if (pos + 1 >= text.length()) {
            throw error(pos, "a backslash at the end of the query escapes nothing");
        }
        char n = text.charAt(pos + 1);
        Character ws = whitespaceEscape(n);
        if (ws != null) {
            value.append(ws.charValue());
            pattern.append(ws.charValue());
            pos += 2;
        } else if (n == 'u') {
            char u = unicodeEscape();
            value.append(u);
            appendPatternLiteral(pattern, u);
        } else if (SPECIAL.indexOf(n) >= 0 || n == '*') {
            value.append(n);
            appendPatternLiteral(pattern, n);
            pos += 2;
        } else if (escapedKeyword("or") || escapedKeyword("and") || escapedKeyword("not")) {
            String word = text.substring(pos + 1, pos + 1 + keywordLength(pos + 1));
            value.append(word);
            pattern.append(word);
            pos += 1 + word.length();
        } else {
            throw error(pos, "invalid escape '\\" + n + "': only \\ ( ) : < > \" * { } t r n u and the keywords or, and, not may follow a backslash");
        }
    }

    private boolean escapedKeyword(String keyword) {
        return text.regionMatches(true, pos + 1, keyword, 0, keyword.length());
    }

    private int keywordLength(int at) {
        return text.regionMatches(true, at, "or", 0, 2) ? 2 : 3;
    }

    private char unicodeEscape() {
        int start = pos;
        if (pos + 6 > text.length()) {
            throw error(start, "a unicode escape needs four hex digits: \\uXXXX");
        }
        String hex = text.substring(pos + 2, pos + 6);
        if (!hex.matches("[0-9A-Fa-f]{4}")) {
            throw error(start, "a unicode escape needs four hex digits: \\uXXXX");
        }
        pos += 6;
        return (char) Integer.parseInt(hex, 16);
    }

    private static Character whitespaceEscape(char n) {
        return switch (n) {
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'n' -> '\n';
            default -> null;
        };
    }

    /** Writes a literal character into an Elasticsearch wildcard pattern, escaping its metacharacters. */
    private static void appendPatternLiteral(StringBuilder pattern, char c) {
        if (c == '*' || c == '?' || c == '\\') {
            pattern.append('\\');
        }
        pattern.append(c);
    }

    /** Returns a wildcard pattern that matches exactly {@code literal}. */
    static String escapePattern(String literal) {
        StringBuilder sb = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            appendPatternLiteral(sb, literal.charAt(i));
        }
        return sb.toString();
    }

    /** Tells whether a keyword starts at {@code at} and is followed by whitespace or a parenthesis. */
    private boolean keywordAt(int at, String keyword) {
        int end = at + keyword.length();
        if (!text.regionMatches(true, at, keyword, 0, keyword.length()) || end >= text.length()) {
            return false;
        }
        char next = text.charAt(end);
        return isWs(next) || next == '(';
    }

    private void expect(char c, String what) {
        if (peek() != c) {
            throw error(pos, "expected " + what + " but found " + found(pos));
        }
        pos++;
    }

    private int skipWs() {
        int start = pos;
        while (!atEnd() && isWs(text.charAt(pos))) {
            pos++;
        }
        return pos - start;
    }

    private static boolean isWs(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private char peek() {
        return atEnd() ? '\0' : text.charAt(pos);
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private String found(int at) {
        if (at >= text.length()) {
            return "the end of the query";
        }
        return "'" + text.charAt(at) + "'";
    }

    private String position(int offset) {
        KqlException e = KqlException.at(text, offset, "");
        return String.format(Locale.ROOT, "%d:%d", e.line(), e.column());
    }

    private KqlException error(int offset, String detail) {
        return KqlException.at(text, offset, detail);
    }
}
