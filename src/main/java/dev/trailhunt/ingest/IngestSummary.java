package dev.trailhunt.ingest;

import dev.trailhunt.engine.InputFile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Summarises an ingest run.
 *
 * @param files             one outcome per input, in input order
 * @param eventsAdded       events newly stored
 * @param duplicatesSkipped events read but already stored (same content), or repeated within the run
 * @param firstEvent        the earliest {@code @timestamp} read in this run, null when none
 * @param lastEvent         the latest {@code @timestamp} read in this run, null when none
 * @param elapsed           wall time of the run
 * @param undated           events read without a valid eventTime: dated at ingest ({@code event.created}) as
 *                          Elastic does, and left out of the time range
 * @param firstUndated      where the first of them is ({@code PATH record N}), or null
 * @param normalised        events whose {@code event.original} is a rendering of what was read, not the input's
 *                          text (invalid bytes replaced, a key repeated), tagged {@code trailhunt_original_normalised}
 * @param firstNormalised   where the first of them is ({@code PATH record N}), or null
 * @param geoip             the GeoIP/ASN databases that enriched the new events, one description each;
 *                          empty when there was no GeoIP data (source.geo.* and source.as.* stay null)
 */
public record IngestSummary(List<InputFile> files, long eventsAdded, long duplicatesSkipped,
        Instant firstEvent, Instant lastEvent, Duration elapsed, long undated, String firstUndated,
        long normalised, String firstNormalised, List<String> geoip) {
    /** Exit code when every file loaded or was skipped. */
    public static final int OK = 0;
    /** Exit code when at least one file was rejected or only partly loaded. */
    public static final int SOME_FILES_FAILED = 3;

    /** Copies the outcome list so the summary stays immutable. */
    public IngestSummary {
        files = List.copyOf(files);
        geoip = List.copyOf(geoip);
    }

    /** Summarises a run without GeoIP data. */
    public IngestSummary(List<InputFile> files, long eventsAdded, long duplicatesSkipped, Instant firstEvent,
            Instant lastEvent, Duration elapsed, long undated, String firstUndated, long normalised, String firstNormalised) {
        this(files, eventsAdded, duplicatesSkipped, firstEvent, lastEvent, elapsed, undated, firstUndated, normalised,
                firstNormalised, List.of());
    }

    /** Returns 0 when all files loaded (or were skipped), 3 when some were rejected or partial. */
    public int exitCode() {
        return files.stream().anyMatch(InputFile::isProblem) ? SOME_FILES_FAILED : OK;
    }

    /** Counts the outcomes with the given status. */
    public long count(String status) {
        return files.stream().filter(f -> f.status().equals(status)).count();
    }

    /** Counts the events read from all files, duplicates included. */
    public long eventsRead() {
        return files.stream().filter(f -> !f.status().equals(InputFile.SKIPPED)).mapToLong(InputFile::events).sum();
    }
}
