package dev.trailhunt.eql;

import java.util.Locale;

/**
 * Rewrites a Lucene regular expression for a lower-cased input, which is how trailhunt runs {@code regex~}.
 */
final class RegexCase {
    private RegexCase() {}

    /**
     * Lower-cases the letters of {@code regex}, escaped literal letters included, but keeps the class
     * shorthands {@code \d \s \w \D \S \W}, whose case changes their meaning.
     */
    static String lowerLiterals(String regex) {
        StringBuilder b = new StringBuilder(regex.length());
        for (int i = 0; i < regex.length(); i++) {
            char ch = regex.charAt(i);
            if (ch == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(i + 1);
                b.append('\\').append("dswDSW".indexOf(next) >= 0 ? next : Character.toLowerCase(next));
                i++;
            } else {
                b.append(String.valueOf(ch).toLowerCase(Locale.ROOT));
            }
        }
        return b.toString();
    }
}
