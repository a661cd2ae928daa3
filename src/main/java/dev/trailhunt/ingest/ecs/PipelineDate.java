package dev.trailhunt.ingest.ecs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Parses dates as the pipeline's {@code date} processors do (formats {@code ISO8601},
 * {@code basic_date_time_no_millis}, {@code basic_date_time}; UTC when no zone is given) and keeps
 * millisecond precision, as the processor's output format does.
 */
final class PipelineDate {

    private PipelineDate() {
    }

    /** Returns the instant {@code s} denotes in ISO 8601, truncated to milliseconds, or null when unparseable. */
    static Instant iso8601(String s) {
        return new Cursor(s).iso();
    }

    /** Returns the instant for ISO 8601 or the basic formats ({@code 20131102T010628Z}), or null. */
    static Instant isoOrBasic(String s) {
        Instant t = iso8601(s);
        return t != null ? t : new Cursor(s).basic();
    }

    /** Walks one date string; every method returns null (or -1) on the first mismatch. */
    private static final class Cursor {
        private final String s;
        private int at;

        Cursor(String s) {
            this.s = s;
        }

        Instant iso() {
            int year = digits(4);
            if (year < 0) {
                return null;
            }
            int month = 1;
            int day = 1;
            int hour = 0;
            int minute = 0;
            int second = 0;
            int nanos = 0;
            if (eat('-')) {
                month = digits(2);
                if (month < 0) {
                    return null;
                }
                if (eat('-')) {
                    day = digits(2);
                    if (day < 0) {
                        return null;
                    }
                }
            }
            if (eat('T')) {
                hour = digits(2);
                if (hour < 0) {
                    return null;
                }
                if (eat(':')) {
                    minute = digits(2);
                    if (minute < 0) {
                        return null;
                    }
                    if (eat(':')) {
                        second = digits(2);
                        if (second < 0) {
                            return null;
                        }
                        if (eat('.') || eat(',')) {
                            nanos = fraction();
                            if (nanos < 0) {
                                return null;
                            }
                        }
                    }
                }
            }
            return finish(year, month, day, hour, minute, second, nanos, true);
        }

        Instant basic() {
            int year = digits(4);
            int month = digits(2);
            int day = digits(2);
            if (day < 0 || month < 0 || year < 0 || !eat('T')) {
                return null;
            }
            int hour = digits(2);
            int minute = digits(2);
            int second = digits(2);
            if (second < 0 || minute < 0 || hour < 0) {
                return null;
            }
            int nanos = 0;
            if (eat('.')) {
                nanos = fraction();
                if (nanos < 0) {
                    return null;
                }
            }
            return finish(year, month, day, hour, minute, second, nanos, false);
        }

        private Instant finish(int year, int month, int day, int hour, int minute, int second, int nanos,
                               boolean zoneOptional) {
            ZoneOffset zone = ZoneOffset.UTC;
            if (at < s.length()) {
                zone = zone();
                if (zone == null) {
                    return null;
                }
            } else if (!zoneOptional) {
                return null;
            }
            if (at != s.length()) {
                return null;
            }
            try {
                return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                        .toInstant(zone).truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeException e) {
                return null;
            }
        }

        private ZoneOffset zone() {
            if (eat('Z')) {
                return ZoneOffset.UTC;
            }
            int sign;
            if (eat('+')) {
                sign = 1;
            } else if (eat('-')) {
                sign = -1;
            } else {
                return null;
            }
            int hours = digits(2);
            if (hours < 0) {
                return null;
            }
            int minutes = 0;
            if (eat(':')) {
                minutes = digits(2);
            } else if (at < s.length()) {
                minutes = digits(2);
            }
            if (minutes < 0) {
                return null;
            }
            try {
                return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } catch (DateTimeException e) {
                return null;
            }
        }

        private int fraction() {
            int start = at;
            int value = 0;
            while (at < s.length() && Character.isDigit(s.charAt(at)) && at - start < 9) {
                value = value * 10 + (s.charAt(at++) - '0');
            }
            int len = at - start;
            if (len == 0) {
                return -1;
            }
            for (int i = len; i < 9; i++) {
                value *= 10;
            }
            return value;
        }

        private int digits(int n) {
            if (at + n > s.length()) {
                return -1;
            }
            int v = 0;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(at + i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                v = v * 10 + (c - '0');
            }
            at += n;
            return v;
        }

        private boolean eat(char c) {
            if (at < s.length() && s.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }
    }
}
