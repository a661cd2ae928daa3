package dev.trailhunt.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Measures, by hand, the thread CPU of {@link RecordsPrefilter}'s byte scan over decompressed CloudTrail
 * files held in memory: {@code PrefilterBench DIR FILES ROUNDS}. Not a test: run it with the test classpath.
 */
final class PrefilterBench {
    private PrefilterBench() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int files = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<byte[]> inputs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json.gz")).sorted().limit(files).toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(p), 1 << 16)) {
                    inputs.add(in.readAllBytes());
                }
            }
        }
        long bytes = inputs.stream().mapToLong(b -> b.length).sum();
        RecordFilter filter = RecordFilter.anyQuery(List.of(List.of(List.of("GetSecretValue"))));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        byte[] sink = new byte[1 << 16];
        for (int r = 0; r < rounds; r++) {
            long[] dropped = {0};
            long kept = 0;
            long c0 = cpu.getCurrentThreadCpuTime();
            for (byte[] input : inputs) {
                try (InputStream in = new RecordsPrefilter(new ByteArrayInputStream(input), filter, t -> ++dropped[0] > 0)) {
                    for (int n; (n = in.read(sink, 0, sink.length)) >= 0; ) {
                        kept += n;
                    }
                }
            }
            long ns = cpu.getCurrentThreadCpuTime() - c0;
            System.out.printf("round %d: %.3f s CPU, %.1f MB/s, %d dropped, %d bytes kept%n", r, ns / 1e9,
                    bytes / (ns / 1e3), dropped[0], kept);
        }
    }
}
