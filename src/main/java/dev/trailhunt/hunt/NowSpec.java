package dev.trailhunt.hunt;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Says how {@code now()} is chosen for a run: the newest event in the store, the wall clock, or a given instant.
 *
 * @param kind which rule applies
 * @param given the instant for {@link Kind#GIVEN}, else null
 */
public record NowSpec(Kind kind, Instant given) {
    /** Names the rule for choosing now. */
    public enum Kind { LATEST, CLOCK, GIVEN }

    /** Returns the default: the newest {@code @timestamp} in the store, so reruns give the same answer. */
    public static NowSpec latest() {
        return new NowSpec(Kind.LATEST, null);
    }

    /** Gives the earliest instant accepted for now. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** Gives the latest instant accepted for now. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /**
     * Parses {@code latest}, {@code clock} or an ISO-8601 instant such as {@code 2024-10-11T08:55:23Z}
     * in years 1 to 9999: the window {@code now - 7 days} and every format trailhunt writes must hold
     * it, and DuckDB's timestamps end in year 294247 anyway.
     */
    public static NowSpec parse(String text) {
        String t = text.strip();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "latest":
                return latest();
            case "clock":
                return new NowSpec(Kind.CLOCK, null);
            default:
                break;
        }
        Instant given;
        try {
            given = OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                given = Instant.parse(t);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("'" + text + "' is not latest, clock or an ISO-8601 time such as 2024-10-11T08:55:23Z");
            }
        }
        if (given.isBefore(EARLIEST) || given.isAfter(LATEST)) {
            throw new IllegalArgumentException("'" + text + "' is outside the years 0001 to 9999 that now may be in");
        }
        return new NowSpec(Kind.GIVEN, given);
    }
}
