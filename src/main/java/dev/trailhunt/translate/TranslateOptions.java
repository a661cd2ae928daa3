package dev.trailhunt.translate;

import java.time.Instant;
import java.util.Objects;

/**
 * Carries the run-time settings of a translation.
 *
 * @param now the instant {@code NOW()} returns, fixed once per run
 * @param defaultLimit the row limit added when a query does not end in LIMIT (ES|QL: 1000)
 * @param maxLimit the cap on any LIMIT (ES|QL: 10000)
 */
public record TranslateOptions(Instant now, int defaultLimit, int maxLimit) {
    public TranslateOptions {
        Objects.requireNonNull(now, "now");
        if (defaultLimit < 0 || maxLimit < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }

    /** Returns options with Elasticsearch's default limits (1000 and 10000). */
    public static TranslateOptions defaults(Instant now) {
        return new TranslateOptions(now, 1000, 10000);
    }
}
