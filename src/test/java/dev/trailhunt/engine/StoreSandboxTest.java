package dev.trailhunt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSandboxTest {
    @TempDir Path dir;

    @Test
    void sandboxedReaderSeesTheStoreButNotTheFileSystem() throws Exception {
        Path db = dir.resolve("s.duckdb");
        try (Connection w = Store.openForWriting(db); Statement st = w.createStatement()) {
            st.execute("CREATE TABLE events (x INTEGER)");
            st.execute("INSERT INTO events VALUES (42)");
        }
        try (Connection r = Store.openForReading(db)) {
            Store.sandbox(r);
            try (Statement st = r.createStatement(); ResultSet rs = st.executeQuery("SELECT x FROM events")) {
                rs.next();
                assertEquals(42, rs.getInt(1));
            }
            for (String evil : new String[] {
                    "SELECT * FROM read_csv('/etc/passwd')",
                    "SELECT * FROM read_text('/etc/hostname')",
                    "SET enable_external_access = true",
                    "SET threads = 1"}) {
                try (Statement st = r.createStatement()) {
                    assertThrows(SQLException.class, () -> st.executeQuery(evil), evil);
                }
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
