package dev.trailhunt.conformance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** Parses and prints datetimes the way csv-spec files and Elasticsearch's result rendering do. */
final class SpecTimes {
    /** Prints a datetime as ES|QL results show it (Elasticsearch's {@code UTC_DATE_TIME_FORMATTER}). */
    static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Accepts {@code strict_date_optional_time}: a date, optionally a time, fraction and offset; UTC by default. */
    private static final DateTimeFormatter OPTIONAL_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private SpecTimes() {}

    /** Parses a datetime cell to an instant with millisecond precision. */
    static Instant parseMillis(String text) {
        return parse(text).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Parses a date_nanos cell to an instant with nanosecond precision. */
    static Instant parseNanos(String text) {
        return parse(text);
    }

    /** Prints an instant as a datetime result cell. */
    static String printMillis(Instant instant) {
        return MILLIS.format(instant);
    }

    /** Prints an instant as a date_nanos result cell. */
    static String printNanos(Instant instant) {
        return NANOS.format(instant);
    }

    private static Instant parse(String text) {
        TemporalAccessor t = OPTIONAL_TIME.parse(text.trim());
        ZoneOffset offset = t.isSupported(ChronoField.OFFSET_SECONDS)
                ? ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
        LocalDate date = LocalDate.from(t);
        if (!t.isSupported(ChronoField.HOUR_OF_DAY)) {
            return date.atStartOfDay().toInstant(offset);
        }
        LocalDateTime dateTime = date.atTime(
                t.get(ChronoField.HOUR_OF_DAY),
                t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0,
                t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0,
                t.isSupported(ChronoField.NANO_OF_SECOND) ? t.get(ChronoField.NANO_OF_SECOND) : 0);
        return dateTime.toInstant(offset);
    }
}
