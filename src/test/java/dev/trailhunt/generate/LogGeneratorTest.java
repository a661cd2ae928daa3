package dev.trailhunt.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogGeneratorTest {
    private static final Pattern LOG_PATH = Pattern.compile(
            "AWSLogs/(\\d{12})/CloudTrail/([a-z]{2}-[a-z]+-\\d)/(\\d{4})/(\\d{2})/(\\d{2})/"
                    + "\\1_CloudTrail_\\2_\\3\\4\\5T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz");
    private static final Pattern DIGEST_PATH = Pattern.compile(
            "AWSLogs/(\\d{12})/CloudTrail-Digest/([a-z]{2}-[a-z]+-\\d)/\\d{4}/\\d{2}/\\d{2}/"
                    + "\\1_CloudTrail-Digest_\\2_[a-z-]+_\\2_\\d{8}T\\d{6}Z\\.json\\.gz");
    private static final Instant START = Instant.parse("2025-03-01T00:00:00Z");

    @TempDir Path dir;

    private GeneratorOptions options(Path out, long seed) {
        return new GeneratorOptions(out, 1_500, 6, seed, START, 2);
    }

    @Test
    void sameOptionsGiveByteIdenticalFilesWhateverTheThreadCount() throws Exception {
        new LogGenerator(1).generate(options(dir.resolve("a"), 7));
        new LogGenerator(4).generate(options(dir.resolve("b"), 7));
        List<Path> a = TrailFiles.list(dir.resolve("a"));
        assertEquals(a, TrailFiles.list(dir.resolve("b")));
        for (Path rel : a) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(rel)),
                    Files.readAllBytes(dir.resolve("b").resolve(rel)), rel.toString());
        }
    }

    @Test
    void anotherSeedGivesAnotherCorpus() throws Exception {
        new LogGenerator(2).generate(options(dir.resolve("a"), 7));
        new LogGenerator(2).generate(options(dir.resolve("b"), 8));
        assertNotEquals(TrailFiles.list(dir.resolve("a")), TrailFiles.list(dir.resolve("b")));
    }

    @Test
    void writesExactlyTheRequestedEventsInTheS3DeliveryLayout() throws Exception {
        Path out = dir.resolve("c");
        GenerationResult result = new LogGenerator(2).generate(options(out, 3));
        List<JsonNode> records = TrailFiles.records(out);
        assertEquals(1_500, records.size());
        assertEquals(1_500, result.events());
        int logs = 0;
        int digests = 0;
        for (Path rel : TrailFiles.list(out)) {
            String p = rel.toString().replace('\\', '/');
            byte[] raw = Files.readAllBytes(out.resolve(rel));
            // gzip magic, deflate, no flags, modification time 0: nothing depends on the clock.
            assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0}, java.util.Arrays.copyOf(raw, 8), p);
            if (p.contains("CloudTrail-Digest")) {
                assertTrue(DIGEST_PATH.matcher(p).matches(), p);
                digests++;
            } else {
                assertTrue(LOG_PATH.matcher(p).matches(), p);
                String text = new String(TrailFiles.gunzip(out.resolve(rel)), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(text.startsWith("{\"Records\":[{\"eventVersion\":"), p);
                assertFalse(text.contains("\n  "), "compact JSON expected in " + p);
                logs++;
            }
        }
        assertEquals(2, digests);
        assertTrue(logs >= 6, "at least the 6 requested files, got " + logs);
    }

    @Test
    void recordsCarryTheCloudTrailEnvelopeAndUniqueIds() throws Exception {
        Path out = dir.resolve("d");
        new LogGenerator(2).generate(options(out, 11));
        Set<String> eventIds = new HashSet<>();
        Map<String, Integer> identityTypes = new HashMap<>();
        long from = START.getEpochSecond();
        long until = from + 2 * 86_400;
        for (JsonNode r : TrailFiles.records(out)) {
            for (String f : List.of("eventVersion", "eventTime", "eventSource", "eventName", "awsRegion",
                    "sourceIPAddress", "userAgent", "eventID", "eventType", "recipientAccountId", "eventCategory")) {
                assertTrue(r.hasNonNull(f), f + " missing in " + r);
            }
            assertTrue(r.has("requestParameters") && r.has("responseElements"), r.toString());
            assertTrue(r.get("readOnly").isBoolean() && r.get("managementEvent").isBoolean(), r.toString());
            assertTrue(eventIds.add(r.get("eventID").asText()), "duplicate eventID " + r.get("eventID"));
            long t = Instant.parse(r.get("eventTime").asText()).getEpochSecond();
            assertTrue(t >= from && t < until, r.get("eventTime").asText());
            identityTypes.merge(r.get("userIdentity").get("type").asText(), 1, Integer::sum);
            if (r.get("userIdentity").get("type").asText().equals("AssumedRole")) {
                assertTrue(r.at("/userIdentity/sessionContext/sessionIssuer/arn").asText().contains(":role/"), r.toString());
            }
            if (r.hasNonNull("errorCode")) {
                assertTrue(r.hasNonNull("errorMessage"), r.toString());
            }
        }
        assertEquals(Set.of("IAMUser", "AssumedRole", "AWSService", "Root", "AWSAccount"), identityTypes.keySet());
    }

    @Test
    void digestsListTheSha256OfEachLogFilesJson() throws Exception {
        Path out = dir.resolve("e");
        new LogGenerator(2).generate(options(out, 5));
        int checked = 0;
        for (Path rel : TrailFiles.list(out)) {
            if (!rel.toString().contains("CloudTrail-Digest")) {
                continue;
            }
            JsonNode digest = TrailFiles.json(TrailFiles.gunzip(out.resolve(rel)));
            assertTrue(digest.has("digestPublicKeyFingerprint") && !digest.has("Records"));
            for (JsonNode f : digest.get("logFiles")) {
                byte[] json = TrailFiles.gunzip(out.resolve(f.get("s3Object").asText()));
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
                assertEquals(sha, f.get("hashValue").asText());
                checked++;
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    void singleFileIsOneRecordsObjectOfTheRequestedSize() throws Exception {
        Path file = dir.resolve("big.json");
        long target = 3_000_000;
        GeneratedFile f = new LogGenerator(1).writeSingleFile(file, target, 9, START);
        assertEquals(Files.size(file), f.uncompressedBytes());
        assertTrue(f.uncompressedBytes() >= target && f.uncompressedBytes() < target + 20_000, "size " + f.uncompressedBytes());
        long records = 0;
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            assertEquals("Records", p.nextFieldName());
            assertEquals(JsonToken.START_ARRAY, p.nextToken());
            while (p.nextToken() == JsonToken.START_OBJECT) {
                p.skipChildren();
                records++;
            }
            assertEquals(JsonToken.END_OBJECT, p.nextToken());
            assertEquals(null, p.nextToken());
        }
        assertEquals(f.events(), records);
        GeneratedFile gz = new LogGenerator(1).writeSingleFile(dir.resolve("big.json.gz"), target, 9, START);
        assertArrayEquals(Files.readAllBytes(file), TrailFiles.gunzip(dir.resolve("big.json.gz")));
        assertEquals(f.sha256(), gz.sha256());
    }

    @Test
    void refusesTooFewEventsForTheStoryWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LogGenerator(1).generate(new GeneratorOptions(dir, 50, 4, 1, START, 1)));
        assertTrue(e.getMessage().startsWith("--events must be at least "), e.getMessage());
    }

    @Test
    void apportionKeepsTheTotalAndTheProportions() {
        assertArrayEquals(new int[] {5, 3, 2}, LogGenerator.apportion(10, new double[] {50, 30, 20}, true));
        assertArrayEquals(new int[] {1, 1, 0}, LogGenerator.apportion(2, new double[] {1, 1, 1}, true));
        int[] split = LogGenerator.apportion(1_000_003, new double[] {45, 23, 12, 10, 10}, false);
        assertEquals(1_000_003, java.util.Arrays.stream(split).sum());
        assertEquals(450_001, split[0], 1);
    }
}
