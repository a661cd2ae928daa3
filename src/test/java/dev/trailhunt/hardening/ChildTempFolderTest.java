package dev.trailhunt.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM killed the way the crash tests kill it must not leave DuckDB's native library (71 MB,
 * extracted per process as {@code libduckdb_java*.so} into {@code java.io.tmpdir}) in the system's
 * temporary folder. Other processes on the machine extract the same file name, so the test follows
 * the copy this child mapped ({@code /proc/PID/maps}) instead of comparing folder listings.
 */
class ChildTempFolderTest {
    @TempDir Path dir;

    @Test
    void killedChildLeavesNoDuckDbLibraryInTheSystemTempFolder() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux /proc to see which library file a process mapped");
        Path systemTmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        Path library;
        Path childTmp;
        try (ChildJvm child = ChildJvm.start(dir, StoreHolder.class, "write", dir.resolve("store.duckdb").toString())) {
            assertNotNull(child.awaitLine("holding"::equals, 120), child.stderr());
            childTmp = child.tmpDir();
            library = mappedDuckDbLibrary(child.pid());
            assertNotNull(library, "the child holds a store open, so it has DuckDB's library mapped");
            assertTrue(library.startsWith(childTmp.toRealPath()),
                    "the child extracted DuckDB's library to " + library + ", not to its own folder " + childTmp);
            assertFalse(library.getParent().equals(systemTmp), library + " is in the system temporary folder");
            child.kill();
        }
        assertFalse(Files.exists(library), "the killed child's copy of DuckDB's library is still there: " + library);
        assertFalse(Files.exists(childTmp), "the killed child's temporary folder is still there: " + childTmp);
    }

    @Test
    void childThatEndsByItselfHasItsTemporaryFolderDeleted() throws Exception {
        Path logs = Files.writeString(dir.resolve("a.json"), TrailRecords.recordsFile(new TrailRecords(3).next(5)));
        try (ChildJvm child = ChildJvm.start(dir, dev.trailhunt.cli.Main.class,
                "ingest", "--db", dir.resolve("store.duckdb").toString(), logs.toString())) {
            assertEquals(0, child.waitFor(300), child.stderr());
            assertFalse(Files.exists(child.tmpDir()), "the child's temporary folder is still there: " + child.tmpDir());
        }
    }

    /** Returns the {@code libduckdb_java*} file that process {@code pid} has mapped, or null. */
    private static Path mappedDuckDbLibrary(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps"))) {
            int slash = line.indexOf('/');
            if (slash >= 0 && line.contains("libduckdb_java")) {
                String path = line.substring(slash).replace(" (deleted)", "");
                return Path.of(path);
            }
        }
        return null;
    }
}
