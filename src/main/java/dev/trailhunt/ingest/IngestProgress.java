package dev.trailhunt.ingest;

/** Receives progress of an ingest run: {@link #update} on the thread that called {@link Ingester#ingest}. */
@FunctionalInterface
public interface IngestProgress {
    /** Ignores every update. */
    IngestProgress NONE = (filesDone, filesTotal, events, bytes) -> { };

    /** Reports files finished out of the total, events read and input bytes read so far. */
    void update(long filesDone, long filesTotal, long events, long bytes);

    /**
     * Reports that the files finished so far up to {@code filesCommitted} are now committed to the
     * store; called on the loader thread, later than {@link #update} reported those files.
     */
    default void committed(long filesCommitted) {
        // Most callers only show what was read.
    }
}
