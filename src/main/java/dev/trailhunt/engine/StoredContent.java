package dev.trailhunt.engine;

/**
 * Describes a file content the store already holds, as its first row in the {@code files} table has it.
 *
 * @param path the first path that had the content
 * @param compression how those bytes were compressed: none, gzip, zip or zip+gzip
 * @param format the layout detected in them: records, array, ndjson, lookup-events, csv, digest, or unknown
 */
public record StoredContent(String path, String compression, String format) {
    /**
     * Returns the compression the same bytes have in an input: an entry of a zip archive adds the
     * archive's zip to what the bytes themselves are (gzip or nothing).
     */
    public String compressionIn(boolean zipEntry) {
        boolean gzip = compression != null && compression.endsWith("gzip");
        if (zipEntry) {
            return gzip ? "zip+gzip" : "zip";
        }
        return gzip ? "gzip" : "none";
    }
}
