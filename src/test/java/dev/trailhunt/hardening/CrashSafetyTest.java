package dev.trailhunt.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhunt.ingest.IngestOptions;
import dev.trailhunt.ingest.IngestProgress;
import dev.trailhunt.ingest.IngestSummary;
import dev.trailhunt.ingest.Ingester;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills an ingest running in a child JVM with SIGKILL at several points, checks after each kill that
 * the store is consistent (files rows and events committed together), reruns, and checks that the
 * final store holds every record exactly once.
 */
class CrashSafetyTest {
    /** Files per committed batch in the child, set through the ingester's system property. */
    private static final int BATCH = 40;
    /** More files than three batches, so that kills land before, between and after commits. */
    private static final int FILES = 130;
    private static final int RECORDS_PER_FILE = 30;

    @TempDir static Path corpusDir;
    private static Path logs;
    /** Maps each input path to the canonical text of its records, in file order. */
    private static final Map<String, List<String>> CORPUS = new HashMap<>();
    private static int distinctRecords;

    @TempDir Path dir;

    @BeforeAll
    static void writeCorpus() throws IOException {
        logs = Files.createDirectories(corpusDir.resolve("AWSLogs"));
        TrailRecords trail = new TrailRecords(77);
        Random random = new Random(78);
        List<ObjectNode> all = new ArrayList<>();
        for (int f = 0; f < FILES; f++) {
            List<ObjectNode> records = new ArrayList<>(trail.next(RECORDS_PER_FILE));
            all.addAll(records);
            // At-least-once delivery: every tenth file repeats two records of earlier files.
            if (f % 10 == 9) {
                records.add(all.get(random.nextInt(all.size() - RECORDS_PER_FILE)));
                records.add(all.get(random.nextInt(all.size() - RECORDS_PER_FILE)));
            }
            Path file = logs.resolve(String.format(java.util.Locale.ROOT, "d%02d/f%04d.json.gz", f % 12, f));
            Files.createDirectories(file.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(TrailRecords.recordsFile(records).getBytes(StandardCharsets.UTF_8));
            }
            CORPUS.put(file.toString(), records.stream().map(ObjectNode::toString).toList());
        }
        distinctRecords = all.size();
    }

    @Test
    void killedAtProgressPointsThenRerunIsExact() throws Exception {
        Path db = dir.resolve("store.duckdb");
        int midRun = 0;
        for (int filesDone : new int[] {1, BATCH + 1, 2 * BATCH + BATCH / 2, FILES - 5}) {
            try (ChildJvm child = child(dir, db.toString(), logs.toString())) {
                // A batch loads while the next is read, so past the first batch the kill follows the
                // commit of the batch before filesDone, landing while the next one is read or loaded.
                long committed = (filesDone - 1L) / BATCH * BATCH;
                String hit = committed == 0
                        ? child.awaitLine(l -> l.startsWith("files ") && Integer.parseInt(l.split(" ")[1]) >= filesDone, 120)
                        : child.awaitLine(l -> l.equals("committed " + committed), 120);
                child.kill();
                assertTrue(hit != null || child.stdout().stream().anyMatch(l -> l.startsWith("done")),
                        "child ended without finishing: " + child.stderr());
            }
            midRun += assertConsistent(db) ? 1 : 0;
            System.out.println("killed at " + filesDone + " files: " + (Files.exists(db) ? StoreContents.files(db).size() : -1) + " files in the store");
        }
        rerunAndAssertExact(db);
        assertTrue(midRun >= 3, "only " + midRun + " kills left a partly loaded store; the test exercised too little");
    }

    @Test
    void killedDuringTheFirstCommitLeavesAllOrNothing() throws Exception {
        // The first batch (BATCH files) is handed to the loader thread just before the progress
        // line for file BATCH and committed before the line "committed BATCH". A first run measures
        // that span; later runs are killed at fractions of it, so the kills land inside the transaction.
        long span;
        Path measured = dir.resolve("measured.duckdb");
        try (ChildJvm child = child(dir, measured.toString(), logs.toString())) {
            assertTrue(child.awaitLine(l -> l.startsWith("files " + BATCH + " "), 120) != null, child.stderr());
            long t0 = System.nanoTime();
            assertTrue(child.awaitLine(l -> l.equals("committed " + BATCH), 120) != null, child.stderr());
            span = (System.nanoTime() - t0) / 1_000_000;
            child.kill();
        }
        assertEquals(BATCH, StoreContents.files(measured).size());
        System.out.println("first commit took " + span + " ms");
        Path db = null;
        for (double fraction : new double[] {0.3, 0.6, 0.9}) {
            db = dir.resolve("store-" + fraction + ".duckdb");
            try (ChildJvm child = child(dir, db.toString(), logs.toString())) {
                assertTrue(child.awaitLine(l -> l.startsWith("files " + BATCH + " "), 120) != null, child.stderr());
                Thread.sleep((long) (span * fraction));
                child.kill();
            }
            assertConsistent(db);
            int files = StoreContents.files(db).size();
            assertTrue(files == 0 || files == BATCH, files + " files: a batch must commit whole or not at all");
            System.out.println("killed at " + fraction + " of the commit: " + files + " files in the store");
        }
        rerunAndAssertExact(db);
    }

    private static ChildJvm child(Path workDir, String... args) throws IOException {
        return ChildJvm.start(workDir, java.util.Map.of(), List.of("-Dtrailhunt.ingest.batchFiles=" + BATCH), IngestChild.class, args);
    }

    private static void rerunAndAssertExact(Path db) throws Exception {
        IngestSummary s = new Ingester(new IngestOptions(2, false)).ingest(db, List.of(logs), IngestProgress.NONE);
        assertEquals(0, s.exitCode(), s.files().toString());
        assertTrue(assertConsistent(db) || StoreContents.events(db) == distinctRecords);
        assertEquals(distinctRecords, StoreContents.events(db));
        assertEquals(FILES, StoreContents.files(db).stream().filter(f -> f.status().equals("loaded")).count());
        assertEquals(0L, StoreContents.rows(db, "SELECT count(*) FROM (SELECT \"event.id\", \"event.original\" FROM events"
                + " GROUP BY ALL HAVING count(*) > 1)").get(0).get(0), "duplicate (eventID, content) pairs");
        try (Stream<Path> left = Files.list(db.getParent())) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(db.getFileName() + ".staging-")).toList(), "staging left behind");
        }
    }

    /**
     * Asserts that the store holds exactly the records of the files it lists as loaded, each once,
     * and returns whether it was partly loaded (some files in, some not).
     */
    private static boolean assertConsistent(Path db) throws Exception {
        if (!Files.exists(db)) {
            return false;
        }
        Map<String, Long> listed = new HashMap<>();
        for (StoreContents.FileRow f : StoreContents.files(db)) {
            assertEquals("loaded", f.status(), f.toString());
            assertEquals(null, listed.put(f.path(), f.events()), "listed twice: " + f.path());
            assertEquals(CORPUS.get(f.path()).size(), f.events(), f.path());
        }
        Set<String> expected = new HashSet<>();
        listed.keySet().forEach(p -> expected.addAll(CORPUS.get(p)));
        Set<String> stored = new HashSet<>();
        for (List<Object> r : StoreContents.rows(db, "SELECT \"event.original\", \"log.file.path\" FROM events")) {
            assertTrue(listed.containsKey((String) r.get(1)), "event from a file the files table does not list: " + r.get(1));
            assertTrue(stored.add((String) r.get(0)), "stored twice: " + r.get(0));
        }
        assertEquals(expected, stored, "the events are exactly the records of the listed files");
        return !listed.isEmpty() && listed.size() < FILES;
    }
}
