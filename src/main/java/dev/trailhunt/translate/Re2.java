package dev.trailhunt.translate;

import dev.trailhunt.esql.ast.Node;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Quotes literal text for RE2, the regular-expression dialect DuckDB uses, and checks regexes before DuckDB sees them. */
final class Re2 {
    private static final String SPECIAL = "\\.+*?()|[]{}^$";

    private Re2() {}

    /** Returns a regex that matches {@code text} literally. */
    static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> appendLiteral(sb, cp));
        return sb.toString();
    }

    /**
     * Rejects a regex that does not compile, at the position of the command or operator that holds it;
     * DuckDB would otherwise fail the whole query without saying where. Java's syntax is close enough
     * to RE2's that every syntax error (unclosed group or class, bad repetition) is one in both.
     *
     * @param what names the pattern in the message, e.g. {@code RLIKE pattern [a(]}
     */
    static void requireValid(String regex, String what, Node at) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw Errors.semantic("invalid " + what + ": " + e.getDescription(), at);
        }
    }

    /** Appends one code point so that RE2 matches it literally. */
    static void appendLiteral(StringBuilder sb, int cp) {
        if (cp < 128 && SPECIAL.indexOf(cp) >= 0) {
            sb.append('\\').append((char) cp);
        } else if (cp == '\n') {
            sb.append("\\n");
        } else if (cp == '\r') {
            sb.append("\\r");
        } else if (cp == '\t') {
            sb.append("\\t");
        } else {
            sb.appendCodePoint(cp);
        }
    }
}
