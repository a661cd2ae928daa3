package dev.trailhunt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trailhunt.engine.RawDuckDb;
import dev.trailhunt.generate.GeneratorOptions;
import dev.trailhunt.generate.LogGenerator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the benchmark's DuckDB baseline loads every generated record with the fields intact. */
class DuckDbReadJsonTest {
    @TempDir Path dir;

    @Test
    void loadsEveryGeneratedRecord() throws Exception {
        Path corpus = dir.resolve("corpus");
        new LogGenerator(2).generate(new GeneratorOptions(corpus, 1_200, 4, 3, Instant.parse("2025-01-01T00:00:00Z"), 1));
        Path db = dir.resolve("b.duckdb");
        long[] r = DuckDbReadJson.load(db, corpus);
        assertEquals(1_200, r[0]);
        try (Connection c = RawDuckDb.openReadOnly(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE eventTime IS NULL OR eventID IS NULL "
                        + "OR userIdentity.\"type\" IS NULL), count(DISTINCT eventID), "
                        + "count(*) FILTER (WHERE userIdentity.userName = 'legacy-reporting' AND eventName = 'GetSecretValue') "
                        + "FROM ct")) {
            rs.next();
            assertEquals(0, rs.getLong(1));
            assertEquals(1_200, rs.getLong(2));
            assertEquals(40, rs.getLong(3));
        }
    }
}
