package dev.trailhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the byte scan that leaves out records no query can select, and the input it refuses to vouch for. */
class RecordsPrefilterTest {
    private static final RecordFilter GET_SECRET = RecordFilter.anyQuery(List.of(List.of(List.of("GetSecretValue"))));

    private static String record(String name, String time) {
        return "{\"eventVersion\":\"1.08\",\"eventTime\":\"" + time + "\",\"eventName\":\"" + name
                + "\",\"eventSource\":\"secretsmanager.amazonaws.com\",\"awsRegion\":\"us-east-1\"}";
    }

    private final List<String> dropped = new ArrayList<>();

    private String filter(String input) throws IOException {
        try (InputStream in = new RecordsPrefilter(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                GET_SECRET, t -> dropped.add(t))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void leavesOutRecordsWithoutTheLiteralAndReportsTheirTimes() throws IOException {
        String a = record("GetSecretValue", "2024-01-01T00:00:00Z");
        String b = record("ListSecrets", "2024-01-02T00:00:00Z");
        String c = record("DescribeSecret", "2024-01-03T00:00:00Z");
        assertEquals("{\"Records\":[" + a + "]}", filter("{\"Records\":[" + b + "," + a + " , " + c + "]}\n"));
        assertEquals(List.of("2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z"), dropped);
    }

    @Test
    void keepsRecordsAnEscapeOrAMissingTimeCouldHideFromTheScan() throws IOException {
        String escaped = record("Get\\u0053ecretValue", "2024-01-01T00:00:00Z");
        String noTime = "{\"eventVersion\":\"1.08\",\"eventName\":\"ListSecrets\",\"eventSource\":\"s\",\"awsRegion\":\"r\"}";
        String numberTime = "{\"eventVersion\":\"1.08\",\"eventTime\":5,\"eventName\":\"ListSecrets\",\"awsRegion\":\"r\"}";
        String nestedTime = "{\"eventVersion\":\"1.08\",\"x\":{\"eventTime\":\"2024-01-01T00:00:00Z\"},\"eventName\":\"L\",\"awsRegion\":\"r\"}";
        String foreign = "{\"eventTime\":\"2024-01-01T00:00:00Z\",\"eventTime\":\"2024-01-01T00:00:00Z\",\"other\":1}";
        String in = "{\"Records\":[" + escaped + "," + noTime + "," + numberTime + "," + nestedTime + "," + foreign + "]}";
        assertEquals(in, filter(in));
        assertEquals(List.of(), dropped);
    }

    @Test
    void takesTheLastOfRepeatedTimesAsTheTreeDoes() throws IOException {
        String r = "{\"eventVersion\":\"1\",\"eventTime\":\"2024-01-01T00:00:00Z\",\"eventName\":\"L\",\"eventTime\":\"2024-02-02T00:00:00Z\"}";
        assertEquals("{\"Records\":[]}", filter("{\"Records\":[" + r + "]}"));
        assertEquals(List.of("2024-02-02T00:00:00Z"), dropped);
    }

    @Test
    void passesOtherLayoutsThroughUntouched() throws IOException {
        String pretty = "{\n  \"Records\": [\n    " + record("ListSecrets", "2024-01-01T00:00:00Z") + "\n  ]\n}\n";
        assertEquals(pretty, filter(pretty));
        String ndjson = record("ListSecrets", "2024-01-01T00:00:00Z") + "\n" + record("X", "2024-01-01T00:00:00Z") + "\n";
        assertEquals(ndjson, filter(ndjson));
        assertEquals("", filter(""));
        assertEquals(List.of(), dropped);
    }

    @Test
    void filtersEveryRecordsObjectOfAStream() throws IOException {
        String a = record("GetSecretValue", "2024-01-01T00:00:00Z");
        String b = record("ListSecrets", "2024-01-02T00:00:00Z");
        assertEquals("{\"Records\":[]}{\"Records\":[" + a + "]}", filter("{\"Records\":[]}\n{\"Records\":[" + b + "," + a + "]}"));
        assertEquals(1, dropped.size());
    }

    @Test
    void bailsOnWhatTheFullReaderMustReport() {
        String a = record("ListSecrets", "2024-01-01T00:00:00Z");
        for (String bad : List.of(
                "{\"Records\":[" + a.substring(0, 40),
                "{\"Records\":[" + a + a + "]}",
                "{\"Records\":[" + a + ",]}",
                "{\"Records\":[" + a + ",1]}",
                "{\"Records\":[" + a + "]} trailing",
                "{\"Records\":[" + a + "]",
                "{\"Records\":[" + a + "]}[1]")) {
            assertThrows(RecordsPrefilter.Bail.class, () -> filter(bad), bad);
        }
    }

    @Test
    void aRefusedTimeKeepsTheRecord() throws IOException {
        String b = record("ListSecrets", "not a time");
        String in = "{\"Records\":[" + b + "]}";
        try (InputStream s = new RecordsPrefilter(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)),
                GET_SECRET, t -> false)) {
            assertEquals(in, new String(s.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void givesTheSameAnswerWhenRecordsAndKeysSpanReads() throws IOException {
        String a = record("GetSecretValue", "2024-01-01T00:00:00Z");
        String b = record("ListSecrets", "2024-01-02T00:00:00Z");
        String escaped = record("Get\\u0053ecretValue", "2024-01-03T00:00:00Z");
        String in = "{\"Records\":[" + b + "," + a + "," + escaped + "," + b + "]}";
        for (int chunk : new int[] {1, 2, 3, 7, 64}) {
            dropped.clear();
            InputStream slow = new java.io.FilterInputStream(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8))) {
                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    return super.read(buf, off, Math.min(len, chunk));
                }
            };
            try (InputStream s = new RecordsPrefilter(slow, GET_SECRET, t -> dropped.add(t))) {
                assertEquals("{\"Records\":[" + a + "," + escaped + "]}", new String(s.readAllBytes(), StandardCharsets.UTF_8), "reads of " + chunk);
            }
            assertEquals(List.of("2024-01-02T00:00:00Z", "2024-01-02T00:00:00Z"), dropped, "reads of " + chunk);
        }
    }

    @Test
    void literalsMatchAsUtf8Bytes() {
        RecordFilter f = RecordFilter.anyQuery(List.of(List.of(List.of("Grüße"), List.of("b", "c"))));
        String bytes = new String("x Grüße c".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals(true, f.mayMatch(bytes));
        assertEquals(false, f.mayMatch(new String("x Grüße a".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)));
        assertEquals(null, RecordFilter.anyQuery(List.of(List.of(List.of("a")), List.of())), "a query without groups selects anything");
        assertThrows(IllegalArgumentException.class, () -> RecordFilter.anyQuery(List.of(List.of(List.of("a\"b")))));
    }

    @Test
    void findsTheFirstQuoteOrBackslashAtEveryPositionOfAWord() {
        // Bytes around the two stops, 0x80-0xff ones too, must not be taken for them.
        byte[] fill = {'a', (byte) 0xa2, (byte) 0xdc, '!', '#', '[', ']', (byte) 0xff, 0x21, 0x23, 0x5b, 0x5d};
        for (byte stop : new byte[] {'"', '\\'}) {
            for (int len = 0; len <= 40; len++) {
                for (int at = 0; at <= len; at++) {
                    byte[] b = new byte[len];
                    for (int i = 0; i < len; i++) {
                        b[i] = fill[(i * 7 + len) % fill.length];
                    }
                    if (at < len) {
                        b[at] = stop;
                        if (at + 1 < len) {
                            b[at + 1] = stop == '"' ? (byte) '\\' : (byte) '"';
                        }
                    }
                    assertEquals(at, RecordsPrefilter.stringContentEnd(b, 0, len), "len " + len + " at " + at);
                    if (at > 0) {
                        assertEquals(at, RecordsPrefilter.stringContentEnd(b, 1, len), "from 1, len " + len + " at " + at);
                    }
                }
            }
        }
    }
}
