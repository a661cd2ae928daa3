package dev.trailhunt.bench;

import dev.trailhunt.geoip.GeoIpLookup;
import dev.trailhunt.model.EcsSchema;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures the CPU that GeoIP enrichment adds per event: {@code fill} over 200,000 rows whose source.ip
 * takes {@code distinct} values, with a cold cache. Run: {@code java -cp ... dev.trailhunt.bench.GeoIpBench DIR DISTINCT}.
 */
public final class GeoIpBench {
    private GeoIpBench() {
    }

    /** Runs the measurement and prints CPU per event and per distinct address. */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int distinct = Integer.parseInt(args[1]);
        int events = 200_000;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        SplittableRandom r = new SplittableRandom(7);
        String[] ips = new String[distinct];
        for (int i = 0; i < distinct; i++) {
            // Half from ranges the test databases know (89.160.0.0/16, 216.160.83.0/24, 81.2.69.0/24), half random.
            ips[i] = switch (i % 6) {
                case 0 -> "89.160." + r.nextInt(256) + "." + r.nextInt(256);
                case 1 -> "216.160.83." + r.nextInt(256);
                case 2 -> "81.2.69." + r.nextInt(256);
                default -> (1 + r.nextInt(222)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
            };
        }
        for (int round = 0; round < 3; round++) {
            try (GeoIpLookup geo = GeoIpLookup.open(dir, "bench")) {
                Object[][] rows = new Object[events][];
                for (int i = 0; i < events; i++) {
                    rows[i] = new Object[EcsSchema.columns().size()];
                    rows[i][EcsSchema.indexOf("source.ip")] = ips[i % distinct];
                }
                long c0 = cpu.getCurrentThreadCpuTime();
                for (Object[] row : rows) {
                    geo.fill(row);
                }
                long ns = cpu.getCurrentThreadCpuTime() - c0;
                System.out.printf(Locale.ROOT, "geoip cost: %d events, %d distinct addresses, %.3f s CPU, %.2f us/event%n",
                        events, geo.distinctAddresses(), ns / 1e9, ns / 1e3 / events);
            }
        }
    }
}
