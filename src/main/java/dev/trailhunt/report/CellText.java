package dev.trailhunt.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders cell values as ES|QL prints them: datetimes in UTC with milliseconds, multi-values in brackets. */
public final class CellText {
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CellText() {}

    /** Returns the text of a value; null becomes {@code null}, as in ES|QL's text output. */
    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CellText::of).collect(Collectors.joining(", ", "[", "]"));
        }
        return scalar(value);
    }

    /** Returns the text of a non-list value, the form JSON and CSV use for strings and datetimes. */
    public static String scalar(Object value) {
        if (value instanceof Instant i) {
            return DATETIME.format(i);
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        return String.valueOf(value);
    }

    /** Formats an instant as {@code 2024-10-11T08:55:23.000Z}. */
    public static String instant(Instant i) {
        return DATETIME.format(i);
    }

    /** Formats a count with thousands separators that do not depend on the machine's locale. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
