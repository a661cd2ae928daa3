package dev.trailhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.bench.SyntheticTrail;
import dev.trailhunt.engine.RawDuckDb;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that one huge {@code Records} object streams: a child JVM whose heap is a fraction of the
 * file loads it. The file is 40 MB by default; {@code -Dtrailhunt.bigfile.mb=150} runs the size.
 */
class BoundedMemoryTest {
    @TempDir Path dir;

    @Test
    void singleHugeRecordsObjectLoadsWithASmallHeap() throws Exception {
        long targetBytes = Long.getLong("trailhunt.bigfile.mb", 40) << 20;
        Path file = dir.resolve("huge.json");
        long records = 0;
        Random rnd = new Random(7);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"Records\":[");
            long written = 12;
            long t = 1_688_990_000_000L;
            while (written < targetBytes) {
                String r = SyntheticTrail.record(rnd, t += 100);
                w.write(records == 0 ? r : "," + r);
                written += r.length() + 1;
                records++;
            }
            w.write("]}");
        }
        Path db = dir.resolve("big.duckdb");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Its own java.io.tmpdir (inside the test's folder, deleted by JUnit): DuckDB extracts its 71 MB library there.
        Path tmp = Files.createDirectories(dir.resolve("child-tmp"));
        Process p = new ProcessBuilder(java, "-Xmx96m", "-XX:+UseSerialGC", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                "dev.trailhunt.cli.Main", "ingest", "--db", db.toString(), file.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "child ingest did not finish");
        String log = Files.readString(dir.resolve("child.log"));
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("events: " + records + " read, " + records + " added"), log);
        try (Connection c = RawDuckDb.openReadOnly(db)) {
            assertEquals(List.of(String.valueOf(records)), TrailFiles.column(c, "SELECT count(*) FROM events"));
        }
    }
}
