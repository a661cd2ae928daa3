package dev.trailhunt.ingest;

import dev.trailhunt.engine.InputFile;
import static dev.trailhunt.ingest.TrailFiles.column;
import static dev.trailhunt.ingest.TrailFiles.count;
import static dev.trailhunt.ingest.TrailFiles.record;
import static dev.trailhunt.ingest.TrailFiles.records;
import static dev.trailhunt.ingest.TrailFiles.recordsObject;
import static dev.trailhunt.ingest.TrailFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.engine.RawDuckDb;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngesterTest {
    @TempDir Path dir;

    private Path db() {
        return dir.resolve("store.duckdb");
    }

    private IngestSummary ingest(Path... inputs) {
        return new Ingester(new IngestOptions(2, false)).ingest(db(), List.of(inputs), IngestProgress.NONE);
    }

    private static Map<String, InputFile> byName(IngestSummary s) {
        return s.files().stream().collect(Collectors.toMap(f -> Path.of(f.path().replace("!/", "/")).getFileName().toString(),
                Function.identity()));
    }

    @Test
    void readsEveryLayoutByContentNotByName() throws Exception {
        Path in = dir.resolve("in");
        write(in.resolve("a-records.log"), recordsObject(records("a", 3)));
        TrailFiles.gzip(in.resolve("b-records.json"), recordsObject(records("b", 2)));
        write(in.resolve("c-array.txt"), "[" + String.join(",", records("c", 2)) + "]");
        String ndjson = records("d", 2).stream()
                .map(r -> r.replaceFirst("^\\{", "{\"@timestamp\":\"2024-03-01T10:00:01.000Z\",\"@version\":\"1\","))
                .collect(Collectors.joining("\n"));
        // Plain text under a .gz name: the content decides.
        write(in.resolve("d.ndjson.gz"), ndjson + "\n");
        String lookup = "{\"Events\":[" + records("e", 2).stream()
                .map(r -> "{\"EventId\":\"x\",\"EventName\":\"GetSecretValue\",\"CloudTrailEvent\":" + quoteJson(r) + "}")
                .collect(Collectors.joining(",")) + "],\"NextToken\":\"t\"}";
        write(in.resolve("e-lookup.json"), lookup);
        String csv = "Event ID,Event name,CloudTrail event\n" + records("f", 2).stream()
                .map(r -> "x,GetSecretValue,\"" + r.replace("\"", "\"\"") + "\"").collect(Collectors.joining("\r\n")) + "\r\n";
        write(in.resolve("f-export.csv"), csv);
        TrailFiles.zip(in.resolve("g.zip"), "one.json", recordsObject(records("g", 1)), "two.json", String.join("\n", records("h", 2)));
        write(in.resolve("h-eventbridge.json"), "{\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":" + record("i-1", "10.0.0.1") + "}");

        IngestSummary s = ingest(in);

        Map<String, InputFile> f = byName(s);
        assertEquals("records", f.get("a-records.log").format());
        assertEquals("records", f.get("b-records.json").format());
        assertEquals("array", f.get("c-array.txt").format());
        assertEquals("ndjson", f.get("d.ndjson.gz").format());
        assertEquals("lookup-events", f.get("e-lookup.json").format());
        assertEquals("csv", f.get("f-export.csv").format());
        assertEquals("records", f.get("one.json").format());
        assertEquals("ndjson", f.get("two.json").format());
        assertTrue(s.files().stream().allMatch(o -> o.status().equals(InputFile.LOADED)), s.files().toString());
        assertEquals(17, s.eventsAdded());
        assertEquals(0, s.exitCode());
        try (Connection c = RawDuckDb.openReadOnly(db())) {
            assertEquals(17, count(c, "SELECT count(DISTINCT \"event.original\") FROM events"));
            assertEquals(List.of("gzip", "none", "none", "none", "none", "none", "none", "zip", "zip"),
                    column(c, "SELECT compression FROM files ORDER BY compression"));
            // Shipper keys are not CloudTrail: they must not reach event.original.
            assertEquals(0, count(c, "SELECT count(*) FROM events WHERE \"event.original\" LIKE '%@version%'"));
            assertEquals(List.of(in.resolve("g.zip") + "!/two.json"),
                    column(c, "SELECT DISTINCT \"log.file.path\" FROM events WHERE \"event.original\" LIKE '%\"h-0001\"%'"));
            assertEquals(List.of("0", "1", "2"),
                    column(c, "SELECT \"log.offset\" FROM events WHERE \"log.file.path\" LIKE '%a-records.log' ORDER BY 1"));
            assertEquals(List.of(sha256(record("a-0000", "203.0.113.0"))),
                    column(c, "SELECT \"event.hash\" FROM events WHERE \"log.file.path\" LIKE '%a-records.log' AND \"log.offset\" = 0"));
        }
    }

    @Test
    void badInputsAreNamedAndEverythingElseLoads() throws Exception {
        Path in = dir.resolve("in");
        write(in.resolve("1-good.json"), recordsObject(records("g", 4)));
        write(in.resolve("2-not-json.json"), "hello world\n");
        write(in.resolve("3-empty.json"), "");
        write(in.resolve("4-other.json"), "{\"name\":\"not a trail\",\"values\":[1,2,3]}");
        byte[] gz = gzipBytes(recordsObject(records("t", 50)));
        Files.write(in.resolve("5-truncated.json.gz"), Arrays.copyOf(gz, gz.length / 2));
        String whole = recordsObject(records("p", 3));
        write(in.resolve("6-partial.json"), whole.substring(0, whole.indexOf("\"p-0002\"") - 40));
        write(in.resolve("7-digest.json"), "{\"awsAccountId\":\"111122223333\",\"digestStartTime\":\"2024-03-01T10:00:00Z\","
                + "\"digestEndTime\":\"2024-03-01T11:00:00Z\",\"digestS3Bucket\":\"b\",\"logFiles\":[]}");

        IngestSummary s = ingest(in);

        Map<String, InputFile> f = byName(s);
        assertEquals(InputFile.LOADED, f.get("1-good.json").status());
        assertEquals(InputFile.REJECTED, f.get("2-not-json.json").status());
        assertEquals("not JSON: starts with 'h'", f.get("2-not-json.json").reason());
        assertEquals("empty file", f.get("3-empty.json").reason());
        assertTrue(f.get("4-other.json").reason().startsWith("JSON but not CloudTrail"), f.get("4-other.json").reason());
        InputFile truncated = f.get("5-truncated.json.gz");
        assertTrue(truncated.status().equals(InputFile.PARTIAL) || truncated.status().equals(InputFile.REJECTED));
        assertTrue(truncated.reason().contains("truncated gzip stream"), truncated.reason());
        InputFile partial = f.get("6-partial.json");
        assertEquals(InputFile.PARTIAL, partial.status());
        assertEquals(2, partial.events());
        assertTrue(partial.reason().startsWith("invalid JSON at line 1"), partial.reason());
        assertEquals(InputFile.SKIPPED, f.get("7-digest.json").status());
        assertEquals("digest", f.get("7-digest.json").format());
        assertEquals(IngestSummary.SOME_FILES_FAILED, s.exitCode());
        try (Connection c = RawDuckDb.openReadOnly(db())) {
            assertEquals(4 + 2 + truncated.events(), count(c, "SELECT count(*) FROM events"));
            assertEquals(List.of("1-good.json:loaded", "2-not-json.json:rejected", "3-empty.json:rejected",
                            "4-other.json:rejected", "5-truncated.json.gz:" + truncated.status(), "6-partial.json:partial",
                            "7-digest.json:skipped"),
                    column(c, "SELECT regexp_extract(path, '[^/]+$') || ':' || status FROM files ORDER BY path"));
        }
    }

    @Test
    void reingestAddsNothingAndDuplicatesFollowEventContent() throws Exception {
        Path in = dir.resolve("in");
        write(in.resolve("a.json"), recordsObject(List.of(record("same", "198.51.100.1"), record("x-1", "198.51.100.2"))));
        // Delivered again in another file (at-least-once): identical record, plus a different record sharing its eventID.
        write(in.resolve("b.json"), recordsObject(List.of(record("same", "198.51.100.1"), record("same", "198.51.100.9"),
                record("same", "198.51.100.9"))));
        IngestSummary first = ingest(in);
        assertEquals(3, first.eventsAdded());
        assertEquals(2, first.duplicatesSkipped());

        write(in.resolve("c-copy.json"), Files.readString(in.resolve("a.json")));
        IngestSummary second = ingest(in);
        assertEquals(0, second.eventsAdded());
        Map<String, InputFile> f = byName(second);
        assertEquals("already loaded", f.get("a.json").reason());
        assertEquals("same content as " + in.resolve("a.json"), f.get("c-copy.json").reason());
        assertEquals(0, second.exitCode());
        try (Connection c = RawDuckDb.openReadOnly(db())) {
            assertEquals(List.of("198.51.100.1", "198.51.100.9"),
                    column(c, "SELECT DISTINCT json_extract_string(\"event.original\", '$.sourceIPAddress') FROM events"
                            + " WHERE \"event.original\" LIKE '%\"eventID\":\"same\"%' ORDER BY 1"));
            // The first copy in input order is the one kept.
            assertEquals(List.of(in.resolve("a.json") + ":0", in.resolve("b.json") + ":1"),
                    column(c, "SELECT \"log.file.path\" || ':' || \"log.offset\" FROM events"
                            + " WHERE \"event.original\" LIKE '%\"eventID\":\"same\"%' ORDER BY 1"));
            assertEquals(3, count(c, "SELECT count(*) FROM files"));
        }
    }

    @Test
    void aLaterRunSkipsRecordsTheStoreHoldsFromOtherFiles() throws Exception {
        Path in = dir.resolve("in");
        write(in.resolve("a.json"), recordsObject(List.of(record("a-1", "198.51.100.1"), record("a-2", "198.51.100.2"))));
        assertEquals(2, ingest(in).eventsAdded());
        // Other bytes (a different file), but one record is already stored from the first run.
        write(in.resolve("b.json"), recordsObject(List.of(record("b-1", "198.51.100.3"), record("a-2", "198.51.100.2"))));
        IngestSummary second = ingest(in);
        assertEquals(1, second.eventsAdded());
        assertEquals(1, second.duplicatesSkipped());
        try (Connection c = RawDuckDb.openReadOnly(db())) {
            assertEquals(List.of(in.resolve("a.json") + ":0", in.resolve("a.json") + ":1", in.resolve("b.json") + ":0"),
                    column(c, "SELECT \"log.file.path\" || ':' || \"log.offset\" FROM events ORDER BY 1"));
        }
    }

    @Test
    void textWithTheStagingQuoteCommasQuotesAndNewlinesIsStoredAsRead() throws Exception {
        Path in = dir.resolve("in");
        // JSON escapes of U+0001 (the staging quote), U+001F (the list separator), a newline, a quote and a comma.
        String agent = "odd\\u0001agent \\\"x\\\", y\\nz\\u001f\\u0001\\u0001";
        String decoded = "odd\u0001agent \"x\", y\nz\u001f\u0001\u0001";
        write(in.resolve("a.json"), recordsObject(List.of(record("q-1", "198.51.100.1")
                .replace("aws-cli/2.13.5 Python/3.11.4 Linux/6.1 exe/x86_64", agent)
                .replace("\"prod/db\"", "\"\"").replace("\"userName\":\"alice\"", "\"userName\":\"\\u0001\""))));
        assertEquals(1, ingest(in).eventsAdded());
        try (Connection c = RawDuckDb.openReadOnly(db())) {
            assertEquals(List.of(decoded), column(c, "SELECT \"user_agent.original\" FROM events"));
            assertEquals(List.of("\u0001"), column(c, "SELECT \"user.name\" FROM events"));
            assertEquals(List.of(decoded), column(c, "SELECT json_extract_string(\"event.original\", '$.userAgent') FROM events"));
        }
    }

    @Test
    void symlinkLoopsAndRepeatedPathsAreReadOnce() throws Exception {
        Path in = dir.resolve("in");
        write(in.resolve("sub/a.json"), recordsObject(records("a", 2)));
        Files.createSymbolicLink(in.resolve("sub/loop"), in);
        IngestSummary s = ingest(in, in.resolve("sub/a.json"));
        assertEquals(1, s.files().size());
        assertEquals(2, s.eventsAdded());
    }

    @Test
    void aLargeFileIsLoadedInSeveralChunksInOneTransaction() throws Exception {
        int n = (int) FileTask.PART_ROWS + 1234;
        StringBuilder sb = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(record("big-" + i, "192.0.2.1"));
        }
        TrailFiles.gzip(dir.resolve("big.json.gz"), sb.append("]}").toString());
        IngestSummary s = ingest(dir.resolve("big.json.gz"));
        assertEquals(n, s.eventsAdded());
        try (Connection c = RawDuckDb.openReadOnly(db())) {
            assertEquals(n, count(c, "SELECT count(DISTINCT \"log.offset\") FROM events"));
            assertEquals(n - 1, count(c, "SELECT max(\"log.offset\") FROM events"));
        }
        assertNull(byName(s).get("big.json.gz").reason());
    }

    private static byte[] gzipBytes(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String quoteJson(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String sha256(String s) throws Exception {
        var md = java.security.MessageDigest.getInstance("SHA-256");
        return java.util.HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
