package dev.trailhunt.ingest;

/** Receives progress of an ingest run, on the thread that called {@link Ingester#ingest}. */
@FunctionalInterface
public interface IngestProgress {
    /** Ignores every update. */
    IngestProgress NONE = (filesDone, filesTotal, events, bytes) -> { };

    /** Reports files finished out of the total, events read and input bytes read so far. */
    void update(long filesDone, long filesTotal, long events, long bytes);
}
