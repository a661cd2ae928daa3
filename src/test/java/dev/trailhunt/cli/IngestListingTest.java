package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ingest says about files beside the logs, about a run that adds nothing, and what the files table keeps. */
class IngestListingTest {
    private static final String LOG = "{\"Records\":[{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-03-01T10:00:00Z\","
            + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"awsRegion\":\"us-east-1\","
            + "\"sourceIPAddress\":\"192.0.2.7\",\"eventID\":\"e1\"},{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-03-02T11:30:00Z\","
            + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"PutObject\",\"awsRegion\":\"us-east-1\","
            + "\"sourceIPAddress\":\"192.0.2.7\",\"eventID\":\"e2\"}]}";

    @TempDir Path dir;

    @Test
    void textBesideTheLogsIsIgnoredWithoutFailingTheRunButACorruptLogStillFails() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("a.json"), LOG);
        Files.writeString(logs.resolve("LICENSE"), "Apache License\nVersion 2.0, January 2004\n");
        Files.writeString(logs.resolve("README.md"), "# CloudTrail export\n\nThese are the logs of case 42.\n");
        String db = dir.resolve("t.duckdb").toString();
        Cli r = Cli.run("ingest", "--db", db, logs.toString());
        assertEquals(0, r.code(), "text files are no failure: " + r.err());
        assertEquals(List.of("ignored: " + logs.resolve("LICENSE") + ": not a log (not JSON: starts with 'A')",
                "ignored: " + logs.resolve("README.md") + ": not a log (not JSON: starts with '#')"), r.errLines());
        assertTrue(r.out().contains("files: 1 loaded, 0 skipped (0 digest), 2 ignored (not logs), 0 rejected, 0 partial"), r.out());

        Files.writeString(logs.resolve("b.json"), "{\"Records\":[{\"eventVersion\":");
        Cli broken = Cli.run("ingest", "--db", db, logs.toString());
        assertEquals(3, broken.code(), "a corrupt log still makes the run fail: " + broken.err());
        assertTrue(broken.errLines().stream().anyMatch(l -> l.startsWith("rejected: " + logs.resolve("b.json"))), broken.err());
    }

    @Test
    void aReIngestThatAddsNothingPrintsTheStoresTimeRange() throws Exception {
        Files.writeString(dir.resolve("a.json"), LOG);
        String db = dir.resolve("t.duckdb").toString();
        assertEquals(0, Cli.run("ingest", "--db", db, dir.resolve("a.json").toString()).code());
        Cli again = Cli.run("ingest", "--db", db, dir.resolve("a.json").toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("events: 0 read, 0 added"), again.out());
        assertTrue(again.out().contains("time range: 2024-03-01T10:00:00Z .. 2024-03-02T11:30:00Z (the store's; this run added no events)"),
                again.out());
    }

    @Test
    void skippedZipEntriesKeepTheirRealCompressionAndFormat() throws Exception {
        byte[] gz = gzip(LOG.getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("first.json.gz"), gz);
        Path zip = dir.resolve("export.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("copy.json.gz"));
            z.write(gz);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("plain.json"));
            z.write(LOG.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        Files.writeString(dir.resolve("plain.json"), LOG);
        String db = dir.resolve("t.duckdb").toString();
        assertEquals(0, Cli.run("ingest", "--db", db, dir.resolve("first.json.gz").toString(), dir.resolve("plain.json").toString()).code());
        Cli z = Cli.run("ingest", "--db", db, zip.toString());
        assertEquals(0, z.code(), z.err());
        Cli files = Cli.run("query", "--db", db, "-f", "csv", "--sql",
                "SELECT path, compression, format, status FROM files ORDER BY path");
        assertEquals(0, files.code(), files.err());
        // The zip's entries hold the same bytes as the files loaded first: skipped, with what those bytes are.
        assertTrue(files.out().contains(zip + "!/copy.json.gz,zip+gzip,records,skipped"), files.out());
        assertTrue(files.out().contains(zip + "!/plain.json,zip,records,skipped"), files.out());
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream g = new GZIPOutputStream(b)) {
            g.write(data);
        }
        return b.toByteArray();
    }
}
