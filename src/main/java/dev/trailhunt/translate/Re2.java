package dev.trailhunt.translate;

/** Quotes literal text for RE2, the regular-expression dialect DuckDB uses. */
final class Re2 {
    private static final String SPECIAL = "\\.+*?()|[]{}^$";

    private Re2() {}

    /** Returns a regex that matches {@code text} literally. */
    static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> appendLiteral(sb, cp));
        return sb.toString();
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
