package dev.trailhunt.translate;

import dev.trailhunt.model.TimeBound;
import java.time.Instant;
import java.util.Objects;

/**
 * Carries the run-time settings of a translation.
 *
 * @param now the instant {@code NOW()} returns, fixed once per run
 * @param defaultLimit the row limit added when a query does not end in LIMIT (ES|QL: 1000)
 * @param maxLimit the cap on any LIMIT (ES|QL: 10000)
 * @param bound the {@code @timestamp} bound FROM applies before any command, {@link TimeBound#NONE} for none
 */
public record TranslateOptions(Instant now, int defaultLimit, int maxLimit, TimeBound bound) {
    public TranslateOptions {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(bound, "bound");
        if (defaultLimit < 0 || maxLimit < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }

    /** Creates options that bound no event. */
    public TranslateOptions(Instant now, int defaultLimit, int maxLimit) {
        this(now, defaultLimit, maxLimit, TimeBound.NONE);
    }

    /** Returns options with Elasticsearch's default limits (1000 and 10000). */
    public static TranslateOptions defaults(Instant now) {
        return new TranslateOptions(now, 1000, 10000);
    }

    /** Returns these options with FROM bounded in time. */
    public TranslateOptions bounded(TimeBound b) {
        return new TranslateOptions(now, defaultLimit, maxLimit, b);
    }
}
