package dev.trailhunt.rules;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the spans rules write: an interval such as {@code 5m} and date math such as {@code now-6m}. */
final class RuleDuration {
    private static final Pattern SPAN = Pattern.compile("(\\d{1,9})([smhHdw])");
    private static final Pattern NOW_MINUS = Pattern.compile("now-(\\d{1,9}[smhHdw])");

    private RuleDuration() {}

    /** Reads an interval such as {@code 5m}; Elastic's units s, m, h (or H), d and w. */
    static Duration interval(String text) {
        Matcher m = SPAN.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a time span such as 5m: " + text);
        }
        long n = Long.parseLong(m.group(1));
        if (n == 0) {
            throw new IllegalArgumentException("a time span must be positive: " + text);
        }
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h", "H" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    /** Reads date math of the form {@code now-6m} as the span it looks back. */
    static Duration lookback(String text) {
        Matcher m = NOW_MINUS.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not date math of the form now-6m: " + text);
        }
        return interval(m.group(1));
    }
}
