package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Names columns in KEEP and DROP, either exactly or with {@code *} wildcards.
 *
 * @param pattern the name with dotted parts joined and backquotes removed; {@code *} is a wildcard
 * @param source the pattern text
 */
public record NamePattern(String pattern, Source source) implements Node {

    /** Validates the components. */
    public NamePattern {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(source, "source");
    }

    /** Tells whether the pattern contains a {@code *} wildcard. */
    public boolean hasWildcard() {
        return pattern.indexOf('*') >= 0;
    }

    /** Tells whether a column name matches this pattern, {@code *} standing for any run of characters. */
    public boolean matches(String name) {
        return matches(pattern, 0, name, 0);
    }

    private static boolean matches(String p, int pi, String s, int si) {
        // Iterative glob match with backtracking to the last star keeps this linear in practice.
        int star = -1;
        int mark = 0;
        while (si < s.length()) {
            if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = si;
            } else if (pi < p.length() && p.charAt(pi) == s.charAt(si)) {
                pi++;
                si++;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
