package dev.trailhunt.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.cli.Cli;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs hostile hunt text through every way a hunt reaches the store (query --sql, .sql files,
 * ES|QL via query --esql and .esql files, TOML hunts) and checks that each is refused with a clear
 * error or treated as plain data, and that no file was read or written.
 */
class UntrustedHuntTest {
    private static final String INJECTED_ACTION = "x' ; DROP TABLE events; --";
    private static final String CANARY_TEXT = "secret,canary\n1,2\n";
    private static final int RECORDS = 12;

    @TempDir static Path root;
    private static Path db;
    private static Path canary;
    private static Path work;
    private static Map<String, String> before;

    @BeforeAll
    static void store() throws Exception {
        TrailRecords trail = new TrailRecords(21);
        List<ObjectNode> records = trail.next(RECORDS - 1);
        ObjectNode evil = trail.next();
        evil.put("eventName", INJECTED_ACTION);
        records.add(evil);
        Path logs = Files.writeString(Files.createDirectories(root.resolve("logs")).resolve("a.json"), TrailRecords.recordsFile(records));
        db = root.resolve("store.duckdb");
        Cli ingest = Cli.run("ingest", "--db", db.toString(), logs.toString());
        assertEquals(0, ingest.code(), ingest.err());
        canary = Files.writeString(Files.createDirectories(root.resolve("outside")).resolve("canary.csv"), CANARY_TEXT);
        // With relatime a read updates atime only when it is older than mtime: make it older, and
        // check once that a read is visible here (it is not on a noatime mount).
        FileTime old = FileTime.fromMillis(Files.getLastModifiedTime(canary).toMillis() - 86_400_000L);
        BasicFileAttributeView view = Files.getFileAttributeView(canary, BasicFileAttributeView.class);
        view.setTimes(null, old, null);
        Files.readAllBytes(canary);
        boolean readsVisible = !view.readAttributes().lastAccessTime().equals(old);
        view.setTimes(null, old, null);
        System.out.println("untrusted hunts: canary reads " + (readsVisible ? "are" : "are NOT") + " visible in atime on this file system");
        work = Files.createDirectories(root.resolve("work"));
        before = snapshot();
    }

    @AfterEach
    void nothingWasReadOrWritten() throws IOException {
        assertEquals(before, snapshot(), "files under the test root (path -> size, mtime, atime of the canary)");
        FileTime atime = Files.readAttributes(canary, BasicFileAttributes.class).lastAccessTime();
        assertEquals(CANARY_TEXT, Files.readString(canary));
        // This test's own read must not hide a later one: put the old access time back.
        Files.getFileAttributeView(canary, BasicFileAttributeView.class).setTimes(null, atime, null);
    }

    // ---- DuckDB SQL: query --sql and .sql hunt files

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM read_csv('CANARY')",
        "SELECT * FROM read_csv_auto('CANARY')",
        "SELECT * FROM read_text('CANARY')",
        "SELECT * FROM read_blob('CANARY')",
        "SELECT * FROM read_json_auto('CANARY')",
        "SELECT * FROM sniff_csv('CANARY')",
        "SELECT * FROM 'CANARY'",
        "SELECT * FROM glob('OUTSIDE/*')",
        "WITH t AS (SELECT * FROM read_csv('CANARY')) SELECT * FROM t",
        "SELECT count(*) FROM events WHERE \"event.action\" IN (SELECT column0 FROM read_csv('CANARY'))",
        "COPY events TO 'WORK/out.csv'",
        "COPY (SELECT * FROM events) TO 'WORK/out.parquet' (FORMAT parquet)",
        "EXPORT DATABASE 'WORK/export'",
        "ATTACH 'WORK/other.duckdb' AS other",
        "ATTACH ':memory:' AS mem",
        "INSTALL httpfs",
        "LOAD httpfs",
        "LOAD 'WORK/evil.duckdb_extension'",
        "SET enable_external_access = true",
        "SET GLOBAL lock_configuration = false",
        "RESET lock_configuration",
        "SET threads = 1",
        "PRAGMA enable_profiling = 'json'",
        "PRAGMA profiling_output = 'WORK/profile.json'",
        "CALL enable_logging()",
        "CREATE TEMP TABLE t AS SELECT 1 AS x",
        "CREATE MACRO evil() AS 1",
        "DROP TABLE events",
        "DELETE FROM events",
        "CHECKPOINT",
        "SELECT 1; COPY events TO 'WORK/out.csv'",
        "SELECT 1; SELECT 2",
        "SELECT 1; ATTACH 'WORK/other.duckdb'",
        "SELECT * FROM events; DROP TABLE events;",
        "COPY events TO 'WORK/out.csv'; SELECT 1",
        "CREATE TEMP TABLE t AS SELECT 42 AS x; SELECT * FROM t",
        "SET threads = 1; SELECT 1",
        "SELECT E'\\''; SELECT 1",
        "PRAGMA table_info('events')",
        "EXPLAIN ANALYZE SELECT 1",
    })
    void hostileSqlIsRefusedEverywhere(String template) throws Exception {
        String sql = fill(template);
        expectRefused(Cli.run("query", "--db", db.toString(), "--sql", sql), sql);
        Path file = Files.writeString(work.resolve("hunt.sql"), sql);
        try {
            expectRefused(Cli.run("hunt", "--db", db.toString(), file.toString()), sql);
        } finally {
            Files.delete(file);
        }
        expectStoreIntact();
    }

    // ---- ES|QL: query --esql and .esql hunt files

    @Test
    void stringLiteralTryingToCloseItsQuoteIsData() throws Exception {
        String esql = "FROM logs-aws.cloudtrail-* | WHERE event.action == \"x' ; DROP TABLE events; --\" | STATS n = COUNT(*) BY event.action";
        for (Cli run : esqlEverywhere(esql)) {
            assertEquals(0, run.code(), run.err());
            assertEquals(List.of("n,event.action", "1," + csv(INJECTED_ACTION)), run.out().strip().lines().toList());
        }
        String row = "ROW a = \"'); COPY (SELECT 1) TO 'WORK/x.csv'; --\", b = \"\\\"; ATTACH 'WORK/o.duckdb'; --\"";
        for (Cli run : esqlEverywhere(fill(row))) {
            assertEquals(0, run.code(), run.err());
            assertEquals(List.of("a,b", csv(fill("'); COPY (SELECT 1) TO 'WORK/x.csv'; --")) + "," + csv(fill("\"; ATTACH 'WORK/o.duckdb'; --"))),
                    run.out().strip().lines().toList());
        }
        expectStoreIntact();
    }

    @Test
    void backquotedIdentifierWithQuotesInsideIsJustAName() throws Exception {
        String name = "x\"; DROP TABLE events; --'";
        String esql = "FROM logs-* | EVAL `" + name + "` = 1, `a``b` = \"q\" | KEEP `" + name + "`, `a``b` | LIMIT 1";
        for (Cli run : esqlEverywhere(esql)) {
            assertEquals(0, run.code(), run.err());
            assertEquals(List.of(csv(name) + ",a`b", "1,q"), run.out().strip().lines().toList());
        }
        expectStoreIntact();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "FROM CANARY",
        "FROM \"CANARY\"",
        "FROM OUTSIDE/*",
        "FROM read_csv('CANARY')",
        "FROM logs-*, \"CANARY\"",
        "FROM logs-* | EVAL x = read_text(\"CANARY\")",
        "FROM logs-* | WHERE event.action == \"a\"; DROP TABLE events",
        "ROW a = 1 | EVAL b = `a'); ATTACH 'WORK/o.duckdb'; --`",
    })
    void hostileEsqlIsRefused(String template) throws Exception {
        for (Cli run : esqlEverywhere(fill(template))) {
            assertEquals(4, run.code(), run.out() + run.err());
            assertClear(run.err());
        }
        expectStoreIntact();
    }

    // ---- TOML hunts

    @Test
    void tomlHuntQueriesGetTheSameTreatment() throws Exception {
        Path toml = work.resolve("evil.toml");
        Files.writeString(toml, fill("""
                [hunt]
                author = "someone"
                name = "evil"
                uuid = "00000000-0000-0000-0000-000000000000"
                integration = ["aws.cloudtrail"]
                language = ["ES|QL", "SQL"]
                query = [
                  '''FROM logs-* | WHERE event.action == "x' ; DROP TABLE events; --" | STATS n = COUNT(*)''',
                  "FROM \\"CANARY\\"",
                  "SELECT * FROM read_csv('CANARY')",
                  "WITH t AS (SELECT 1) SELECT * FROM t; COPY events TO 'WORK/out.csv'",
                ]
                """));
        try {
            Cli run = Cli.run("hunt", "--db", db.toString(), toml.toString());
            assertEquals(4, run.code(), run.out() + run.err());
            assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
            // Query 1 counts the one stored event whose action is the injection text.
            assertTrue(run.out().lines().anyMatch(l -> l.strip().equals("1")), run.out());
            assertTrue(run.err().contains("evil query 2: 1:1: Unknown index [" + canary + "]"), run.err());
            // SQL in an Elastic hunt is osquery's dialect; trailhunt lists it as skipped and never runs it.
            assertTrue(run.err().contains("evil query 3: skipped: "), run.err());
            assertTrue(run.err().contains("evil query 4: skipped: "), run.err());
        } finally {
            Files.delete(toml);
        }
        expectStoreIntact();
    }

    @Test
    void sandboxStillAnswersOrdinaryQuestions() throws Exception {
        Cli run = Cli.run("query", "--db", db.toString(), "--format", "csv", "--sql",
                "SELECT count(*) AS n FROM events WHERE \"event.action\" = '" + INJECTED_ACTION.replace("'", "''") + "'");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("n", "1"), run.out().strip().lines().toList());
    }

    // ---- helpers

    private static List<Cli> esqlEverywhere(String esql) throws IOException {
        Cli adHoc = Cli.run("query", "--db", db.toString(), "--format", "csv", "--esql", esql);
        Path file = Files.writeString(work.resolve("hunt.esql"), esql);
        try {
            return List.of(adHoc, Cli.run("hunt", "--db", db.toString(), "--format", "csv", file.toString()));
        } finally {
            Files.delete(file);
        }
    }

    private static void expectRefused(Cli run, String what) {
        assertEquals(4, run.code(), what + "\n" + run.out() + run.err());
        assertEquals("", run.out(), what);
        assertClear(run.err());
        assertFalse(run.err().contains(CANARY_TEXT.substring(0, 6)), run.err());
    }

    /** Asserts an error that is short, positioned or explained, and not a stack trace. */
    private static void assertClear(String err) {
        assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("internal error"), err);
        assertTrue(err.lines().count() <= 4, err);
        assertFalse(err.isBlank());
    }

    private static void expectStoreIntact() throws Exception {
        assertEquals((long) RECORDS, StoreContents.events(db));
    }

    private static String fill(String template) {
        return template.replace("CANARY", canary.toString()).replace("OUTSIDE", canary.getParent().toString())
                .replace("WORK", work.toString());
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** Lists every file under the root with size and mtime, and the canary's atime. */
    private static Map<String, String> snapshot() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                String facts = a.isDirectory() ? "dir" : a.size() + " " + a.lastModifiedTime();
                if (p.equals(canary)) {
                    facts += " atime " + a.lastAccessTime();
                }
                out.put(root.relativize(p).toString(), facts);
            }
        }
        return out;
    }
}
