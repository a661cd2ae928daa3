package dev.trailhunt.ingest;

import java.util.Set;

/**
 * Configures an ingest run.
 *
 * @param threads  worker threads that read and map files (at least 1)
 * @param progress whether the caller wants progress callbacks
 * @param columns  the ECS columns to store, or null for all; a store holding fewer columns serves
 *                 only the queries that read no others (a one-off {@code --data} run)
 * @param filter   leaves out records no query of the run can select, or null to keep every record;
 *                 such records are only counted, with their time range, so the store's range stays exact
 */
public record IngestOptions(int threads, boolean progress, Set<String> columns, RecordFilter filter) {
    /** Rejects a thread count below one. */
    public IngestOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        columns = columns == null ? null : Set.copyOf(columns);
    }

    /** Configures a full ingest: every column, every record. */
    public IngestOptions(int threads, boolean progress) {
        this(threads, progress, null, null);
    }

    /** Returns options using every available processor and no progress. */
    public static IngestOptions defaults() {
        return new IngestOptions(Runtime.getRuntime().availableProcessors(), false);
    }
}
