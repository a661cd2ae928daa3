package dev.trailhunt.engine;

/**
 * Describes one input file (or zip entry) as a row of the store's {@code files} table: what ingest did
 * with it, and what reports list as provenance.
 *
 * @param path   the input path; a zip entry is {@code archive.zip!/entry}
 * @param size   bytes of the input as stored (compressed size for gzip, entry size for zip)
 * @param sha256 hex SHA-256 of those bytes, the file's identity in the store
 * @param format the detected layout: records, array, ndjson, lookup-events, csv, digest, or unknown
 * @param events CloudTrail records read from the file (before de-duplication)
 * @param status {@code loaded}, {@code skipped}, {@code ignored}, {@code rejected} or {@code partial}
 * @param reason why it was skipped, rejected or partial; null when loaded
 */
public record InputFile(String path, long size, String sha256, String format, long events, String status, String reason) {
    /** Marks a file whose every record was read. */
    public static final String LOADED = "loaded";
    /** Marks a file not read: a digest, or content already in the store. */
    public static final String SKIPPED = "skipped";
    /** Marks a file nothing could be read from. */
    public static final String REJECTED = "rejected";
    /** Marks a text file that is no log (README.md, LICENSE): listed, and no failure of the run. */
    public static final String IGNORED = "ignored";
    /** Marks a file that broke part-way; the records before the break were kept. */
    public static final String PARTIAL = "partial";

    /** Tells whether this file makes an ingest run's exit code non-zero. */
    public boolean isProblem() {
        return REJECTED.equals(status) || PARTIAL.equals(status);
    }
}
