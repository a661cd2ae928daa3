package dev.trailhunt.hunt;

import dev.trailhunt.engine.StoreProfile;
import dev.trailhunt.model.TimeBound;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes the one line that says what a hunt looked at, so that an empty answer is never a mystery:
 * {@code data 2023-07-10T11:42Z → 12:37Z · now = 12:37:50Z (latest event) · window: @timestamp > now - 7 days}.
 */
public final class ContextLine {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK_MINUTE = DateTimeFormatter.ofPattern("HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK_SECOND = DateTimeFormatter.ofPattern("HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ContextLine() {}

    /** Formats the line for one query; {@code window} is the query's window text. */
    public static String format(StoreProfile profile, ResolvedNow now, String window) {
        return data(profile) + " · now = " + nowText(profile, now) + " (" + now.source() + ") · window: " + window;
    }

    /** Formats the line for one query of a run that sees the events only within {@code bound}. */
    public static String format(StoreProfile profile, ResolvedNow now, TimeBound bound, String window) {
        return data(profile) + bounded(bound) + " · now = " + nowText(profile, now) + " (" + now.source() + ") · window: " + window;
    }

    /** Describes a time bound as a part of the line, e.g. {@code  · bound 2023-07-10T00:00:00Z ≤ @timestamp}, or nothing. */
    public static String bounded(TimeBound bound) {
        return bound.isNone() ? "" : " · bound " + bound.text();
    }

    /** Describes the data's time range, e.g. {@code data 2023-07-10T11:42Z → 12:37Z}. */
    public static String data(StoreProfile profile) {
        if (!profile.hasEvents()) {
            return "data: none (the store holds no events)";
        }
        Instant first = profile.first();
        Instant last = profile.last();
        String end = sameDay(first, last) ? CLOCK_MINUTE.format(last) : MINUTE.format(last);
        return "data " + MINUTE.format(first) + " → " + end;
    }

    private static String nowText(StoreProfile profile, ResolvedNow now) {
        boolean sameDay = profile.hasEvents() && sameDay(profile.last(), now.instant());
        return sameDay ? CLOCK_SECOND.format(now.instant()) : SECOND.format(now.instant());
    }

    private static boolean sameDay(Instant a, Instant b) {
        return a.atZone(ZoneOffset.UTC).toLocalDate().equals(b.atZone(ZoneOffset.UTC).toLocalDate());
    }
}
