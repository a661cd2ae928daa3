package dev.trailhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Checks that a record's input bytes stand for its {@code event.original} only when they are exactly
 * what rendering its tree gives (Jackson's compact form, the text stored before slicing existed).
 */
class RecordSliceTest {
    private static final ObjectMapper JSON = Ingester.jsonMapper();
    private static final String A = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-01-01T00:00:00Z\",\"eventName\":\"X\"";

    /** Reads {@code text} and returns, per record, its rendering and the slice the reader offered (or null). */
    private static List<String[]> read(String text) throws IOException {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String[]> read(InputStream in) throws IOException {
        List<String[]> out = new ArrayList<>();
        new RecordReader(JSON).read(in, (record, original) -> out.add(new String[] {
                JSON.writeValueAsString(record), original == null ? null : new String(original, StandardCharsets.UTF_8)}));
        return out;
    }

    private static String slice(String text) throws IOException {
        List<String[]> r = read(text);
        assertEquals(1, r.size(), text);
        if (r.get(0)[1] != null) {
            assertEquals(r.get(0)[0], r.get(0)[1], text);
        }
        return r.get(0)[1];
    }

    @Test
    void compactRecordsAreSlicedInEveryJsonLayout() throws IOException {
        String rec = A + ",\"n\":[1,-2,true,false,null,{}],\"s\":\"a\\\"b\\\\c\\nd\\te\\rf\\bg\\fh ü €😀\"}";
        for (String text : List.of("{\"Records\":[" + rec + "]}", "[" + rec + "]", rec + "\n", "{\"x\":1,\"Records\":[" + rec + "," + rec + "]}",
                "  {\"Records\" : [ " + rec + " ] }\n")) {
            List<String[]> r = read(text);
            assertFalse(r.isEmpty(), text);
            for (String[] one : r) {
                assertEquals(one[0], one[1], text);
            }
        }
    }

    @Test
    void recordsNotInTheRenderedFormAreNotSliced() throws IOException {
        assertNull(slice(A + ", \"x\":1}"), "whitespace");
        assertNull(slice(A + ",\"x\":1.0}"), "fraction");
        assertNull(slice(A + ",\"x\":1e3}"), "exponent");
        assertNull(slice(A + ",\"x\":1E3}"), "exponent");
        assertNull(slice(A + ",\"x\":-0}"), "negative zero");
        assertNull(slice(A + ",\"x\":\"a\\/b\"}"), "escaped solidus");
        assertNull(slice(A + ",\"x\":\"\\u0041\"}"), "unicode escape");
        assertNull(slice(A + ",\"x\":\"\\u001f\"}"), "control escape in lower case");
        assertNull(slice(A + ",\"x\":1,\"x\":2}"), "duplicate key");
        assertNull(slice(A + ",\"@timestamp\":\"2024-01-01T00:00:00.000Z\",\"host\":\"h\"}"), "shipper keys");
        assertNull(slice("{\"CloudTrailEvent\":" + JSON.writeValueAsString(A + "}") + "}"), "embedded string");
        assertNull(slice("{\"detail\":" + A + "}}"), "EventBridge wrapper");
        assertNotNull(slice(A + ",\"x\":-10,\"y\":\"e\",\"z\":[true,false]}"), "compact");
    }

    @Test
    void randomValuesAreSlicedExactlyWhenTheirTextIsTheRendering() throws IOException {
        Random random = new Random(11);
        String[] atoms = {"0", "-1", "12", "1.5", "-0", "2e3", "true", "false", "null", "\"\"", "\"a b\"", "\"\\\"\"",
                "\"\\/\"", "\"\\u00e9\"", "\"\\u0007\"", "\"\\u001F\"", "\"é😀\"", "[]", "{}",
                "123456789012345678901234567890"};
        int sliced = 0;
        for (int round = 0; round < 2000; round++) {
            StringBuilder s = new StringBuilder(A);
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                s.append(random.nextInt(8) == 0 ? " ," : ",").append("\"k").append(k).append("\":");
                s.append(random.nextBoolean() ? atoms[random.nextInt(atoms.length)]
                        : "[" + atoms[random.nextInt(atoms.length)] + "," + atoms[random.nextInt(atoms.length)] + "]");
            }
            s.append('}');
            if (slice(s.toString()) != null) {
                sliced++;
            }
        }
        assertTrue(sliced > 100, "the fast path was taken " + sliced + " times");
    }

    @Test
    void aHugeRecordsFileKeepsOnlyOneRecordsBytes() throws IOException {
        // Many records in one envelope: every one sliced, each equal to its rendering.
        StringBuilder s = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < 20_000; i++) {
            s.append(i == 0 ? "" : ",").append(A).append(",\"i\":").append(i).append(",\"pad\":\"").append("x".repeat(i % 97)).append("\"}");
        }
        List<String[]> r = read(s.append("]}").toString());
        assertEquals(20_000, r.size());
        for (String[] one : r) {
            assertEquals(one[0], one[1]);
        }
    }

    @Test
    void theSampleLogsAreAllSliced() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("samples/cloudtrail"))) {
            files = s.filter(p -> p.toString().endsWith(".json.gz") && !p.toString().contains("Digest")).sorted().toList();
        }
        int records = 0;
        for (Path f : files) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                for (String[] one : read(in)) {
                    assertEquals(one[0], one[1], f.toString());
                    records++;
                }
            }
        }
        assertTrue(records > 1000, "records read: " + records);
    }

    @Test
    void renderingIsWhatTheMapperStores() throws IOException {
        JsonNode tree = JSON.readTree(A + ",\"x\":[1,{\"y\":\"\\n\"}]}");
        assertEquals(JSON.writeValueAsString(tree), new dev.trailhunt.ingest.ecs.EcsMapper(java.time.Instant.EPOCH).map(tree)[
                dev.trailhunt.model.EcsSchema.indexOf("event.original")]);
    }
}
