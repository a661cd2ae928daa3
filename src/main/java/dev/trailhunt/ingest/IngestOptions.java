package dev.trailhunt.ingest;

/**
 * Configures an ingest run.
 *
 * @param threads  worker threads that read and map files (at least 1)
 * @param progress whether the caller wants progress callbacks
 */
public record IngestOptions(int threads, boolean progress) {
    /** Rejects a thread count below one. */
    public IngestOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** Returns options using every available processor and no progress. */
    public static IngestOptions defaults() {
        return new IngestOptions(Runtime.getRuntime().availableProcessors(), false);
    }
}
