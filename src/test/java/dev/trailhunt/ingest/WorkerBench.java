package dev.trailhunt.ingest;

import dev.trailhunt.ingest.ecs.EcsMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the worker side of ingest on one thread: {@code FileTask} (hash, gunzip, parse, map, stage) over every
 * input, several rounds, printing the thread's CPU per round and the best; run by hand:
 * {@code WorkerBench DIR ROUNDS} with the test classpath (README, Performance).
 */
public final class WorkerBench {
    public static void main(String[] args) throws Exception {
        List<LogSource> sources = InputDiscovery.expand(List.of(Path.of(args[0])));
        int rounds = Integer.parseInt(args[1]);
        var threads = ManagementFactory.getThreadMXBean();
        var json = Ingester.jsonMapper();
        ThreadLocal<EcsMapper> mappers = ThreadLocal.withInitial(() -> new EcsMapper(Instant.parse("2024-01-01T00:00:00Z")));
        Path staging = Files.createTempDirectory("wb");
        staging.toFile().deleteOnExit();
        double best = 1e9;
        for (int r = 0; r < rounds; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long rows = 0;
            for (int i = 0; i < sources.size(); i++) {
                StagedFile s = new FileTask(sources.get(i), i, staging, Map.of(), json, mappers, null, null, null).call();
                rows += s.rows();
                for (Path p : s.parts()) {
                    Files.delete(p);
                }
            }
            double secs = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            best = Math.min(best, secs);
            System.out.printf(Locale.ROOT, "round %d: %d rows, %.2f cpu-s, %.2f us/event%n", r, rows, secs, secs * 1e6 / rows);
        }
        System.out.printf(Locale.ROOT, "best %.2f cpu-s%n", best);
    }
}
