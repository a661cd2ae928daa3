package dev.trailhunt.ingest;

import dev.trailhunt.engine.EventLoader;
import dev.trailhunt.engine.Store;
import dev.trailhunt.ingest.ecs.EcsMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures DuckDB's loading thread alone: stages the inputs once, then loads the staged files into a fresh
 * store per round and prints that thread's CPU; run by hand: {@code LoaderBench DIR ROUNDS} (README, Performance).
 */
public final class LoaderBench {
    public static void main(String[] args) throws Exception {
        List<LogSource> sources = InputDiscovery.expand(List.of(Path.of(args[0])));
        int rounds = Integer.parseInt(args[1]);
        var threads = ManagementFactory.getThreadMXBean();
        var json = Ingester.jsonMapper();
        ThreadLocal<EcsMapper> mappers = ThreadLocal.withInitial(() -> new EcsMapper(Instant.parse("2024-01-01T00:00:00Z")));
        Path staging = Files.createTempDirectory("lb");
        List<List<Path>> chunks = new ArrayList<>();
        List<Path> chunk = new ArrayList<>();
        long inChunk = 0;
        long maxLine = 0;
        long rows = 0;
        for (int i = 0; i < sources.size(); i++) {
            StagedFile s = new FileTask(sources.get(i), i, staging, Map.of(), json, mappers, null, null, null).call();
            if (inChunk + s.rows() > 100_000 && !chunk.isEmpty()) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                inChunk = 0;
            }
            chunk.addAll(s.parts());
            inChunk += s.rows();
            rows += s.rows();
            maxLine = Math.max(maxLine, s.maxRowBytes());
        }
        chunks.add(chunk);
        long bytes = 0;
        for (List<Path> c : chunks) for (Path p : c) bytes += Files.size(p);
        System.out.printf(Locale.ROOT, "staged %d rows, %.1f MB, %.0f bytes/row%n", rows, bytes / 1e6, (double) bytes / rows);
        double best = 1e9;
        for (int r = 0; r < rounds; r++) {
            Path db = staging.resolve("r" + r + ".duckdb");
            try (Store store = Store.openForWriting(db)) {
                EventLoader loader = store.loader(Ingester.ecsColumns());
                loader.prepareStore();
                long c0 = threads.getCurrentThreadCpuTime();
                long n = loader.load(chunks, maxLine, List.of(), new long[0]);
                double secs = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                best = Math.min(best, secs);
                System.out.printf(Locale.ROOT, "round %d: %d rows, %.2f cpu-s, %.2f us/event%n", r, n, secs, secs * 1e6 / n);
            }
            Files.deleteIfExists(db);
            Files.deleteIfExists(Path.of(db + ".wal"));
        }
        System.out.printf(Locale.ROOT, "best %.2f cpu-s%n", best);
        for (List<Path> c : chunks) {
            for (Path p : c) {
                Files.delete(p);
            }
        }
        Files.delete(staging);
    }
}
