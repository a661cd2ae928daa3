package dev.trailhunt.rules;

import dev.trailhunt.model.CaretExcerpt;
import java.util.regex.Pattern;

/** Words an error in a rule's query as {@code file:line:column: message} with the offending line and a caret. */
final class QueryError {
    private static final Pattern LEADING_POSITION = Pattern.compile("^\\d+:\\d+: ");
    private static final Pattern TRAILING_POSITION = Pattern.compile(" at \\d+:\\d+$");

    private QueryError() {}

    /**
     * Formats an error at a position of the query text.
     *
     * @param line the 1-based line within the query text, or 0 when unknown
     * @param column the 1-based column within that line
     * @param message the message, with or without its own query-relative position
     */
    static String at(Rule rule, int line, int column, String message) {
        String detail = TRAILING_POSITION.matcher(LEADING_POSITION.matcher(firstLine(message)).replaceFirst("")).replaceFirst("");
        if (line < 1) {
            return rule.location() + ":" + rule.queryLine() + ": " + detail;
        }
        String head = rule.location() + ":" + (rule.queryLine() + line - 1) + ":" + column + ": " + detail;
        return CaretExcerpt.in(head, rule.query(), line, column);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
