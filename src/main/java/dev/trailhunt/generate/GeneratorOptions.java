package dev.trailhunt.generate;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Says what corpus to generate: where, how many events and files, from which seed, over which days.
 *
 * @param out the directory that receives the {@code AWSLogs/} tree
 * @param events the total number of records, the planted story included
 * @param files the number of ordinary log files (the story adds a few small ones in other regions)
 * @param seed the seed every random choice derives from
 * @param start the first instant of the covered period
 * @param days the length of the covered period in days; the story happens on its last day
 */
public record GeneratorOptions(Path out, int events, int files, long seed, Instant start, int days) {
    /** Sets the defaults that {@code trailhunt generate} uses when an option is not given. */
    public static final int DEFAULT_EVENTS = 2_000;
    public static final int DEFAULT_FILES = 24;
    public static final long DEFAULT_SEED = 20261127L;
    public static final Instant DEFAULT_START = Instant.parse("2026-11-24T00:00:00Z");
    public static final int DEFAULT_DAYS = 3;

    public GeneratorOptions {
        if (events < 1) {
            throw new IllegalArgumentException("--events must be positive, got " + events);
        }
        if (files < 1) {
            throw new IllegalArgumentException("--files must be positive, got " + files);
        }
        if (days < 1) {
            throw new IllegalArgumentException("--days must be positive, got " + days);
        }
        if (start.getEpochSecond() % 60 != 0) {
            throw new IllegalArgumentException("--start must be on a whole minute, got " + start);
        }
    }

    /** Returns the options that made the committed {@code samples/cloudtrail/} corpus. */
    public static GeneratorOptions samples(Path out) {
        return new GeneratorOptions(out, DEFAULT_EVENTS, DEFAULT_FILES, DEFAULT_SEED, DEFAULT_START, DEFAULT_DAYS);
    }
}
