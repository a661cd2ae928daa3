package dev.trailhunt.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Bounds the events a run may see by {@code @timestamp}: from {@code from} (inclusive) up to {@code until},
 * which is exclusive for {@code --to} and inclusive for {@code --now T}; a null side is open.
 *
 * @param from the first instant seen, or null
 * @param until the end of the bound, or null
 * @param untilInclusive whether an event at exactly {@code until} is seen
 */
public record TimeBound(Instant from, Instant until, boolean untilInclusive) {
    /** Bounds nothing: every event is seen. */
    public static final TimeBound NONE = new TimeBound(null, null, false);

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Tells whether neither side is bounded. */
    public boolean isNone() {
        return from == null && until == null;
    }

    /** Tells whether an event at {@code t} is seen. */
    public boolean contains(Instant t) {
        if (from != null && t.isBefore(from)) {
            return false;
        }
        if (until == null) {
            return true;
        }
        return untilInclusive ? !t.isAfter(until) : t.isBefore(until);
    }

    /** Tells whether no instant at all is seen, e.g. {@code --from} after {@code --to}. */
    public boolean isEmpty() {
        if (from == null || until == null) {
            return false;
        }
        return untilInclusive ? from.isAfter(until) : !from.isBefore(until);
    }

    /** Returns the bound that sees only what both bounds see. */
    public TimeBound and(TimeBound other) {
        Instant f = from == null ? other.from : other.from == null || from.isAfter(other.from) ? from : other.from;
        if (until == null) {
            return new TimeBound(f, other.until, other.untilInclusive);
        }
        if (other.until == null) {
            return new TimeBound(f, until, untilInclusive);
        }
        int c = until.compareTo(other.until);
        if (c == 0) {
            return new TimeBound(f, until, untilInclusive && other.untilInclusive);
        }
        return c < 0 ? new TimeBound(f, until, untilInclusive) : new TimeBound(f, other.until, other.untilInclusive);
    }

    private static String format(Instant t) {
        return t.getNano() == 0 ? SECONDS.format(t) : MICROS.format(t);
    }

    /** Describes the bound as a condition, e.g. {@code 2023-07-10T00:00:00Z ≤ @timestamp < 2023-07-11T00:00:00Z}. */
    public String text() {
        if (isNone()) {
            return "all events";
        }
        StringBuilder b = new StringBuilder();
        if (from != null) {
            b.append(format(from)).append(" ≤ ");
        }
        b.append("@timestamp");
        if (until != null) {
            b.append(untilInclusive ? " ≤ " : " < ").append(format(until));
        }
        return b.toString();
    }
}
