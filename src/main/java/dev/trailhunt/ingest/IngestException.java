package dev.trailhunt.ingest;

/** Signals a problem that stops the whole ingest run, with a one-line message for the user. */
public final class IngestException extends RuntimeException {
    /** Creates the exception with a message fit to print as is. */
    public IngestException(String message) {
        super(message);
    }
}
