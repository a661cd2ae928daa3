package dev.trailhunt.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * Places a rule's executions as Elastic's manual rule run (backfill) would: one every {@code interval},
 * on a grid aligned to the epoch, from the first after {@code start} to the first after {@code end}; the
 * execution at {@code t} reads the events with {@code t - lookback <= @timestamp < t}.
 *
 * <p>Events between {@code start} and {@code end} inclusive are in the run.
 */
final class ExecutionPlan {
    private final long start;
    private final long end;
    private final long interval;
    private final long lookback;
    private final long last;

    ExecutionPlan(Instant start, Instant end, Duration interval, Duration lookback) {
        this.start = micros(start);
        this.end = micros(end);
        this.interval = interval.toNanos() / 1000;
        this.lookback = lookback.toNanos() / 1000;
        this.last = firstAfter(this.end);
    }

    /** Returns the run's first instant. */
    Instant start() {
        return instant(start);
    }

    /** Returns the run's last instant, inclusive. */
    Instant end() {
        return instant(end);
    }

    /** Returns the time between executions in microseconds. */
    long intervalMicros() {
        return interval;
    }

    /** Returns the run's last execution time. */
    Instant lastExecutionTime() {
        return instant(last);
    }

    /** Returns the rule's look-back span in microseconds. */
    long lookbackMicros() {
        return lookback;
    }

    /** Returns the first execution time strictly after {@code ts} (microseconds since the epoch). */
    long firstAfter(long ts) {
        return Math.floorDiv(ts, interval) * interval + interval;
    }

    /** Tells whether an event at {@code ts} is in the run and in some execution's window. */
    boolean covers(long ts) {
        return ts >= start && ts <= end && firstAfter(ts) - lookback <= ts;
    }

    /** Returns the last execution whose window holds {@code ts}; only for covered events. */
    long lastExecution(long ts) {
        long t = Math.floorDiv(ts + lookback, interval) * interval;
        if (t - lookback > ts || t <= ts) {
            t = firstAfter(ts);
        }
        return Math.min(t, last);
    }

    /** Converts an instant to microseconds since the epoch, as the store keeps time. */
    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    /** Converts microseconds since the epoch to an instant. */
    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
