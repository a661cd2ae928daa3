package dev.trailhunt.ingest;

import dev.trailhunt.engine.InputFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Holds a worker's result for one input: its outcome and the staging files holding its events.
 *
 * @param outcome      what happened to the file (events = records read)
 * @param compression  none, gzip or zip
 * @param parts        staging files with the mapped events, in record order; empty when none
 * @param rows         events written to the parts; all parts but the last hold {@link FileTask#PART_ROWS}
 * @param hashes       the first 128 bits of each staged event's hash, two longs per event, in order
 * @param maxRowBytes  the most text bytes of one staged event
 * @param bytesRead    input bytes consumed, for progress
 * @param first        earliest event time read, or null
 * @param last         latest event time read, or null
 * @param undated      events without a valid eventTime, dated at ingest and left out of first/last
 * @param firstUndated the record index of the first of them in the file, or -1
 * @param normalised   events whose event.original is not the input's text (tagged {@code trailhunt_original_normalised})
 * @param firstNormalised the record index of the first of them in the file, or -1
 * @param leftOut      records the byte scan of a one-off run left out (not staged, not in {@code rows}; their
 *                     times are in first/last)
 */
record StagedFile(InputFile outcome, String compression, List<Path> parts, long rows, long[] hashes, long maxRowBytes, long bytesRead,
        Instant first, Instant last, long undated, long firstUndated, long normalised, long firstNormalised,
        long leftOut) {
    StagedFile {
        parts = List.copyOf(parts);
    }

    /** Describes an input that staged no events: skipped, rejected, or a repeat of an earlier input. */
    static StagedFile withoutEvents(InputFile outcome, String compression, long bytesRead) {
        return new StagedFile(outcome, compression, List.of(), 0, FileTask.NO_HASHES, 0, bytesRead, null, null,
                0, -1, 0, -1, 0);
    }
}
