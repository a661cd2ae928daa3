package dev.trailhunt.report;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes control characters in text from logs, hunt files and file names visible ({@code \n},
 * {@code \u001b}) before it reaches a terminal, so that data can neither move the cursor, clear
 * the screen, set the window title, reorder text with bidi overrides, nor forge a line of output.
 */
public final class Visible {
    /** Matches the caret line that closes an error excerpt: blanks, then carets. */
    private static final Pattern CARET_LINE = Pattern.compile("[ \\t]*\\^+");

    private Visible() {}

    /** Returns the text on one line, with every control character written as an escape. */
    public static String text(String s) {
        return escape(s, false);
    }

    /** Returns the text with its line breaks and tabs kept and every other control character escaped. */
    public static String lines(String s) {
        return escape(s, true);
    }

    /**
     * Returns an error message for stderr: one line with every control character escaped, except
     * that a message ending in a source excerpt (the offending line and a caret under the column)
     * keeps those two lines and their tabs, which align the caret.
     */
    public static String message(String s) {
        String[] parts = s.split("\n", -1);
        if (parts.length >= 3 && CARET_LINE.matcher(parts[parts.length - 1]).matches()) {
            String head = String.join("\n", java.util.Arrays.copyOf(parts, parts.length - 2));
            return text(head) + "\n" + escapeExceptTabs(parts[parts.length - 2]) + "\n" + parts[parts.length - 1];
        }
        return text(s);
    }

    /** Tells whether a code point would be escaped by {@link #text}. */
    public static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                // Bidi embeddings, overrides, isolates and marks reorder what a reader sees (CVE-2021-42574).
                || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                // Line and paragraph separators end a line in some terminals and editors.
                || c == 0x2028 || c == 0x2029;
    }

    private static String escapeExceptTabs(String s) {
        return String.join("\t", java.util.Arrays.stream(s.split("\t", -1)).map(Visible::text).toList());
    }

    private static String escape(String s, boolean keepLines) {
        if (s == null) {
            return "null";
        }
        int first = firstToEscape(s, keepLines);
        if (first < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (!isControl(c) || (keepLines && (c == '\n' || c == '\t'))) {
                b.appendCodePoint(c);
                continue;
            }
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(String.format(Locale.ROOT, "\\u%04x", c));
            }
        }
        return b.toString();
    }

    private static int firstToEscape(String s, boolean keepLines) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (isControl(c) && !(keepLines && (c == '\n' || c == '\t'))) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }
}
