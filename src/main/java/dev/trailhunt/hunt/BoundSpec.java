package dev.trailhunt.hunt;

import dev.trailhunt.model.TimeBound;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds {@code --from} and {@code --to} as written, to be resolved against a run's now: ISO instants
 * ({@code 2023-07-10T12:00:00Z}; without an offset, UTC), dates ({@code 2023-07-10}: its whole day) and
 * times relative to now ({@code -7d}, {@code -36h}, {@code -30m}, {@code -90s}, {@code -2w}).
 *
 * <p>The same options serve hunt, query, report, explain, timeline and detect.
 *
 * @param from the {@code --from} text, or null
 * @param to the {@code --to} text, or null
 */
public record BoundSpec(String from, String to) {
    /** Bounds nothing. */
    public static final BoundSpec NONE = new BoundSpec(null, null);

    private static final Pattern RELATIVE = Pattern.compile("-(\\d{1,9})([smhdw])");

    /** Checks both texts now, so that a typo is a usage error before any data is read. */
    public BoundSpec {
        if (from != null) {
            parse(from, "--from", Instant.EPOCH, false);
        }
        if (to != null) {
            parse(to, "--to", Instant.EPOCH, true);
        }
    }

    /** Tells whether neither option was given. */
    public boolean isNone() {
        return from == null && to == null;
    }

    /**
     * Resolves the options against now; with {@code --now T} events after T are invisible too.
     *
     * @throws HuntException when the bound sees no instant at all
     */
    public TimeBound resolve(NowSpec nowSpec, ResolvedNow now) {
        Instant lo;
        Instant hi;
        try {
            lo = from == null ? null : parse(from, "--from", now.instant(), false);
            hi = to == null ? null : parse(to, "--to", now.instant(), true);
        } catch (IllegalArgumentException e) {
            throw new HuntException(e.getMessage(), e);
        }
        TimeBound bound = new TimeBound(lo, hi, false);
        if (nowSpec.kind() == NowSpec.Kind.GIVEN) {
            bound = bound.and(new TimeBound(null, nowSpec.given(), true));
        }
        if (bound.isEmpty()) {
            throw new HuntException("the time bound " + bound.text() + " holds no instant: --from must be before --to (and --now)");
        }
        return bound;
    }

    /**
     * Parses one option; a date as {@code --to} ends after its day, so that {@code --from D --to D} is day D.
     *
     * @throws IllegalArgumentException naming the option and the accepted forms
     */
    static Instant parse(String text, String option, Instant now, boolean end) {
        String t = text.strip();
        Matcher m = RELATIVE.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return within(now.minus(d), text, option);
        }
        try {
            return within(OffsetDateTime.parse(t).toInstant(), text, option);
        } catch (DateTimeParseException e) {
            // not an instant with an offset; try the other forms
        }
        try {
            return within(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC), text, option);
        } catch (DateTimeParseException e) {
            // not a local date-time either
        }
        try {
            LocalDate day = LocalDate.parse(t);
            return within((end ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC), text, option);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text
                    + "' is not an ISO time (2023-07-10T12:00:00Z), a date (2023-07-10) or a time before now (-7d, -36h, -30m)");
        }
    }

    private static Instant within(Instant t, String text, String option) {
        if (t.isBefore(NowSpec.EARLIEST) || t.isAfter(NowSpec.LATEST)) {
            throw new IllegalArgumentException(option + " '" + text + "' is outside the years 0001 to 9999");
        }
        return t;
    }
}
