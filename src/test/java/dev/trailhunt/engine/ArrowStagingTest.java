package dev.trailhunt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trailhunt.model.EcsColumn;
import dev.trailhunt.model.EcsSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stages events as Arrow batches with {@link StagingWriter} and loads them with {@link EventLoader} into a
 * real DuckDB file, then reads each value back with plain JDBC: the values CSV staging had to encode
 * specially (empty lists, null list elements, U+0001, U+001F), events larger than a batch, and exclusions
 * that fall in different record batches and staging files.
 */
class ArrowStagingTest {
    @TempDir Path dir;

    private static final int TIME = EcsSchema.indexOf("@timestamp");
    private static final int ORIGINAL = EcsSchema.indexOf("event.original");
    private static final int USERS = EcsSchema.indexOf("related.user");
    private static final int READ_ONLY = EcsSchema.indexOf("aws.cloudtrail.read_only");
    private static final int AS_NUMBER = EcsSchema.indexOf("source.as.number");

    @Test
    void everyValueComesBackAsStaged() throws Exception {
        int events = 2 * StagingWriter.BATCH_ROWS + 77;
        String huge = "x".repeat(3 << 20) + "é";
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            Object[] row = new Object[EcsSchema.columns().size()];
            row[TIME] = Instant.ofEpochSecond(1_700_000_000L + i, 123_456_000L);
            row[ORIGINAL] = i == 5 ? huge : "{\"n\":" + i + ",\"q\":\"\u0001\u001f\u001e\"}";
            row[USERS] = switch (i % 4) {
                case 0 -> List.of();
                case 1 -> Arrays.asList("a", null, "b\u001fc");
                case 2 -> null;
                default -> List.of("u" + i);
            };
            row[READ_ONLY] = i % 3 == 0 ? null : i % 3 == 1;
            row[AS_NUMBER] = i % 5 == 0 ? null : Long.valueOf(-i * 1_000_000_007L);
            rows.add(row);
        }
        // Two staging files of two input files; events 3 and 2100 (another record batch) of the first and 1 of the second are excluded.
        Path first = dir.resolve("0.arrows");
        Path second = dir.resolve("1.arrows");
        int split = events - 10;
        try (StagingWriter w = new StagingWriter(first, 0)) {
            for (int i = 0; i < split; i++) {
                Object[] row = rows.get(i);
                byte[] original = i % 2 == 0 ? ((String) row[ORIGINAL]).getBytes(StandardCharsets.UTF_8) : null;
                w.write(row, original, "in/a.json", i, "h" + i);
            }
        }
        try (StagingWriter w = new StagingWriter(second, 1)) {
            for (int i = split; i < events; i++) {
                w.write(rows.get(i), "in/b.json", i - split, "h" + i);
            }
        }
        Path db = dir.resolve("s.duckdb");
        long added;
        try (Store store = Store.openForWriting(db)) {
            EventLoader loader = store.loader(columns());
            loader.prepareStore();
            long[] excluded = {StagingWriter.ord(0, 3), StagingWriter.ord(0, 2100), StagingWriter.ord(1, 1)};
            added = loader.load(List.of(List.of(first), List.of(second)), huge.length(), List.of(), excluded);
        }
        assertEquals(events - 3, added);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            if (i != 3 && i != 2100 && i != split + 1) {
                kept.add(i);
            }
        }
        try (Connection c = RawDuckDb.openReadOnly(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT epoch_us(\"@timestamp\"), \"event.original\", to_json(\"related.user\")::VARCHAR,"
                        + " \"aws.cloudtrail.read_only\", \"source.as.number\", \"log.file.path\", \"log.offset\", \"event.hash\" FROM events ORDER BY \"log.file.path\", \"log.offset\"")) {
            int k = 0;
            while (rs.next()) {
                int i = kept.get(k++);
                String at = "event " + i;
                assertEquals((1_700_000_000L + i) * 1_000_000L + 123_456L, rs.getLong(1), at);
                assertEquals(i == 5 ? huge : "{\"n\":" + i + ",\"q\":\"\u0001\u001f\u001e\"}", rs.getString(2), at);
                assertEquals(switch (i % 4) {
                    case 0 -> "[]";
                    case 1 -> "[\"a\",null,\"b\\u001Fc\"]";
                    case 2 -> null;
                    default -> "[\"u" + i + "\"]";
                }, rs.getString(3), at);
                assertEquals(i % 3 == 0 ? null : i % 3 == 1, rs.getObject(4), at);
                assertEquals(i % 5 == 0 ? null : -i * 1_000_000_007L, rs.getObject(5), at);
                assertEquals(i < split ? "in/a.json" : "in/b.json", rs.getString(6), at);
                assertEquals(i < split ? i : i - split, rs.getLong(7), at);
                assertEquals("h" + i, rs.getString(8), at);
            }
            assertEquals(kept.size(), k);
        }
    }

    private static List<StoreColumn> columns() {
        List<StoreColumn> out = new ArrayList<>();
        for (EcsColumn c : EcsSchema.columns()) {
            out.add(new StoreColumn(c.name(), c.duckdbType()));
        }
        return out;
    }
}
