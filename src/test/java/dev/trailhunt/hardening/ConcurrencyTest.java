package dev.trailhunt.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks what a second process sees on a store in use: writers get one clear line, readers share. */
class ConcurrencyTest {
    private static final int RECORDS = 50;

    @TempDir Path dir;
    private Path db;
    private Path more;

    @BeforeEach
    void loadStore() throws Exception {
        TrailRecords trail = new TrailRecords(12);
        Path logs = Files.writeString(dir.resolve("a.json"), TrailRecords.recordsFile(trail.next(RECORDS)));
        more = Files.writeString(dir.resolve("b.json"), TrailRecords.recordsFile(trail.next(5)));
        db = dir.resolve("store.duckdb");
        assertEquals(0, Cli.run("ingest", "--db", db.toString(), logs.toString()).code());
    }

    @Test
    void secondWriterGetsOneLineNamingTheProcess() throws Exception {
        try (ChildJvm holder = ChildJvm.start(dir, StoreHolder.class, "write", db.toString())) {
            assertTrue(holder.awaitLine("holding"::equals, 60) != null, holder.stderr());
            String inUse = "the store " + db + " is in use by process " + holder.pid() + "; wait for it to finish or use another --db";

            Cli ingest = Cli.run("ingest", "--db", db.toString(), more.toString());
            assertEquals(1, ingest.code());
            assertEquals(List.of("trailhunt ingest: " + inUse), ingest.errLines());
            assertEquals("", ingest.out());

            // A hunt cannot read while a writer holds the store either; it says so the same way.
            Cli query = Cli.run("query", "--db", db.toString(), "--sql", "SELECT count(*) AS n FROM events");
            assertEquals(3, query.code(), "documented: 3 data problem (store in use)");
            assertEquals(List.of("trailhunt query: " + inUse), query.errLines());
        }
        // Once the holder is gone the same ingest works.
        assertEquals(0, Cli.run("ingest", "--db", db.toString(), more.toString()).code());
        assertEquals(RECORDS + 5, StoreContents.events(db));
    }

    @Test
    void aSecondSessionInOneProcessRunsInUtcWhateverTheSystemZone() throws Exception {
        try (ChildJvm child = ChildJvm.start(dir, java.util.Map.of("TZ", "America/New_York"), List.of(), SessionZones.class, db.toString())) {
            assertEquals("UTC 2024-05-01 12:00:00+00", child.awaitLine(l -> true, 60), child.stderr());
            assertEquals(0, child.waitFor(60), child.stderr());
        }
    }

    @Test
    void huntsReadWhileAnotherProcessHuntsAndWritersWait() throws Exception {
        try (ChildJvm reader = ChildJvm.start(dir, StoreHolder.class, "read", db.toString())) {
            assertEquals("events " + RECORDS, reader.awaitLine(l -> l.startsWith("events "), 60), reader.stderr());
            assertTrue(reader.awaitLine("holding"::equals, 60) != null, reader.stderr());

            Cli query = Cli.run("query", "--db", db.toString(), "--format", "csv", "--sql", "SELECT count(*) AS n FROM events");
            assertEquals(0, query.code(), query.err());
            assertEquals(List.of("n", String.valueOf(RECORDS)), query.out().strip().lines().toList());

            // Several hunts in this process at once, next to the other process's.
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Cli>> runs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    runs.add(pool.submit((Callable<Cli>) () -> Cli.run("query", "--db", db.toString(), "--format", "csv",
                            "--sql", "SELECT count(DISTINCT \"event.id\") AS n FROM events")));
                }
                for (Future<Cli> f : runs) {
                    Cli c = f.get();
                    assertEquals(0, c.code(), c.err());
                    assertEquals(List.of("n", String.valueOf(RECORDS)), c.out().strip().lines().toList());
                }
            } finally {
                pool.shutdownNow();
            }

            Cli ingest = Cli.run("ingest", "--db", db.toString(), more.toString());
            assertEquals(1, ingest.code());
            assertEquals(List.of("trailhunt ingest: the store " + db + " is in use by process " + reader.pid()
                    + "; wait for it to finish or use another --db"), ingest.errLines());
        }
        assertEquals(RECORDS, StoreContents.events(db));
    }
}
