package dev.trailhunt.bench;

import dev.trailhunt.ingest.IngestOptions;
import dev.trailhunt.ingest.IngestProgress;
import dev.trailhunt.ingest.IngestSummary;
import dev.trailhunt.ingest.Ingester;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Measures end-to-end ingest of synthetic .json.gz files; run by hand: {@code IngestBench DIR FILES PER_FILE [THREADS]}. */
public final class IngestBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int files = Integer.parseInt(args[1]);
        int perFile = Integer.parseInt(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        Path data = dir.resolve("data");
        if (!Files.exists(data)) {
            SyntheticTrail.write(data, files, perFile, 42);
        }
        Path db = dir.resolve("bench.duckdb");
        Files.deleteIfExists(db);
        Files.deleteIfExists(dir.resolve("bench.duckdb.wal"));
        IngestSummary s = new Ingester(new IngestOptions(threads, false)).ingest(db, List.of(data), IngestProgress.NONE);
        double secs = s.elapsed().toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "events %d added %d in %.2f s = %.0f events/s, db %d MB, exit %d%n",
                s.eventsRead(), s.eventsAdded(), secs, s.eventsRead() / secs, Files.size(db) >> 20, s.exitCode());
    }
}
