package dev.trailhunt.translate;

import java.util.Map;

/**
 * Converts Java {@code DateTimeFormatter} patterns, which ES|QL's DATE_FORMAT and DATE_PARSE take,
 * into DuckDB strftime/strptime formats.
 *
 * <p>Elasticsearch formats with ISO week rules for {@code Locale.ROOT}, so {@code YYYY} is the ISO
 * week-based year ({@code %G}). Pattern letters without an exact strftime equivalent are rejected.
 */
final class JavaDateFormat {
    /** Formats a datetime as ES|QL prints it: {@code 2024-01-01T00:00:00.000Z}. */
    static final String ISO = "%Y-%m-%dT%H:%M:%S.%gZ";

    private static final Map<String, String> LETTERS = Map.ofEntries(
            Map.entry("yyyy", "%Y"), Map.entry("uuuu", "%Y"), Map.entry("yy", "%y"), Map.entry("uu", "%y"),
            Map.entry("YYYY", "%G"), Map.entry("MM", "%m"), Map.entry("M", "%-m"), Map.entry("MMM", "%b"),
            Map.entry("MMMM", "%B"), Map.entry("dd", "%d"), Map.entry("d", "%-d"), Map.entry("HH", "%H"),
            Map.entry("H", "%-H"), Map.entry("hh", "%I"), Map.entry("h", "%-I"), Map.entry("mm", "%M"),
            Map.entry("m", "%-M"), Map.entry("ss", "%S"), Map.entry("s", "%-S"), Map.entry("SSS", "%g"),
            Map.entry("SSSSSS", "%f"), Map.entry("a", "%p"), Map.entry("EEE", "%a"), Map.entry("E", "%a"),
            Map.entry("EEEE", "%A"), Map.entry("DDD", "%j"), Map.entry("ww", "%V"), Map.entry("X", "Z"),
            Map.entry("XXX", "Z"), Map.entry("XX", "Z"), Map.entry("Z", "+0000"), Map.entry("ZZ", "+0000"));

    /** Maps pattern letters to Trino's MySQL-style {@code date_format} specifiers; {@code %x} is the ISO week-based year. */
    private static final Map<String, String> TRINO_LETTERS = Map.ofEntries(
            Map.entry("yyyy", "%Y"), Map.entry("uuuu", "%Y"), Map.entry("yy", "%y"), Map.entry("uu", "%y"),
            Map.entry("YYYY", "%x"), Map.entry("MM", "%m"), Map.entry("M", "%c"), Map.entry("MMM", "%b"),
            Map.entry("MMMM", "%M"), Map.entry("dd", "%d"), Map.entry("d", "%e"), Map.entry("HH", "%H"),
            Map.entry("H", "%k"), Map.entry("hh", "%h"), Map.entry("h", "%l"), Map.entry("mm", "%i"),
            Map.entry("ss", "%s"), Map.entry("SSSSSS", "%f"), Map.entry("a", "%p"), Map.entry("EEE", "%a"),
            Map.entry("E", "%a"), Map.entry("EEEE", "%W"), Map.entry("DDD", "%j"), Map.entry("ww", "%v"),
            Map.entry("X", "Z"), Map.entry("XXX", "Z"), Map.entry("XX", "Z"), Map.entry("Z", "+0000"), Map.entry("ZZ", "+0000"));

    private JavaDateFormat() {}

    /**
     * Converts a pattern for Trino's {@code date_format}.
     *
     * @throws IllegalArgumentException naming the first pattern letter run that has no equivalent
     */
    static String toTrinoFormat(String pattern) {
        return convert(pattern, false, TRINO_LETTERS);
    }

    /**
     * Converts a pattern.
     *
     * @throws IllegalArgumentException naming the first pattern letter run that has no equivalent
     */
    static String toStrftime(String pattern) {
        return convert(pattern, false, LETTERS);
    }

    /** Converts a pattern for parsing, where zone offsets are read ({@code %z}) rather than printed as UTC. */
    static String toStrptime(String pattern) {
        return convert(pattern, true, LETTERS);
    }

    /** Says whether a pattern holds month or day names, or an AM/PM marker, outside quoted text. */
    static boolean hasText(String pattern) {
        return pattern.replaceAll("'[^']*'", "").matches(".*(MMM|E|a|G).*");
    }

    /** Says whether a pattern holds a day of month without a month, or minutes without an hour. */
    static boolean hasOrphanField(String pattern) {
        String p = pattern.replaceAll("'[^']*'", "");
        return (p.contains("d") && !p.contains("M")) || (p.contains("m") && !p.matches(".*[HhKk].*"));
    }

    /** Says whether a pattern prints a zone or offset, outside quoted text. */
    static boolean printsZone(String pattern) {
        return pattern.replaceAll("'[^']*'", "").matches(".*[XxZzOVv].*");
    }

    private static String convert(String pattern, boolean parsing, Map<String, String> letters) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated quote in date pattern [" + pattern + "]");
                }
                if (end == i + 1) {
                    out.append('\'');
                } else {
                    out.append(pattern.substring(i + 1, end).replace("%", "%%"));
                }
                i = end + 1;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                int j = i;
                while (j < pattern.length() && pattern.charAt(j) == c) {
                    j++;
                }
                String run = pattern.substring(i, j);
                String f = parsing && (c == 'X' || c == 'Z' || c == 'x') ? "%z" : letters.get(run);
                if (f == null) {
                    throw new IllegalArgumentException("date pattern letters [" + run + "]");
                }
                out.append(f);
                i = j;
            } else {
                out.append(c == '%' ? "%%" : String.valueOf(c));
                i++;
            }
        }
        return out.toString();
    }
}
