package dev.trailhunt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ValueType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSandboxTest {
    @TempDir Path dir;

    @Test
    void sandboxedReaderSeesTheStoreButNotTheFileSystem() throws Exception {
        Path db = dir.resolve("s.duckdb");
        try (Store w = Store.openForWriting(db)) {
            w.execute("CREATE TABLE events (x INTEGER)");
            w.execute("INSERT INTO events VALUES (42)");
        }
        try (Store r = Store.openForReading(db).sandbox()) {
            assertEquals(List.of(List.of(42)), r.query("SELECT x FROM events", List.of(new ResultColumn("x", ValueType.INTEGER))).rows());
            for (String evil : new String[] {
                    "SELECT * FROM read_csv('/etc/passwd')",
                    "SELECT * FROM read_text('/etc/hostname')",
                    "SET enable_external_access = true",
                    "SET threads = 1"}) {
                assertThrows(StoreException.class, () -> r.execute(evil), evil);
            }
        }
    }

    @Test
    void secondWriterGetsOneClearLine() {
        // DuckDB's file lock is per process; the in-process case is covered by the child-JVM test.
        StoreException e = assertThrows(StoreException.class, () -> Store.openForReading(dir.resolve("none.duckdb")));
        assertEquals(true, e.getMessage().startsWith("no store at "));
    }
}
