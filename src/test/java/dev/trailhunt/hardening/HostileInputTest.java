package dev.trailhunt.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trailhunt.cli.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhunt.hardening.StoreContents.FileRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the ingest command hostile and odd files made here, and asserts for each the events
 * stored, the files-table row, the line printed and the exit code.
 */
class HostileInputTest {
    private static final int OK = 0;
    private static final int SOME_FILES_FAILED = 3;

    @TempDir Path dir;

    private final TrailRecords trail = new TrailRecords(6);

    @Test
    void truncatedGzipKeepsEveryRecordBeforeTheCut() throws Exception {
        List<ObjectNode> records = trail.next(40);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int cut;
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, true)) {
            gz.write("{\"Records\":[".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 25; i++) {
                gz.write((records.get(i) + ",").getBytes(StandardCharsets.UTF_8));
            }
            // A sync flush makes exactly the first 25 records decodable from the bytes written so far.
            gz.flush();
            cut = bytes.size();
            for (int i = 25; i < 40; i++) {
                gz.write((records.get(i) + (i < 39 ? "," : "]}")).getBytes(StandardCharsets.UTF_8));
            }
        }
        Path f = write("cut.json.gz", Arrays.copyOf(bytes.toByteArray(), cut));
        Outcome o = ingest(f);
        o.expect(SOME_FILES_FAILED, 25, "partial", "truncated gzip stream after 25 records");
    }

    @Test
    void missingCommaKeepsTheRecordsBeforeIt() throws Exception {
        List<ObjectNode> r = trail.next(5);
        String text = "{\"Records\":[" + r.get(0) + "," + r.get(1) + "," + r.get(2) + " " + r.get(3) + "," + r.get(4) + "]}";
        Outcome o = ingest(write("comma.json", text));
        o.expectCounts(SOME_FILES_FAILED, 3, "partial");
        assertTrue(o.file.reason().startsWith("invalid JSON at line 1, column "), o.file.reason());
        assertTrue(o.file.reason().endsWith(" after 3 records"), o.file.reason());
        o.expectPrinted();
        assertOriginals(o.db, r.subList(0, 3));
    }

    @Test
    void brokenNdjsonLinesAreSkippedAndEveryOtherRecordKept() throws Exception {
        List<ObjectNode> r = trail.next(6);
        String text = r.get(0) + "\n" + r.get(1) + "\n"
                + "{\"eventVersion\":\"1.08\",\"eventTime\" \"2024-01-01T00:00:00Z\"}\n" // line 3: missing colon
                + r.get(2) + "\n" + r.get(3) + "\n"
                + "{\"eventVersion\":\"1.08\",\n" // line 6: cut short, line 7 is garbage
                + "not json at all\n"
                + r.get(4) + "\n" + r.get(5) + "\n";
        Outcome o = ingest(write("lines.ndjson", text));
        o.expectCounts(SOME_FILES_FAILED, 6, "partial");
        assertTrue(o.file.reason().startsWith("2 unreadable lines skipped, first: invalid JSON at line 3, column "),
                o.file.reason());
        o.expectPrinted();
        assertOriginals(o.db, r);
    }

    @Test
    void jsonThatIsNotCloudTrailIsRejected() throws Exception {
        Outcome o = ingest(write("inventory.json", "{\"kind\":\"inventory\",\"items\":[{\"id\":1},{\"id\":2}]}"));
        o.expectCounts(SOME_FILES_FAILED, 0, "rejected");
        assertTrue(o.file.reason().startsWith("JSON but not CloudTrail"), o.file.reason());
        o.expectPrinted();
    }

    @Test
    void emptyFileIsRejected() throws Exception {
        ingest(write("empty.json", new byte[0])).expect(SOME_FILES_FAILED, 0, "rejected", "empty file");
    }

    @Test
    void zeroByteGzipIsRejected() throws Exception {
        ingest(write("empty.json.gz", new byte[0])).expect(SOME_FILES_FAILED, 0, "rejected", "empty file");
    }

    @Test
    void randomBytesAreRejected() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(66).nextBytes(noise);
        noise[0] = 0x07;
        Outcome o = ingest(write("noise.bin", noise));
        o.expect(SOME_FILES_FAILED, 0, "rejected", "not JSON: starts with '\\x07'");
    }

    @Test
    void byteOrderMarkIsSkipped() throws Exception {
        List<ObjectNode> r = trail.next(3);
        byte[] body = TrailRecords.recordsFile(r).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Outcome o = ingest(write("bom.json", withBom));
        o.expect(OK, 3, "loaded", null);
        assertOriginals(o.db, r);
    }

    @Test
    void invalidUtf8InsideAStringKeepsEveryRecord() throws Exception {
        List<ObjectNode> r = trail.next(3);
        r.get(1).put("userAgent", "agent-MARK");
        byte[] text = TrailRecords.recordsFile(r).getBytes(StandardCharsets.UTF_8);
        byte[] marker = "MARK".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(text, marker);
        // 0xFF never occurs in UTF-8, 0xC3 0x28 is a lead byte followed by a non-continuation byte.
        byte[] bad = {(byte) 0xFF, (byte) 0xC3, 0x28, 0x41};
        System.arraycopy(bad, 0, text, at, bad.length);
        Outcome o = ingest(write("latin.json", text));
        // Elastic's shipper decodes invalid UTF-8 as U+FFFD; the record is readable, so it is stored.
        o.expect(OK, 3, "loaded", null);
        List<List<Object>> agents = StoreContents.rows(o.db,
                "SELECT \"user_agent.original\" FROM events WHERE \"user_agent.original\" LIKE 'agent-%'");
        assertEquals(1, agents.size());
        assertEquals("agent-\uFFFD\uFFFD(A", agents.get(0).get(0));
    }

    @Test
    void digestFileIsSkippedAndCounted() throws Exception {
        String digest = """
                {"awsAccountId":"111122223333","digestStartTime":"2024-05-01T00:00:00Z","digestEndTime":"2024-05-01T01:00:00Z",
                 "digestS3Bucket":"trail-bucket","digestS3Object":"AWSLogs/111122223333/CloudTrail-Digest/x.json.gz",
                 "digestPublicKeyFingerprint":"0123abcd","digestSignatureAlgorithm":"SHA256withRSA",
                 "newestEventTime":"2024-05-01T00:59:00Z","oldestEventTime":"2024-05-01T00:00:05Z",
                 "previousDigestS3Bucket":null,"previousDigestSignature":null,"logFiles":[]}""";
        Outcome o = ingest(write("111122223333_CloudTrail-Digest_us-east-1_x.json", digest));
        o.expect(OK, 0, "skipped", "CloudTrail-Digest file");
        assertEquals("digest", o.file.format());
        assertTrue(o.cli.out().contains("files: 0 loaded, 1 skipped (1 digest), 0 rejected, 0 partial"), o.cli.out());
    }

    @Test
    void wrongTypesAreStoredWithTheirError() throws Exception {
        List<ObjectNode> r = trail.next(3);
        r.get(0).put("eventTime", "yesterday at noon");
        r.get(1).put("userIdentity", "root");
        Outcome o = ingest(write("types.json", TrailRecords.recordsFile(r)));
        o.expect(OK, 3, "loaded", null);
        assertOriginals(o.db, r);
        List<List<Object>> bad = StoreContents.rows(o.db, "SELECT \"event.kind\", \"error.message\", \"@timestamp\" = \"event.created\""
                + " FROM events WHERE \"event.id\" = '" + r.get(0).get("eventID").asText() + "'");
        assertEquals("pipeline_error", bad.get(0).get(0));
        @SuppressWarnings("unchecked")
        List<Object> errors = (List<Object>) bad.get(0).get(1);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).toString().contains("yesterday at noon"), errors.toString());
        // The pipeline keeps the read time as @timestamp when eventTime does not parse.
        assertEquals(true, bad.get(0).get(2));
        List<List<Object>> stringIdentity = StoreContents.rows(o.db, "SELECT \"aws.cloudtrail.user_identity.type\", \"event.action\""
                + " FROM events WHERE \"event.id\" = '" + r.get(1).get("eventID").asText() + "'");
        assertEquals(Arrays.asList(null, r.get(1).get("eventName").asText()), stringIdentity.get(0));
    }

    @Test
    void hundredDeepParametersLoad() throws Exception {
        ObjectNode r = trail.next();
        ObjectNode node = TrailRecords.JSON.createObjectNode().put("leaf", "x");
        for (int i = 1; i < 100; i++) {
            ObjectNode parent = TrailRecords.JSON.createObjectNode();
            parent.set("a", node);
            node = parent;
        }
        r.set("requestParameters", node);
        Outcome o = ingest(write("deep.json", TrailRecords.recordsFile(List.of(r))));
        o.expect(OK, 1, "loaded", null);
        assertOriginals(o.db, List.of(r));
        assertEquals("{a=".repeat(99) + "{leaf=x}" + "}".repeat(99),
                StoreContents.rows(o.db, "SELECT \"aws.cloudtrail.request_parameters\" FROM events").get(0).get(0));
    }

    @Test
    void thousandsDeepParametersNeitherAbortTheRunNorLoseTheRecord() throws Throwable {
        // Building, writing and comparing 5000-level trees recurses per level, as mapping does.
        Throwable[] failure = new Throwable[1];
        Thread big = new Thread(null, () -> {
            try {
                thousandsDeep();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "deep", 512L << 20);
        big.start();
        big.join();
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private void thousandsDeep() throws Exception {
        List<ObjectNode> r = trail.next(3);
        ObjectNode node = TrailRecords.JSON.createObjectNode().put("leaf", "x");
        for (int i = 1; i < 5_000; i++) {
            ObjectNode parent = TrailRecords.JSON.createObjectNode();
            parent.set("a", node);
            node = parent;
        }
        r.get(1).set("requestParameters", node);
        Path deep = write("deeper/deep.json", TrailRecords.recordsFile(r));
        write("deeper/other.json", TrailRecords.recordsFile(trail.next(2)));
        Path db = dir.resolve("store.duckdb");
        Cli cli = Cli.run("ingest", "--db", db.toString(), deep.getParent().toString());
        assertEquals(OK, cli.code(), cli.out() + cli.err());
        assertEquals(5, StoreContents.events(db));
        FileRow row = row(db, "deep.json");
        assertEquals("loaded", row.status());
        assertEquals(3, row.events());
        assertOriginals(db, "deep.json", r);
        assertTrue(((String) StoreContents.rows(db, "SELECT \"aws.cloudtrail.request_parameters\" FROM events"
                + " WHERE \"event.id\" = '" + r.get(1).get("eventID").asText() + "'").get(0).get(0)).startsWith("{a={a={a="));
    }

    @Test
    void fiveMegabyteRecordLoadsWhole() throws Exception {
        ObjectNode r = trail.next();
        char[] big = new char[5 * 1024 * 1024];
        Arrays.fill(big, 'p');
        r.putObject("requestParameters").put("policyDocument", new String(big));
        Outcome o = ingest(write("big.json", TrailRecords.recordsFile(List.of(r))));
        o.expect(OK, 1, "loaded", null);
        assertOriginals(o.db, List.of(r));
    }

    @Test
    void symlinkLoopIsCutAndEveryFileReadOnce() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("tree/logs/sub"));
        List<ObjectNode> r = trail.next(2);
        write("tree/logs/a.json", TrailRecords.recordsFile(r));
        Files.createSymbolicLink(logs.resolve("loop"), logs.getParent());
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> ingest(dir.resolve("tree")));
        o.expect(OK, 2, "loaded", null);
        assertEquals(1, StoreContents.files(o.db).size());
    }

    @Test
    void fileWithoutReadPermissionIsRejected() throws Exception {
        Path f = write("secret.json", TrailRecords.recordsFile(trail.next(1)));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        // root reads a mode-000 file anyway; the dangling-link and FIFO cases cover that account.
        assumeFalse(Files.isReadable(f), "running as root: chmod 000 does not make a file unreadable");
        ingest(f).expectCounts(SOME_FILES_FAILED, 0, "rejected");
    }

    @Test
    void danglingSymlinkInATreeIsReportedAndTheRestLoads() throws Exception {
        Files.createDirectories(dir.resolve("tree"));
        write("tree/good.json", TrailRecords.recordsFile(trail.next(2)));
        Files.createSymbolicLink(dir.resolve("tree/gone.json"), dir.resolve("tree/deleted.json"));
        Path db = dir.resolve("store.duckdb");
        Cli cli = Cli.run("ingest", "--db", db.toString(), dir.resolve("tree").toString());
        assertEquals(SOME_FILES_FAILED, cli.code(), cli.err());
        assertEquals(2, StoreContents.events(db));
        FileRow gone = row(db, "gone.json");
        assertEquals("rejected", gone.status());
        assertEquals("cannot read: no such file (dangling symbolic link)", gone.reason());
        assertEquals(List.of("rejected: " + gone.path() + ": " + gone.reason()), cli.errLines());
        assertEquals("loaded", row(db, "good.json").status());
    }

    @Test
    void fifoIsReportedWithoutBlocking() throws Exception {
        Files.createDirectories(dir.resolve("tree"));
        write("tree/good.json", TrailRecords.recordsFile(trail.next(2)));
        Path fifo = dir.resolve("tree/pipe.json");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is unavailable");
        for (Path input : List.of(dir.resolve("tree"), fifo)) {
            Path db = Files.createTempFile(dir, "fifo", ".duckdb");
            Files.delete(db);
            Cli cli = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> Cli.run("ingest", "--db", db.toString(), input.toString()));
            assertEquals(SOME_FILES_FAILED, cli.code(), cli.err());
            FileRow pipe = row(db, "pipe.json");
            assertEquals("rejected", pipe.status());
            assertEquals("not a regular file (a named pipe)", pipe.reason());
            assertEquals(List.of("rejected: " + pipe.path() + ": " + pipe.reason()), cli.errLines());
        }
    }

    // ---- helpers

    /** Holds one ingest run of one input and the single files-table row it produced. */
    private record Outcome(Cli cli, Path db, FileRow file) {
        void expectCounts(int exit, long stored, String status) throws Exception {
            assertEquals(exit, cli.code(), cli.out() + cli.err());
            assertEquals(stored, StoreContents.events(db), "stored events");
            assertEquals(status, file.status(), file.toString());
            assertEquals(stored, file.events(), file.toString());
        }

        void expect(int exit, long stored, String status, String reason) throws Exception {
            expectCounts(exit, stored, status);
            assertEquals(reason, file.reason());
            if (status.equals("rejected") || status.equals("partial")) {
                expectPrinted();
            } else {
                assertEquals(List.of(), cli.errLines(), "nothing on stderr");
            }
        }

        void expectPrinted() {
            assertEquals(List.of(file.status() + ": " + file.path() + ": " + file.reason()), cli.errLines());
        }
    }

    private Outcome ingest(Path input) throws Exception {
        Path db = dir.resolve("store.duckdb");
        Cli cli = Cli.run("ingest", "--db", db.toString(), input.toString());
        List<FileRow> files = StoreContents.files(db);
        assertEquals(1, files.size(), files.toString());
        return new Outcome(cli, db, files.get(0));
    }

    private static FileRow row(Path db, String name) throws Exception {
        return StoreContents.files(db).stream().filter(f -> f.path().endsWith(name)).findFirst().orElseThrow();
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        return Files.write(f, bytes);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("marker not found");
    }

    /** Asserts that the stored event.original values are exactly the given records, compared as JSON trees. */
    static void assertOriginals(Path db, List<ObjectNode> expected) throws Exception {
        assertOriginals(db, "", expected);
    }

    /** Asserts the event.original values of the files whose path ends in {@code suffix}. */
    static void assertOriginals(Path db, String suffix, List<ObjectNode> expected) throws Exception {
        List<JsonNode> stored = new ArrayList<>();
        for (List<Object> row : StoreContents.rows(db, "SELECT \"event.original\" FROM events WHERE \"log.file.path\" LIKE '%"
                + suffix + "' ORDER BY \"log.file.path\", \"log.offset\"")) {
            stored.add(TrailRecords.JSON.readTree((String) row.get(0)));
        }
        assertEquals(expected, stored);
    }
}
