package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IngestCommandTest {
    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private static String record(String id) {
        return "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-03-01T10:00:00Z\",\"eventSource\":\"s3.amazonaws.com\","
                + "\"eventName\":\"GetObject\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"192.0.2.7\",\"eventID\":\"" + id + "\"}";
    }

    @Test
    void allLoadedExitsZeroAndSummarises() throws Exception {
        Files.writeString(dir.resolve("a.json"), "{\"Records\":[" + record("1") + "," + record("2") + "]}");
        int code = run("ingest", "--db", dir.resolve("t.duckdb").toString(), dir.resolve("a.json").toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("files: 1 loaded, 0 skipped (0 digest), 0 rejected, 0 partial"), out.toString());
        assertTrue(out.toString().contains("events: 2 read, 2 added, 0 duplicates not stored again"), out.toString());
        assertTrue(out.toString().contains("time range: 2024-03-01T10:00:00Z .. 2024-03-01T10:00:00Z"), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void rejectedFilesExitThreeWithOneLineEach() throws Exception {
        Files.writeString(dir.resolve("a.json"), "{\"Records\":[" + record("1") + "]}");
        Files.writeString(dir.resolve("b.json"), "garbage");
        Files.writeString(dir.resolve("c.json"), "");
        int code = run("ingest", "--db", dir.resolve("t.duckdb").toString(), dir.toString());
        assertEquals(3, code);
        String[] lines = err.toString().strip().split("\\R");
        assertEquals(2, lines.length, err.toString());
        assertEquals("rejected: " + dir.resolve("b.json") + ": not JSON: starts with 'g'", lines[0]);
        assertEquals("rejected: " + dir.resolve("c.json") + ": empty file", lines[1]);
        assertFalse(err.toString().contains("\tat "));
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("ingest"));
        assertEquals(2, run("ingest", "--db", dir.resolve("t.duckdb").toString(), dir.resolve("missing").toString()));
        assertTrue(err.toString().contains("no such file or directory: " + dir.resolve("missing")), err.toString());
    }

    @Test
    void anUnopenableStoreExitsOneWithoutStackTrace() throws Exception {
        Files.writeString(dir.resolve("a.json"), "{\"Records\":[" + record("1") + "]}");
        Files.writeString(dir.resolve("not-a-dir"), "x");
        int code = run("ingest", "--db", dir.resolve("not-a-dir").resolve("t.duckdb").toString(), dir.resolve("a.json").toString());
        assertEquals(1, code);
        assertTrue(err.toString().startsWith("trailhunt ingest: "), err.toString());
        assertFalse(err.toString().contains("\tat "));
    }

    @Test
    void progressShowsRateAndTimeLeft() {
        assertEquals("files 50/200, events 250000 (25000/s), 3.0 MB/s, ~0:30 left",
                IngestCommand.TerminalProgress.line(50, 200, 250_000, 30_000_000, 10.0));
        assertEquals("files 200/200, events 1000000 (25000/s), 3.0 MB/s",
                IngestCommand.TerminalProgress.line(200, 200, 1_000_000, 120_000_000, 40.0));
        assertEquals("files 0/3, events 0 (0/s), 0.0 MB/s", IngestCommand.TerminalProgress.line(0, 3, 0, 0, 0));
    }
}
