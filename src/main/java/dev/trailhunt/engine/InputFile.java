package dev.trailhunt.engine;

/**
 * Describes one input file recorded in the store's {@code files} table.
 *
 * @param path the path as given to ingest
 * @param size the size in bytes
 * @param sha256 the hex SHA-256 of the file bytes
 * @param format the detected format
 * @param events the number of events the file added
 * @param status the load status (e.g. loaded, skipped, rejected)
 * @param reason why it was not fully loaded, or empty
 */
public record InputFile(String path, long size, String sha256, String format, long events, String status, String reason) {}
