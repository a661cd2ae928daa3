package dev.trailhunt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.hunt.SampleStore;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.ValueType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxedSqlTest {
    @TempDir Path dir;

    @Test
    void queryReadsTypedValuesAndMultiValues() throws Exception {
        Path db = SampleStore.create(dir.resolve("s.duckdb"));
        try (Store store = Store.openForReading(db).sandbox()) {
            ResultTable t = store.runSql("""
                    SELECT "@timestamp", "related.user", count(*) OVER () AS n, 1.5 AS d
                    FROM events ORDER BY "@timestamp" LIMIT 3;""", 100).table();
            assertEquals(List.of(ValueType.DATETIME, ValueType.KEYWORD, ValueType.LONG, ValueType.DOUBLE),
                    t.columns().stream().map(ResultColumn::type).toList());
            assertEquals(Instant.parse("2023-07-10T11:42:13Z"), t.rows().get(0).get(0));
            assertEquals("alice", t.rows().get(0).get(1));
            assertEquals(List.of("bob", "batch"), t.rows().get(2).get(1));
            assertEquals(5L, t.rows().get(0).get(2));
            assertEquals(1.5, t.rows().get(0).get(3));
            assertEquals(2, store.runSql("FROM events", 2).table().size());
            StoreProfile p = store.profile();
            assertEquals(5, p.events());
            assertEquals(Instant.parse("2023-07-10T12:37:50Z"), p.last());
            assertEquals(List.of("logs/a.json.gz", "logs/b.json.gz", "logs/bad.json"), p.files().stream().map(InputFile::path).toList());
            assertEquals("not JSON", p.files().get(2).reason());
            assertTrue(p.duckdbVersion().startsWith("v"), p.duckdbVersion());
        }
    }

    @Test
    void onlyOneReadOnlyQueryMayRun() throws Exception {
        Path db = SampleStore.create(dir.resolve("s.duckdb"));
        try (Store store = Store.openForReading(db).sandbox()) {
            for (String bad : new String[] {
                    "DELETE FROM events",
                    "CREATE TABLE x AS SELECT 1",
                    "SELECT 1; DROP TABLE events",
                    "SELECT * FROM read_text('/etc/hostname')",
                    "COPY events TO '/tmp/x.csv'",
                    "ATTACH '/tmp/other.duckdb'",
                    "SET threads = 1",
                    "   ;  "}) {
                assertThrows(SqlRejectedException.class, () -> store.runSql(bad, 10), bad);
            }
            assertEquals(5L, store.runSql("SELECT count(*) AS n FROM events", 10).table().rows().get(0).get(0));
        }
    }
}
