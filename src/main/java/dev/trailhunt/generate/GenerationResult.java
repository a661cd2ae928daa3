package dev.trailhunt.generate;

import java.util.List;

/**
 * Summarises a generation run.
 *
 * @param files every file written, in path order
 * @param events the number of records written
 * @param uncompressedBytes the total size of the JSON text written
 */
public record GenerationResult(List<GeneratedFile> files, long events, long uncompressedBytes) {}
