package dev.trailhunt.translate;

/**
 * Converts ES|QL LIKE and RLIKE patterns into DuckDB ones.
 *
 * <p>LIKE uses {@code *}, {@code ?} and backslash escapes and must match the whole string; it becomes
 * a SQL LIKE pattern for {@code ESCAPE '\'}. RLIKE is a Lucene regular expression that must match the
 * whole string; it becomes an RE2 regex for {@code regexp_full_match}.
 */
public final class LikePattern {
    /** The escape character of every generated SQL LIKE pattern. */
    public static final String ESCAPE = "\\";

    private LikePattern() {}

    /** Converts an ES|QL LIKE pattern into a SQL LIKE pattern with backslash as the escape. */
    public static String toSqlLike(String pattern) {
        StringBuilder sb = new StringBuilder(pattern.length() + 4);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                appendLikeLiteral(sb, pattern.charAt(++i));
            } else if (c == '*') {
                sb.append('%');
            } else if (c == '?') {
                sb.append('_');
            } else {
                appendLikeLiteral(sb, c);
            }
        }
        return sb.toString();
    }

    private static void appendLikeLiteral(StringBuilder sb, char c) {
        if (c == '%' || c == '_' || c == '\\') {
            sb.append('\\');
        }
        sb.append(c);
    }

    /**
     * Converts a Lucene regular expression into an RE2 regex with the same whole-string meaning.
     *
     * @throws IllegalArgumentException naming a Lucene operator RE2 cannot express
     */
    public static String toRe2(String lucene) {
        StringBuilder sb = new StringBuilder("(?s)");
        int i = 0;
        int n = lucene.length();
        while (i < n) {
            int cp = lucene.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\\' -> {
                    if (i >= n) {
                        throw new IllegalArgumentException("RLIKE pattern ends with a lone backslash");
                    }
                    int e = lucene.codePointAt(i);
                    i += Character.charCount(e);
                    if ("dDsSwW".indexOf(e) >= 0) {
                        sb.append('\\').appendCodePoint(e);
                    } else {
                        Re2.appendLiteral(sb, e);
                    }
                }
                case '"' -> {
                    int end = lucene.indexOf('"', i);
                    if (end < 0) {
                        throw new IllegalArgumentException("RLIKE pattern has an unterminated \"");
                    }
                    sb.append("(?:").append(Re2.quote(lucene.substring(i, end))).append(')');
                    i = end + 1;
                }
                case '@' -> sb.append("(?:.*)");
                case '#' -> sb.append("[^\\x00-\\x{10FFFF}]");
                case '&', '~' -> throw new IllegalArgumentException("RLIKE operator " + (char) cp);
                case '<' -> {
                    if (lucene.substring(i).matches("(?s)\\d+-\\d+>.*")) {
                        throw new IllegalArgumentException("RLIKE numeric interval <n-m>");
                    }
                    sb.append('<');
                }
                case '^', '$' -> sb.append('\\').appendCodePoint(cp);
                case '[' -> i = copyClass(lucene, i, sb);
                case '.', '*', '+', '?', '(', ')', '|', '{', '}', ']' -> sb.appendCodePoint(cp);
                default -> Re2.appendLiteral(sb, cp);
            }
        }
        return sb.toString();
    }

    private static int copyClass(String s, int i, StringBuilder sb) {
        sb.append('[');
        int n = s.length();
        if (i < n && s.charAt(i) == '^') {
            sb.append('^');
            i++;
        }
        boolean first = true;
        while (i < n) {
            char c = s.charAt(i++);
            if (c == ']' && !first) {
                sb.append(']');
                return i;
            }
            first = false;
            if (c == '\\' && i < n) {
                char e = s.charAt(i++);
                if ("dDsSwW".indexOf(e) >= 0) {
                    sb.append('\\').append(e);
                } else {
                    sb.append('\\').append(Character.isLetterOrDigit(e) ? "x{" + Integer.toHexString(e) + "}" : String.valueOf(e));
                }
            } else if (c == '[' || c == ']') {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        throw new IllegalArgumentException("RLIKE pattern has an unterminated [");
    }
}
