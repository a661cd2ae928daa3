package dev.trailhunt.hunt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the two things a run reports about an ES|QL query without translating it: the time window
 * its WHERE puts on {@code @timestamp}, and the keys of the SORT that orders its output.
 *
 * @param windows the {@code @timestamp} conditions relative to now, e.g. {@code @timestamp > now - 7 days}
 * @param sortKeys the final SORT's keys when every key is a plain column, else empty
 * @param sorted whether the output is ordered by a SORT (after the last STATS)
 */
public record QueryShape(List<String> windows, List<SortKey> sortKeys, boolean sorted) {
    private static final Pattern WINDOW = Pattern.compile(
            "(`?@timestamp`?)\\s*(>=|>|<=|<)\\s*now\\s*\\(\\s*\\)\\s*([-+])\\s*(\\d+)\\s*([a-z_]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY = Pattern.compile(
            "(`[^`]+`|[@a-z_][\\w.@]*)(?:\\s+(asc|desc))?(?:\\s+nulls\\s+(first|last))?", Pattern.CASE_INSENSITIVE);

    public QueryShape {
        windows = List.copyOf(windows);
        sortKeys = List.copyOf(sortKeys);
    }

    /**
     * Names one output column that orders the rows, with ES|QL's null placement.
     *
     * @param column the column name
     * @param descending whether the order is descending
     * @param nullsFirst whether nulls come first
     */
    public record SortKey(String column, boolean descending, boolean nullsFirst) {}

    /** Reads the shape of an ES|QL query; text it cannot follow yields no window and no sort keys. */
    public static QueryShape of(String esql) {
        List<String> stages = stages(withoutCommentsAndStrings(esql));
        List<String> windows = new ArrayList<>();
        List<SortKey> keys = new ArrayList<>();
        boolean sorted = false;
        for (String stage : stages) {
            String command = firstWord(stage);
            if (command.equals("where")) {
                Matcher m = WINDOW.matcher(stage);
                while (m.find()) {
                    windows.add("@timestamp " + m.group(2) + " now " + m.group(3) + " " + m.group(4) + " "
                            + unit(m.group(5), Long.parseLong(m.group(4))));
                }
            } else if (command.equals("sort")) {
                sorted = true;
                keys = sortKeys(stage.substring(command.length()));
            } else if (command.equals("stats") || command.equals("mv_expand") || command.equals("inlinestats")) {
                sorted = false;
                keys = new ArrayList<>();
            }
        }
        return new QueryShape(windows, sorted ? keys : List.of(), sorted);
    }

    private static List<SortKey> sortKeys(String list) {
        List<SortKey> keys = new ArrayList<>();
        for (String part : list.split(",")) {
            Matcher m = KEY.matcher(part.strip());
            if (!m.matches()) {
                return new ArrayList<>();
            }
            String col = m.group(1);
            if (col.startsWith("`")) {
                col = col.substring(1, col.length() - 1);
            }
            boolean desc = "desc".equalsIgnoreCase(m.group(2));
            // ES|QL puts nulls last when ascending and first when descending unless told otherwise.
            boolean nullsFirst = m.group(3) == null ? desc : "first".equalsIgnoreCase(m.group(3));
            keys.add(new SortKey(col, desc, nullsFirst));
        }
        return keys;
    }

    private static String unit(String raw, long n) {
        String u = raw.toLowerCase(Locale.ROOT);
        String base = switch (u) {
            case "d", "day", "days" -> "day";
            case "h", "hour", "hours" -> "hour";
            case "m", "min", "minute", "minutes" -> "minute";
            case "s", "sec", "second", "seconds" -> "second";
            case "ms", "millisecond", "milliseconds" -> "millisecond";
            case "w", "week", "weeks" -> "week";
            case "mo", "month", "months" -> "month";
            case "q", "quarter", "quarters" -> "quarter";
            case "y", "yr", "year", "years" -> "year";
            default -> u;
        };
        return n == 1 ? base : base + "s";
    }

    private static String firstWord(String stage) {
        String s = stage.strip();
        int end = 0;
        while (end < s.length() && (Character.isLetter(s.charAt(end)) || s.charAt(end) == '_')) {
            end++;
        }
        return s.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static List<String> stages(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split("\\|")) {
            out.add(s.strip());
        }
        return out;
    }

    /** Blanks comments and string contents so that pipes and keywords inside them are not seen. */
    private static String withoutCommentsAndStrings(String q) {
        StringBuilder b = new StringBuilder(q.length());
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (q.startsWith("//", i)) {
                while (i < q.length() && q.charAt(i) != '\n') {
                    i++;
                }
            } else if (q.startsWith("/*", i)) {
                int end = q.indexOf("*/", i + 2);
                i = end < 0 ? q.length() : end + 2;
                b.append(' ');
            } else if (q.startsWith("\"\"\"", i)) {
                int end = q.indexOf("\"\"\"", i + 3);
                i = end < 0 ? q.length() : end + 3;
                b.append("\"\"");
            } else if (c == '"') {
                i++;
                while (i < q.length() && q.charAt(i) != '"') {
                    i += q.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                b.append("\"\"");
            } else if (c == '`') {
                int end = q.indexOf('`', i + 1);
                int stop = end < 0 ? q.length() : end + 1;
                b.append(q, i, stop);
                i = stop;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }
}
