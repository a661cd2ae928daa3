package dev.trailhunt.generate;

import java.nio.file.Path;

/**
 * Describes one file the generator wrote.
 *
 * @param path the file, inside the output directory
 * @param events the number of records in it (0 for a digest)
 * @param uncompressedBytes the size of its JSON text
 * @param sha256 the hex SHA-256 of its JSON text
 * @param digest whether it is a CloudTrail-Digest file rather than a log file
 */
public record GeneratedFile(Path path, long events, long uncompressedBytes, String sha256, boolean digest) {}
