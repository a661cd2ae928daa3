package dev.trailhunt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ValueType;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the second connection detect runs rules on, and the events table's columns a store reads once. */
class StoreConnectionsTest {
    @TempDir Path dir;

    @Test
    void aDuplicateSeesTheStoreUnderTheSameSandboxAndClosesAlone() {
        Path db = dir.resolve("s.duckdb");
        try (Store w = Store.openForWriting(db)) {
            w.execute("CREATE TABLE events (x INTEGER)");
            w.execute("INSERT INTO events VALUES (42)");
            w.sandbox();
            List<ResultColumn> x = List.of(new ResultColumn("x", ValueType.INTEGER));
            try (Store second = w.duplicate()) {
                assertEquals(List.of(List.of(42)), second.query("SELECT x FROM events", x).rows());
                for (String evil : new String[] {"SELECT * FROM read_text('/etc/hostname')", "SET enable_external_access = true"}) {
                    assertThrows(StoreException.class, () -> second.execute(evil), evil);
                }
            }
            assertEquals(List.of(List.of(42)), w.query("SELECT x FROM events", x).rows());
        }
    }

    @Test
    void eventColumnsAreReadOnceAndReadAgainAfterThisStoreChangesTheSchema() {
        try (Store s = Store.openInMemory()) {
            assertEquals(Set.of(), s.eventColumns());
            s.execute("CREATE TABLE events (x INTEGER)");
            assertEquals(Set.of("x"), s.eventColumns());
            try (Store other = s.duplicate()) {
                // Another connection's change is not seen, as a remote table's columns are read once.
                other.execute("ALTER TABLE events ADD COLUMN y VARCHAR");
                assertEquals(Set.of("x", "y"), other.eventColumns());
                assertEquals(Set.of("x"), s.eventColumns());
            }
            s.execute("ALTER TABLE events ADD COLUMN z VARCHAR");
            assertEquals(Set.of("x", "y", "z"), s.eventColumns());
        }
    }
}
