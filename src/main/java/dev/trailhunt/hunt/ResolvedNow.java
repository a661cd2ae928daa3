package dev.trailhunt.hunt;

import dev.trailhunt.engine.StoreProfile;
import java.time.Clock;
import java.util.Objects;

/**
 * Holds the instant {@code now()} stands for in a run, and why.
 *
 * @param instant the instant
 * @param source how it was chosen, e.g. {@code latest event}, {@code clock}, {@code given}
 */
public record ResolvedNow(java.time.Instant instant, String source) {
    public ResolvedNow {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(source, "source");
    }

    /** Resolves a now specification against a store; an empty store falls back to the clock and says so. */
    public static ResolvedNow resolve(NowSpec spec, StoreProfile profile, Clock clock) {
        return switch (spec.kind()) {
            case GIVEN -> new ResolvedNow(spec.given(), "given");
            case CLOCK -> new ResolvedNow(clock.instant(), "clock");
            case LATEST -> profile != null && profile.hasEvents()
                    ? new ResolvedNow(profile.last(), "latest event")
                    : new ResolvedNow(clock.instant(), "clock: the store has no events");
        };
    }
}
