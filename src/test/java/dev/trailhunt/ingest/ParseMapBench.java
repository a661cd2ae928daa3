package dev.trailhunt.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhunt.engine.StagingWriter;
import dev.trailhunt.ingest.ecs.EcsMapper;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Splits the Java side of ingest cost per stage on one thread; run by hand: {@code ParseMapBench DIR}. */
public final class ParseMapBench {
    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.sorted().toList();
        }
        var threads = ManagementFactory.getThreadMXBean();
        ObjectMapper json = Ingester.jsonMapper();
        EcsMapper mapper = new EcsMapper(Instant.parse("2024-01-01T00:00:00Z"));
        for (String stage : new String[] {"gunzip", "parse", "parse+map", "parse+map+csv", "parse+map", "parse+map+csv"}) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long[] n = {0};
            Path tmp = Files.createTempFile("pmb", ".csv");
            try (StagingWriter w = new StagingWriter(tmp, 0)) {
                for (Path f : files) {
                    try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(f), 1 << 16), 1 << 16)) {
                        if (stage.equals("gunzip")) {
                            in.transferTo(java.io.OutputStream.nullOutputStream());
                            continue;
                        }
                        new RecordReader(json).read(in, (r, original) -> {
                            n[0]++;
                            if (stage.startsWith("parse+map")) {
                                Object[] row = mapper.map(r, original == null ? null : new String(original, java.nio.charset.StandardCharsets.UTF_8), null, false);
                                if (stage.endsWith("csv")) {
                                    w.write(row, f.toString(), n[0], "0".repeat(64));
                                }
                            }
                        });
                    }
                }
            }
            if (args.length > 1 && stage.endsWith("csv")) {
                Files.move(tmp, Path.of(args[1]), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.delete(tmp);
            }
            double secs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "%-14s %d events, %.2f cpu-s, %.0f events per cpu-s%n", stage, n[0], secs, n[0] / secs);
        }
    }
}
