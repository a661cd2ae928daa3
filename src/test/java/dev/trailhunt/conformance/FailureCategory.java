package dev.trailhunt.conformance;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups case reasons into categories for the summary, so that the most frequent translator gaps
 * stand out (e.g. {@code unsupported: function mv_sort}, {@code execution: Binder Error}).
 */
final class FailureCategory {
    private static final Pattern POSITION = Pattern.compile("\\s+at \\d+:\\d+.*$");
    private static final Pattern LEADING_POSITION = Pattern.compile("^\\d+:\\d+:\\s*");
    private static final Pattern BRACKETED = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");
    private static final Pattern NUMBERS = Pattern.compile("\\d+");
    private static final Pattern DUCKDB_ERROR = Pattern.compile("^(?:query failed: )?([A-Za-z ]+Error|[A-Za-z ]+Exception)?:?\\s*(.*)$");

    private FailureCategory() {}

    /** Returns the category of a reason. */
    static String of(CaseResult.Outcome outcome, String reason) {
        if (outcome == CaseResult.Outcome.PASSED || outcome == CaseResult.Outcome.DISABLED) {
            return outcome.name().toLowerCase(Locale.ROOT);
        }
        String r = reason;
        int colon = r.indexOf(": ");
        String kind = colon < 0 ? r : r.substring(0, colon);
        String detail = colon < 0 ? "" : r.substring(colon + 2);
        switch (kind) {
            case "wrong answer" -> {
                // "row 3 column [x]: ..." and "type of column [x]: ..." become their shape only.
                int inner = detail.indexOf(':');
                String shape = inner < 0 ? detail : detail.substring(0, inner);
                return "wrong answer: " + NUMBERS.matcher(BRACKETED.matcher(shape).replaceAll("[]")).replaceAll("N");
            }
            case "unsupported", "translate", "syntax" -> {
                String d = POSITION.matcher(LEADING_POSITION.matcher(detail).replaceFirst("")).replaceFirst("");
                d = QUOTED.matcher(BRACKETED.matcher(d).replaceAll("[]")).replaceAll("\"\"");
                return kind + ": " + truncate(d, 70);
            }
            case "execution" -> {
                Matcher m = DUCKDB_ERROR.matcher(detail);
                if (m.matches() && m.group(1) != null) {
                    String rest = QUOTED.matcher(m.group(2)).replaceAll("\"\"");
                    return "execution: " + m.group(1) + ": " + truncate(NUMBERS.matcher(rest).replaceAll("N"), 50);
                }
                return "execution: " + truncate(detail, 60);
            }
            default -> {
                return truncate(kind + (detail.isEmpty() ? "" : ": " + detail), 70);
            }
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
