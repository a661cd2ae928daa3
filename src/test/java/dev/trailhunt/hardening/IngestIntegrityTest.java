package dev.trailhunt.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhunt.cli.Cli;
import dev.trailhunt.hardening.StoreContents.FileRow;
import dev.trailhunt.ingest.IngestHooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Class 3: ingest never loses or misdates data silently. A file that changes while it is read is
 * rejected and loaded by the next run; huge user agents keep ingest linear; unreadable directories,
 * UTF-16/32 text, nested archives and link loops are named; and an {@code event.original} that is not
 * the input's own text is tagged.
 */
class IngestIntegrityTest {
    @RegisterExtension static final HardeningTally TALLY = new HardeningTally(3);

    private static final int OK = 0;
    private static final int SOME_FILES_FAILED = 3;

    @TempDir Path dir;

    private final TrailRecords trail = new TrailRecords(303);

    // ---- 1. a file that changes while it is read

    /** Names how an input changes while trailhunt reads it. */
    enum Change {
        /** Rewritten in place with more records between the hash pass and the parse pass. */
        REWRITTEN_LONGER,
        /** Rewritten in place with other bytes of the same length, its modification time put back. */
        REWRITTEN_SAME_SIZE_AND_TIME,
        /** Replaced by a rename (a new file) between the passes. */
        REPLACED_BY_RENAME,
        /** Its modification time changed between the passes, its bytes not. */
        TOUCHED,
        /** Grown after the first record was parsed. */
        APPENDED_MID_READ,
        /** Cut to half its length after the first record was parsed. */
        TRUNCATED_MID_READ,
    }

    /** Names how the changing input is delivered. */
    enum Layout {
        RECORDS("changing.json"), NDJSON("changing.ndjson"), GZIP("changing.json.gz"), ZIP("changing.zip");

        final String name;

        Layout(String name) {
            this.name = name;
        }

        byte[] bytes(List<ObjectNode> records) throws IOException {
            String json = TrailRecords.recordsFile(records);
            return switch (this) {
                case RECORDS -> json.getBytes(StandardCharsets.UTF_8);
                case NDJSON -> {
                    StringBuilder b = new StringBuilder();
                    records.forEach(r -> b.append(TrailRecords.text(r)).append('\n'));
                    yield b.toString().getBytes(StandardCharsets.UTF_8);
                }
                case GZIP -> gzip(json.getBytes(StandardCharsets.UTF_8));
                case ZIP -> zip("inner/changing.json", json.getBytes(StandardCharsets.UTF_8));
            };
        }
    }

    static Stream<Arguments> changes() {
        List<Arguments> out = new ArrayList<>();
        int i = 0;
        for (Change c : Change.values()) {
            for (Layout l : Layout.values()) {
                // Big inputs exceed the 64 KiB read buffer, so that a change mid-read reaches the parser.
                out.add(Arguments.of(c, l, i++ % 2 == 0 ? 5 : 400));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} records")
    @MethodSource("changes")
    void aFileChangedWhileReadIsRejectedAndTheNextRunLoadsIt(Change change, Layout layout, int count) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        List<ObjectNode> good = trail.next(3);
        Files.writeString(logs.resolve("good.json"), TrailRecords.recordsFile(good));
        List<ObjectNode> first = trail.next(count);
        Path file = Files.write(logs.resolve(layout.name), layout.bytes(first));
        List<ObjectNode> other = sameLengthVariant(first);
        Path db = dir.resolve("store.duckdb");
        Cli run;
        try (var hook = IngestHooks.whileReading((f, record) -> {
            if (f.getFileName().toString().equals(layout.name)) {
                change(change, layout, f, record, other, count);
            }
        })) {
            run = Cli.run("ingest", "--db", db.toString(), logs.toString());
        }
        TrailStore.assertNoCrash(run);
        assertEquals(SOME_FILES_FAILED, run.code(), run.out() + run.err());
        FileRow row = only(db, layout.name);
        assertEquals("rejected", row.status(), row.toString());
        assertEquals("changed while being read", row.reason());
        assertEquals(0, row.events());
        assertEquals(List.of("rejected: " + row.path() + ": changed while being read"), run.errLines());
        assertEquals(0, eventsOf(db, layout.name), "no event of a changed file is kept");
        assertEquals(good.size(), eventsOf(db, "good.json"));

        // The next run loads the file as it is now, exactly as a fresh store would.
        Cli again = Cli.run("ingest", "--db", db.toString(), logs.toString());
        TrailStore.assertNoCrash(again);
        Path fresh = Files.createDirectories(dir.resolve("fresh"));
        Files.copy(file, fresh.resolve(layout.name));
        Path freshDb = dir.resolve("fresh.duckdb");
        Cli reference = Cli.run("ingest", "--db", freshDb.toString(), fresh.toString());
        assertEquals(reference.code(), again.code(), again.err() + " vs " + reference.err());
        assertEquals(originals(freshDb, layout.name), originals(db, layout.name));
        assertFalse(again.err().contains("changed while being read"), again.err());
        TALLY.held();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aFileRemovedOnceFullyReadStillLoads(Layout layout) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        List<ObjectNode> records = trail.next(6);
        Files.write(logs.resolve(layout.name), layout.bytes(records));
        Path db = dir.resolve("store.duckdb");
        Cli run;
        // The bytes read are the bytes hashed; a file removed after that leaves nothing to doubt.
        try (var hook = IngestHooks.whileReading((f, record) -> {
            if (record == records.size() - 1) {
                delete(f);
            }
        })) {
            run = Cli.run("ingest", "--db", db.toString(), logs.toString());
        }
        assertEquals(OK, run.code(), run.out() + run.err());
        assertEquals("loaded", only(db, layout.name).status());
        assertEquals(records.size(), eventsOf(db, layout.name));
        TALLY.held();
    }

    static Stream<Layout> layouts() {
        return Stream.of(Layout.values());
    }

    private static void change(Change change, Layout layout, Path f, long record, List<ObjectNode> other, int count) {
        try {
            boolean between = record == -1;
            boolean afterFirst = record == 0;
            switch (change) {
                case REWRITTEN_LONGER -> {
                    if (between) {
                        List<ObjectNode> longer = new ArrayList<>(other);
                        longer.addAll(other.subList(0, Math.min(3, other.size())).stream().map(ObjectNode::deepCopy)
                                .peek(r -> r.put("eventName", "Added")).toList());
                        Files.write(f, layout.bytes(longer));
                    }
                }
                case REWRITTEN_SAME_SIZE_AND_TIME -> {
                    if (between) {
                        FileTime time = Files.getLastModifiedTime(f);
                        Files.write(f, layout.bytes(other));
                        Files.setLastModifiedTime(f, time);
                    }
                }
                case REPLACED_BY_RENAME -> {
                    if (between) {
                        Path tmp = f.resolveSibling("tmp-" + f.getFileName());
                        Files.write(tmp, layout.bytes(other));
                        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                case TOUCHED -> {
                    if (between) {
                        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 10_000));
                    }
                }
                case APPENDED_MID_READ -> {
                    if (afterFirst) {
                        Files.write(f, "\n\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
                    }
                }
                case TRUNCATED_MID_READ -> {
                    if (afterFirst) {
                        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                            ch.truncate(ch.size() / 2);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the records with one character of one eventID changed: the same length, other bytes. */
    private static List<ObjectNode> sameLengthVariant(List<ObjectNode> records) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode r : records) {
            out.add(r.deepCopy());
        }
        String id = out.get(0).get("eventID").asText();
        out.get(0).put("eventID", (id.charAt(0) == 'a' ? "b" : "a") + id.substring(1));
        return out;
    }

    // ---- 2. huge user agents

    @ParameterizedTest(name = "agent tail {0}")
    @ValueSource(strings = {"a", "Mozilla/5.0 ", "1", "(", "/", "0.", " "})
    void aHugeUserAgentKeepsIngestLinearAndItsOriginalWhole(String tail) throws Exception {
        List<ObjectNode> records = trail.next(3);
        // 8 MiB: uap's rules spent about 10 µs per character on it, some 80 s per event, before the bound.
        String agent = "aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 " + tail.repeat((8 << 20) / tail.length());
        records.get(1).put("userAgent", agent);
        Path f = Files.writeString(dir.resolve("agent.json"), TrailRecords.recordsFile(records));
        Path db = dir.resolve("store.duckdb");
        Cli run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("ingest", "--db", db.toString(), f.toString()));
        assertEquals(OK, run.code(), run.err());
        List<List<Object>> stored = StoreContents.rows(db, "SELECT length(\"user_agent.original\"), md5(\"user_agent.original\"),"
                + " \"user_agent.name\", \"user_agent.version\" FROM events WHERE \"event.id\" = '" + records.get(1).get("eventID").asText() + "'");
        assertEquals(List.of((long) agent.length(), md5(agent), "aws-cli", "2.15.0"), stored.get(0));
        assertEquals(3, StoreContents.events(db));
        TALLY.held();
    }

    // ---- 3. unreadable directories

    /** Names where in the tree the unreadable directory is. */
    enum Where {
        ROOT(""), SUB("sub"), DEEP("sub/deeper");

        final String relative;

        Where(String relative) {
            this.relative = relative;
        }
    }

    static Stream<Arguments> listFailures() {
        List<Arguments> out = new ArrayList<>();
        for (Where w : Where.values()) {
            out.add(Arguments.of(w, "AccessDeniedException", "permission denied"));
            out.add(Arguments.of(w, "FileSystemException", "input/output error"));
            out.add(Arguments.of(w, "NoSuchFileException", "no such file"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("listFailures")
    void aDirectoryThatCannotBeListedIsReportedAndTheRestLoads(Where where, String failure, String reason) throws Exception {
        Path logs = tree();
        Path bad = where.relative.isEmpty() ? logs : logs.resolve(where.relative);
        Cli run;
        // The failure is injected where the walk lists a directory, so the case holds as root too.
        try (var hook = IngestHooks.failListing(d -> !d.equals(bad) ? null : switch (failure) {
            case "AccessDeniedException" -> new AccessDeniedException(d.toString());
            case "NoSuchFileException" -> new NoSuchFileException(d.toString());
            default -> new FileSystemException(d.toString(), null, "Input/output error");
        })) {
            run = Cli.run("ingest", "--db", dir.resolve("store.duckdb").toString(), logs.toString());
        }
        expectUnreadableDirectory(run, logs, bad, "cannot read directory: " + reason);
        TALLY.held();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Where.class, names = {"ROOT", "SUB"})
    void aDirectoryWithoutPermissionIsReported(Where where) throws Exception {
        Path logs = tree();
        Path bad = where.relative.isEmpty() ? logs : logs.resolve(where.relative);
        Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("---------"));
        try {
            // root lists a mode-000 directory anyway; the injected failures above hold for that account.
            assumeFalse(Files.isReadable(bad), "running as root: chmod 000 does not make a directory unreadable");
            Cli run = Cli.run("ingest", "--db", dir.resolve("store.duckdb").toString(), logs.toString());
            expectUnreadableDirectory(run, logs, bad, "cannot read directory: permission denied");
            TALLY.held();
        } finally {
            Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aTreeDeeperThanThePathLimitIsReportedAndTheRestLoads() throws Exception {
        Path logs = tree();
        // Built bottom-up by renames, so that no path given to the kernel nears its 4096-byte limit
        // until the walk's own: mkdir p; mv c p/LONG; mv p c, 25 times.
        String component = "d".repeat(200);
        Path chain = logs.resolve("c");
        String script = "cd \"$1\" && mkdir c && printf '{}' > c/deep.json && for i in $(seq 1 25); do"
                + " mkdir p && mv c p/" + component + " && mv p c || exit 1; done";
        Process mk = new ProcessBuilder("sh", "-c", script, "sh", logs.toString()).start();
        try {
            assumeTrue(mk.waitFor() == 0, "cannot build a tree deeper than PATH_MAX here");
            Cli run = Cli.run("ingest", "--db", dir.resolve("store.duckdb").toString(), logs.toString());
            TrailStore.assertNoCrash(run);
            assertEquals(SOME_FILES_FAILED, run.code(), run.out() + run.err());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.errLines().get(0).startsWith("rejected: " + chain.resolve(component)), run.err());
            assertTrue(run.errLines().get(0).endsWith(": cannot read: file name too long"), run.err());
            assertEquals(6, StoreContents.events(dir.resolve("store.duckdb")));
            TALLY.held();
        } finally {
            // GNU rm removes trees deeper than PATH_MAX; the TempDir cleanup cannot.
            new ProcessBuilder("rm", "-rf", chain.toString()).start().waitFor();
        }
    }

    @Test
    void aListingThatBreaksPartWayReportsTheDirectory() throws Exception {
        Path d = Files.createDirectories(dir.resolve("half"));
        assertEquals(Map.of(d, "cannot read directory: read error: Input/output error"),
                IngestHooks.listingBrokeAt(d, new IOException("Input/output error")));
        assertEquals(Map.of(d, "cannot read directory: permission denied"),
                IngestHooks.listingBrokeAt(d, new AccessDeniedException(d.toString())));
        TALLY.held();
    }

    /** Makes logs/a.json, logs/sub/b.json and logs/sub/deeper/c.json, two records each. */
    private Path tree() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs/sub/deeper"));
        logs = dir.resolve("logs");
        Files.writeString(logs.resolve("a.json"), TrailRecords.recordsFile(trail.next(2)));
        Files.writeString(logs.resolve("sub/b.json"), TrailRecords.recordsFile(trail.next(2)));
        Files.writeString(logs.resolve("sub/deeper/c.json"), TrailRecords.recordsFile(trail.next(2)));
        return logs;
    }

    private void expectUnreadableDirectory(Cli run, Path logs, Path bad, String reason) throws Exception {
        TrailStore.assertNoCrash(run);
        assertEquals(SOME_FILES_FAILED, run.code(), run.out() + run.err());
        assertEquals(List.of("rejected: " + bad + ": " + reason), run.errLines());
        Path db = dir.resolve("store.duckdb");
        FileRow row = StoreContents.files(db).stream().filter(f -> f.path().equals(bad.toString())).findFirst().orElseThrow();
        assertEquals("rejected", row.status());
        assertEquals(reason, row.reason());
        long outside = Stream.of("a.json", "sub/b.json", "sub/deeper/c.json").filter(f -> !logs.resolve(f).startsWith(bad)).count();
        assertEquals(2 * outside, StoreContents.events(db));
        assertTrue(run.out().contains(", 1 rejected, 0 partial"), run.out());
    }

    // ---- 4. reasons that name what the input is

    /** Names a wide Unicode encoding, with or without its byte-order mark. */
    enum Wide {
        UTF_16LE_BOM("UTF-16LE", true), UTF_16BE_BOM("UTF-16BE", true), UTF_32LE_BOM("UTF-32LE", true),
        UTF_32BE_BOM("UTF-32BE", true), UTF_16LE("UTF-16LE", false), UTF_16BE("UTF-16BE", false),
        UTF_32LE("UTF-32LE", false), UTF_32BE("UTF-32BE", false);

        final Charset charset;
        final boolean bom;

        Wide(String charset, boolean bom) {
            this.charset = Charset.forName(charset);
            this.bom = bom;
        }

        byte[] encode(String text) {
            return ((bom ? "\uFEFF" : "") + text).getBytes(charset);
        }
    }

    /** Names the shape of the text that is encoded. */
    enum Text { RECORDS, NDJSON, CSV_EXPORT, GZIP_RECORDS }

    static Stream<Arguments> wideTexts() {
        List<Arguments> out = new ArrayList<>();
        for (Wide w : Wide.values()) {
            for (Text t : Text.values()) {
                out.add(Arguments.of(w, t));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wideTexts")
    void utf16AndUtf32TextLoadsAsItsUtf8CopyDoes(Wide wide, Text shape) throws Exception {
        List<ObjectNode> records = trail.next(4);
        // Characters outside the BMP are surrogate pairs in UTF-16: they must survive the re-encoding.
        records.get(0).put("userAgent", "agent \uD83D\uDE00 caf\u00e9 \u2603");
        records.get(3).putObject("requestParameters").put("name", "\uD800\uDC00 \uFFFF \u0000");
        String text = switch (shape) {
            case RECORDS, GZIP_RECORDS -> TrailRecords.recordsFile(records);
            case NDJSON -> String.join("\n", records.stream().map(TrailRecords::text).toList()) + "\n";
            case CSV_EXPORT -> "EventId,EventName,CloudTrailEvent\n" + String.join("\n", records.stream().map(r ->
                    r.get("eventID").asText() + "," + r.get("eventName").asText() + ",\"" + TrailRecords.text(r).replace("\"", "\"\"") + "\"").toList()) + "\n";
        };
        byte[] bytes = wide.encode(text);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.write(logs.resolve("a-wide.json"), shape == Text.GZIP_RECORDS ? gzip(bytes) : bytes);
        Files.write(logs.resolve("b-utf8.json"), text.getBytes(StandardCharsets.UTF_8));
        Path db = dir.resolve("store.duckdb");
        Cli run = Cli.run("ingest", "--db", db.toString(), logs.toString());
        assertEquals(OK, run.code(), run.out() + run.err());
        assertEquals(List.of(), run.errLines());
        // The UTF-8 copy adds nothing: the same events, byte for byte in event.original.
        assertTrue(run.out().contains("events: 8 read, 4 added, 4 duplicates not stored again"), run.out());
        assertEquals(4, eventsOf(db, "a-wide.json"));
        assertEquals(new HashSet<>(records), originals(db, "a-wide.json"));
        assertEquals(List.of(), StoreContents.rows(db, "SELECT tags FROM events WHERE tags IS NOT NULL"), "nothing was replaced");
        TALLY.held();
    }

    @Test
    void utf16TextThatIsNotCloudTrailIsNamedWithoutNuls() throws Exception {
        Path f = Files.write(dir.resolve("inventory.csv"), Wide.UTF_16LE_BOM.encode("host,owner\nweb-1,ops\n"));
        Cli run = Cli.run("ingest", "--db", dir.resolve("store.duckdb").toString(), f.toString());
        assertEquals(SOME_FILES_FAILED, run.code());
        assertEquals(List.of("rejected: " + f + ": CSV without a CloudTrailEvent column, not CloudTrail records (header: host,owner)"),
                run.errLines());
        TALLY.held();
    }

    static Stream<Arguments> nestedArchives() throws IOException {
        byte[] records = TrailRecords.recordsFile(new TrailRecords(9).next(2)).getBytes(StandardCharsets.UTF_8);
        byte[] innerZip = zip("x.json", records);
        return Stream.of(
                Arguments.of("outer.zip", zip("inner.zip", innerZip), "outer.zip!/inner.zip",
                        "a zip archive inside a zip archive is not read; unpack it first"),
                Arguments.of("outer.zip", zip("inner.json.gz", gzip(innerZip)), "outer.zip!/inner.json.gz",
                        "a zip archive inside a gzip file is not read; unpack it first"),
                Arguments.of("outer.zip", zip("inner.json.gz", gzip(gzip(records))), "outer.zip!/inner.json.gz",
                        "a gzip file inside a gzip file is not read; unpack it first"),
                Arguments.of("logs.zip.gz", gzip(innerZip), "logs.zip.gz",
                        "a zip archive inside a gzip file is not read; unpack it first"),
                Arguments.of("logs.json.gz.gz", gzip(gzip(records)), "logs.json.gz.gz",
                        "a gzip file inside a gzip file is not read; unpack it first"),
                Arguments.of("broken.zip", "PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1), "broken.zip",
                        "not a readable zip archive"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("nestedArchives")
    void anArchiveInsideAnArchiveIsNamed(String name, byte[] bytes, String shown, String reason) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("good.json"), TrailRecords.recordsFile(trail.next(2)));
        Files.write(logs.resolve(name), bytes);
        Path db = dir.resolve("store.duckdb");
        Cli run = Cli.run("ingest", "--db", db.toString(), logs.toString());
        assertEquals(SOME_FILES_FAILED, run.code(), run.out() + run.err());
        assertEquals(List.of("rejected: " + logs.resolve(shown) + ": " + reason), run.errLines());
        assertEquals(2, StoreContents.events(db));
        TALLY.held();
    }

    static Stream<Arguments> brokenLinks() {
        return Stream.of(
                Arguments.of(List.of("a.json>a.json"), "cannot read: symbolic link loop"),
                Arguments.of(List.of("a.json>b.json", "b.json>a.json"), "cannot read: symbolic link loop"),
                Arguments.of(List.of("a.json>b.json", "b.json>c.json", "c.json>a.json"), "cannot read: symbolic link loop"),
                Arguments.of(List.of("a.json>loop/x.json", "loop>loop"), "cannot read: symbolic link loop"),
                Arguments.of(List.of("a.json>gone.json"), "cannot read: no such file (dangling symbolic link)"),
                Arguments.of(List.of("a.json>b.json", "b.json>gone.json"), "cannot read: no such file (dangling symbolic link)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenLinks")
    void aBrokenLinkIsNamedForWhatItIs(List<String> links, String reason) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("good.json"), TrailRecords.recordsFile(trail.next(2)));
        for (String l : links) {
            String[] ft = l.split(">");
            Files.createSymbolicLink(logs.resolve(ft[0]), Path.of(ft[1]));
        }
        Path db = dir.resolve("store.duckdb");
        Cli run = Cli.run("ingest", "--db", db.toString(), logs.toString());
        assertEquals(SOME_FILES_FAILED, run.code(), run.out() + run.err());
        Path a = logs.resolve("a.json");
        assertTrue(run.errLines().contains("rejected: " + a + ": " + reason), run.err());
        assertTrue(run.errLines().stream().allMatch(line -> line.endsWith(reason)), run.err());
        assertEquals(2, StoreContents.events(db));
        // Given on the command line, the link is a usage error that says the same.
        Cli direct = Cli.run("ingest", "--db", db.toString(), a.toString());
        String why = reason.contains("loop") ? "symbolic link loop" : "dangling symbolic link";
        TrailStore.assertUsageError(direct, "no such file or directory: " + a + " (" + why + ")");
        TALLY.held();
    }

    // ---- 5. an event.original that is not the input's text

    static Stream<Arguments> duplicateKeys() {
        String r = "\"eventVersion\":\"1.08\",\"eventTime\":\"2024-05-01T10:00:00Z\",\"eventSource\":\"s3.amazonaws.com\","
                + "\"eventID\":\"dup-1\",\"awsRegion\":\"us-east-1\"";
        String top = "{" + r + ",\"eventName\":\"GetObject\",\"eventName\":\"DeleteBucket\"}";
        String nested = "{" + r + ",\"eventName\":\"GetObject\",\"requestParameters\":{\"bucketName\":\"a\",\"bucketName\":\"b\"}}";
        String inArray = "{" + r + ",\"eventName\":\"GetObject\",\"resources\":[{\"ARN\":\"x\",\"type\":\"t\",\"ARN\":\"y\"}]}";
        String quoted = top.replace("\"", "\\\"");
        return Stream.of(
                Arguments.of("records, top level", "records.json", "{\"Records\":[%s," + top + "]}", "eventName"),
                Arguments.of("records, nested", "records.json", "{\"Records\":[%s," + nested + "]}", "bucketName"),
                Arguments.of("records, in an array", "records.json", "{\"Records\":[%s," + inArray + "]}", "ARN"),
                Arguments.of("NDJSON, top level", "lines.ndjson", "%s\n" + top + "\n", "eventName"),
                Arguments.of("NDJSON, nested", "lines.ndjson", "%s\n" + nested + "\n", "bucketName"),
                Arguments.of("EventBridge detail", "bridge.ndjson", "%s\n{\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":" + top + "}\n", "eventName"),
                Arguments.of("LookupEvents string", "lookup.json", "{\"Events\":[{\"CloudTrailEvent\":\"" + quoted + "\"}]}%s", "eventName"),
                Arguments.of("console CSV", "export.csv", "EventId,CloudTrailEvent\nx,\"" + top.replace("\"", "\"\"") + "\"\n%s", "eventName"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicateKeys")
    void aRepeatedKeyIsTaggedAsElasticFlagsItAndTheEventKept(String what, String name, String template, String key) throws Exception {
        ObjectNode clean = trail.next();
        // The clean record rides along where the layout allows a second one, and must stay untagged.
        String text = String.format(java.util.Locale.ROOT, template, name.equals("lookup.json") || name.equals("export.csv") ? ""
                : TrailRecords.text(clean));
        Path f = Files.writeString(dir.resolve(name), text);
        Path db = dir.resolve("store.duckdb");
        Cli run = Cli.run("ingest", "--db", db.toString(), f.toString());
        assertEquals(OK, run.code(), run.out() + run.err());
        List<List<Object>> dup = StoreContents.rows(db, "SELECT tags, \"event.kind\", \"error.message\", \"log.offset\""
                + " FROM events WHERE \"event.id\" = 'dup-1'");
        assertEquals(1, dup.size(), "the event is kept");
        assertEquals(List.of("preserve_original_event", "trailhunt_original_normalised"), dup.get(0).get(0));
        assertEquals("pipeline_error", dup.get(0).get(1));
        assertEquals(List.of("Processor json with tag json_event_original_to_json_5e54dc16 in pipeline logs-aws.cloudtrail-8.9.0"
                + " failed with message: Duplicate field '" + key + "'"), dup.get(0).get(2));
        assertEquals(0, (Long) StoreContents.rows(db, "SELECT count(*) FROM events WHERE \"event.id\" <> 'dup-1'"
                + " AND tags IS NOT NULL").get(0).get(0), "other events are not tagged");
        assertTrue(run.out().contains("normalised: 1 event whose event.original is not the input's text (first: " + f + " record "
                + dup.get(0).get(3) + "), tagged trailhunt_original_normalised"), run.out());
        TALLY.held();
    }

    static Stream<Arguments> undecodableBytes() {
        return Stream.of(
                Arguments.of("0xFF", new byte[] {(byte) 0xFF}),
                Arguments.of("lead byte without continuation", new byte[] {(byte) 0xC3, 'x'}),
                Arguments.of("overlong slash", new byte[] {(byte) 0xC0, (byte) 0xAF}),
                Arguments.of("UTF-8 encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                Arguments.of("past U+10FFFF", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
                Arguments.of("Latin-1 text", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("undecodableBytes")
    void aRecordWithUndecodableBytesIsTaggedAndTheOthersNot(String what, byte[] bad) throws Exception {
        List<ObjectNode> records = trail.next(3);
        records.get(1).put("userAgent", "agent-MARK");
        byte[] text = TrailRecords.recordsFile(records).getBytes(StandardCharsets.UTF_8);
        byte[] mark = "MARK".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(text, mark);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(text, 0, at);
        b.write(bad);
        b.write(text, at + mark.length, text.length - at - mark.length);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path f = Files.write(logs.resolve("bad.json.gz"), gzip(b.toByteArray()));
        // A valid U+FFFD in a file whose bytes all decode is the input's own text: it is not tagged.
        ObjectNode own = trail.next().put("userAgent", "agent \uFFFD as sent");
        Files.writeString(logs.resolve("clean.json"), TrailRecords.recordsFile(List.of(own)));
        Path db = dir.resolve("store.duckdb");
        Cli run = Cli.run("ingest", "--db", db.toString(), logs.toString());
        assertEquals(OK, run.code(), run.out() + run.err());
        List<List<Object>> tagged = StoreContents.rows(db, "SELECT \"event.id\", \"user_agent.original\" FROM events"
                + " WHERE list_contains(tags, 'trailhunt_original_normalised')");
        String id = records.get(1).get("eventID").asText();
        assertEquals(1, tagged.size(), tagged.toString());
        assertEquals(id, tagged.get(0).get(0));
        assertTrue(((String) tagged.get(0).get(1)).contains("\uFFFD"), tagged.toString());
        assertTrue(run.out().contains("normalised: 1 event whose event.original is not the input's text (first: " + f + " record 1)"),
                run.out());
        TALLY.held();
    }

    @Test
    void aLoneSurrogateInUtf16IsTagged() throws Exception {
        List<ObjectNode> records = trail.next(2);
        records.get(0).put("userAgent", "agent-MARK");
        byte[] text = ("\uFEFF" + TrailRecords.recordsFile(records)).getBytes(StandardCharsets.UTF_16LE);
        int at = indexOf(text, "MARK".getBytes(StandardCharsets.UTF_16LE));
        // A high surrogate followed by 'A': ill-formed UTF-16, and only the surrogate is replaced.
        text[at] = 0x00;
        text[at + 1] = (byte) 0xD8;
        Path f = Files.write(dir.resolve("wide.json"), text);
        Path db = dir.resolve("store.duckdb");
        Cli run = Cli.run("ingest", "--db", db.toString(), f.toString());
        assertEquals(OK, run.code(), run.out() + run.err());
        assertEquals(List.of(List.of("agent-\uFFFDARK")), StoreContents.rows(db, "SELECT \"user_agent.original\" FROM events"
                + " WHERE list_contains(tags, 'trailhunt_original_normalised')"));
        TALLY.held();
    }

    // ---- helpers

    private static void delete(Path f) {
        try {
            Files.delete(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileRow only(Path db, String name) throws Exception {
        List<FileRow> rows = StoreContents.files(db).stream().filter(f -> f.path().contains(name)).toList();
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    private static long eventsOf(Path db, String name) throws Exception {
        return (Long) StoreContents.rows(db, "SELECT count(*) FROM events WHERE \"log.file.path\" LIKE '%" + name + "%'").get(0).get(0);
    }

    private static Set<JsonNode> originals(Path db, String name) throws Exception {
        Set<JsonNode> out = new HashSet<>();
        for (List<Object> r : StoreContents.rows(db, "SELECT \"event.original\" FROM events WHERE \"log.file.path\" LIKE '%" + name + "%'")) {
            out.add(TrailRecords.JSON.readTree((String) r.get(0)));
        }
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (java.util.Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("marker not found");
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    static byte[] zip(String entry, byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(bytes);
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
