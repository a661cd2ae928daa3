package dev.trailhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.bench.SyntheticTrail;
import dev.trailhunt.engine.RawDuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child ingest with SIGKILL at several points and checks that a rerun leaves exactly the
 * store a clean run makes. The kill points are chosen by watching the child's staging directory:
 * when the staging file of input number N appears, earlier batches (two files each) have committed
 * or are committing.
 */
class CrashRecoveryTest {
    private static final String CONTENT = "SELECT \"log.file.path\" || '#' || \"log.offset\" || '#' || \"event.hash\" FROM events ORDER BY 1";
    private static final String FILES = "SELECT path || '#' || sha256 || '#' || status || '#' || events FROM files ORDER BY 1";

    @TempDir Path dir;

    @Test
    void killedRunsCompleteExactlyOnRerun() throws Exception {
        Path data = dir.resolve("data");
        SyntheticTrail.write(data, 12, 1_000, 11);
        Path clean = dir.resolve("clean.duckdb");
        assertEquals(0, child(clean, data).waitFor());
        List<String> expectedEvents;
        List<String> expectedFiles;
        try (Connection c = RawDuckDb.openReadOnly(clean)) {
            expectedEvents = TrailFiles.column(c, CONTENT);
            expectedFiles = TrailFiles.column(c, FILES);
        }
        assertEquals(12_000, expectedEvents.size());

        for (int input : new int[] {2, 5, 9}) {
            Path db = dir.resolve("killed-" + input + ".duckdb");
            Process p = child(db, data);
            if (awaitStagingOf(db, input, p)) {
                p.destroyForcibly().waitFor();
                long committed = 0;
                if (Files.exists(db)) {
                    try (Connection c = RawDuckDb.openReadOnly(db)) {
                        committed = TrailFiles.column(c, "SELECT 1 FROM events").size();
                    } catch (java.sql.SQLException e) {
                        committed = 0; // killed before the tables existed
                    }
                }
                System.out.printf("killed at input %d with %d of %d events committed%n", input, committed, expectedEvents.size());
            }
            Process rerun = child(db, data);
            assertTrue(rerun.waitFor(10, TimeUnit.MINUTES));
            assertEquals(0, rerun.exitValue(), Files.readString(db.resolveSibling(db.getFileName() + ".log")));
            try (Connection c = RawDuckDb.openReadOnly(db)) {
                assertEquals(expectedEvents, TrailFiles.column(c, CONTENT), "events after kill at input " + input);
                assertEquals(expectedFiles, TrailFiles.column(c, FILES), "files after kill at input " + input);
            }
        }
    }

    /** Waits until the child stages input number {@code input} (true) or exits first (false). */
    private static boolean awaitStagingOf(Path db, int input, Process p) throws Exception {
        String prefix = db.getFileName() + ".staging-";
        String wanted = String.format("%08d-", input);
        while (p.isAlive()) {
            try (var dirs = Files.newDirectoryStream(db.getParent(), prefix + "*")) {
                for (Path staging : dirs) {
                    try (var files = Files.newDirectoryStream(staging)) {
                        for (Path f : files) {
                            if (f.getFileName().toString().compareTo(wanted) >= 0) {
                                return true;
                            }
                        }
                    } catch (java.io.IOException e) {
                        // The directory vanished between listing and reading: look again.
                    }
                }
            }
            Thread.sleep(10);
        }
        return false;
    }

    private static Process child(Path db, Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // DuckDB extracts its 71 MB library into java.io.tmpdir per process and a killed JVM leaves it:
        // each child gets a folder of its own inside the test's, which JUnit deletes after the test.
        Path tmp = Files.createTempDirectory(db.getParent(), "child-tmp-");
        return new ProcessBuilder(java, "-Xmx256m", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Djava.io.tmpdir=" + tmp, "-Dtrailhunt.ingest.batchFiles=2", "-cp", System.getProperty("java.class.path"),
                "dev.trailhunt.cli.Main", "ingest", "--db", db.toString(), data.toString())
                .redirectErrorStream(true)
                .redirectOutput(db.resolveSibling(db.getFileName() + ".log").toFile())
                .start();
    }
}
