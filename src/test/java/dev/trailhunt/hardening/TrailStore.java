package dev.trailhunt.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhunt.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds real stores by ingesting generated records, and checks the shape of hostile-case outcomes. */
final class TrailStore {
    /** Holds SQL that never ends on its own: a recursive CTE counting up without a bound. */
    static final String FOREVER = "with recursive t(n) as (select 1 union all select n + 1 from t) select count(*) from t";

    private TrailStore() {}

    /** Ingests the records as one S3 delivery file under {@code dir} and returns the new store. */
    static Path create(Path dir, List<ObjectNode> records) throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("records.json"), TrailRecords.recordsFile(records));
        Path db = dir.resolve("store.duckdb");
        Cli ingest = Cli.run("ingest", "--db", db.toString(), logs.toString());
        assertEquals(0, ingest.code(), ingest.err());
        return db;
    }

    /** Asserts stderr is free of traces and internal errors, and every line of it is free of raw control characters. */
    static void assertNoCrash(Cli run) {
        assertFalse(run.code() == 70 || run.err().contains("internal error"), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertTrue(run.err().lines().allMatch(TrailStore::printable), "raw control characters on stderr: " + run.err());
    }

    /** Asserts a failed query: exit 4 and an error line naming the problem, besides the summary line. */
    static void assertHuntError(Cli run, String expected) {
        assertNoCrash(run);
        assertEquals(4, run.code(), run.out() + run.err());
        assertTrue(run.errLines().stream().anyMatch(l -> l.contains(expected)), "expected '" + expected + "' in: " + run.err());
    }

    /** Asserts a usage error: exit 2 and exactly one line. */
    static void assertUsageError(Cli run, String expected) {
        assertNoCrash(run);
        assertEquals(2, run.code(), run.out() + run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains(expected), "expected '" + expected + "' in: " + run.err());
    }

    /** Tells whether a line holds no control character but tabs. */
    static boolean printable(String line) {
        return line.codePoints().noneMatch(c -> c != '\t' && dev.trailhunt.report.Visible.isControl(c));
    }
}
