package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trailhunt.ingest.IngestOptions;
import dev.trailhunt.ingest.IngestProgress;
import dev.trailhunt.ingest.Ingester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Ingests the bundled samples once per test JVM, so CLI tests hunt on the real story data. */
final class SamplesStore {
    static final Path SAMPLES = Path.of("samples/cloudtrail");
    private static Path db;

    private SamplesStore() {}

    /** Returns the store made from {@code samples/cloudtrail}, skipping the test when the samples are absent. */
    static synchronized Path get() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "samples/cloudtrail absent");
        if (db == null) {
            Path dir = Files.createTempDirectory("trailhunt-samples-");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve("samples.duckdb");
            new Ingester(new IngestOptions(2, false)).ingest(file, List.of(SAMPLES), IngestProgress.NONE);
            file.toFile().deleteOnExit();
            db = file;
        }
        return db;
    }
}
