package dev.trailhunt.kql;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date as Elasticsearch's date fields read a query value ({@code strict_date_optional_time||epoch_millis}):
 * a date written to a coarser precision stands for the whole span it names, so {@code 2024-01-01} is every
 * instant of that day (a term query matches the day; {@code <=} includes it; {@code >} starts after it).
 *
 * @param first the first instant the value names
 * @param last the last instant the value names, to the store's microsecond precision
 */
record DateBounds(Instant first, Instant last) {
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T(\\d{2})(?::(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?)?)?)?"
            + "(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    /** Parses a query value; empty when it is neither an ISO date-time nor epoch milliseconds. */
    static Optional<DateBounds> parse(String text) {
        String s = text.trim();
        if (s.matches("-?\\d{5,}")) {
            try {
                Instant t = Instant.ofEpochMilli(Long.parseLong(s));
                return Optional.of(new DateBounds(t, t));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        Matcher m = DATE.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(1));
            int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int lastMonth = m.group(2) == null ? 12 : month;
            int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
            int lastDay = m.group(3) == null ? YearMonth.of(year, lastMonth).lengthOfMonth() : day;
            int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            int lastHour = m.group(4) == null ? 23 : hour;
            int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            int lastMinute = m.group(5) == null ? 59 : minute;
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            int lastSecond = m.group(6) == null ? 59 : second;
            int nano = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
            int lastNano = m.group(7) == null ? 999_999_000 : nano;
            ZoneOffset offset = m.group(8) == null ? ZoneOffset.UTC : ZoneOffset.of(normalOffset(m.group(8)));
            Instant first = LocalDateTime.of(year, month, day, hour, minute, second, nano).toInstant(offset);
            Instant last = LocalDateTime.of(year, lastMonth, lastDay, lastHour, lastMinute, lastSecond, lastNano).toInstant(offset);
            return Optional.of(new DateBounds(first, last.truncatedTo(ChronoUnit.MICROS)));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String normalOffset(String o) {
        if (o.equals("Z")) {
            return "Z";
        }
        return o.length() == 5 ? o.substring(0, 3) + ":" + o.substring(3) : o;
    }
}
