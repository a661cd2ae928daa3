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
        var tmx = java.lang.management.ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long proc0 = os.getProcessCpuTime();
        long[] workerCpu = {0};
        // Sample the workers' CPU just before they finish: they are daemon threads of the ingest pool.
        IngestProgress sampler = (done, total, events, bytes) -> {
            if (done == total) {
                for (long id : tmx.getAllThreadIds()) {
                    var info = tmx.getThreadInfo(id);
                    if (info != null && info.getThreadName().equals("trailhunt-ingest")) {
                        workerCpu[0] += tmx.getThreadCpuTime(id);
                    }
                }
            }
        };
        long main0 = tmx.getCurrentThreadCpuTime();
        IngestSummary s = new Ingester(new IngestOptions(threads, true)).ingest(db, List.of(data), sampler);
        System.out.printf(Locale.ROOT, "cpu-s: process %.1f, workers (read+parse+map+stage) %.1f, main thread incl. JDBC %.1f, rest (DuckDB threads, GC, JIT) %.1f%n",
                (os.getProcessCpuTime() - proc0) / 1e9, workerCpu[0] / 1e9, (tmx.getCurrentThreadCpuTime() - main0) / 1e9,
                (os.getProcessCpuTime() - proc0 - workerCpu[0] - (tmx.getCurrentThreadCpuTime() - main0)) / 1e9);
        double secs = s.elapsed().toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "events %d added %d in %.2f s = %.0f events/s, db %d MB, exit %d%n",
                s.eventsRead(), s.eventsAdded(), secs, s.eventsRead() / secs, Files.size(db) >> 20, s.exitCode());
    }
}
