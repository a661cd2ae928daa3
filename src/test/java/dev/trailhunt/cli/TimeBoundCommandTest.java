package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves --from, --to and --now T bound the events every command sees, on five events an hour apart. */
class TimeBoundCommandTest {
    private static final String COUNT = "from logs-aws.cloudtrail-* | stats n = count(*)";

    @TempDir static Path dir;
    static String db;

    @BeforeAll
    static void store() throws Exception {
        Trail t = new Trail();
        for (int h = 10; h <= 14; h++) {
            t.user("2023-07-10T" + h + ":00:00Z", "alice", "AKIAALICE", "GetSecretValue", "198.51.100.7");
        }
        db = t.store(dir).toString();
    }

    private static String count(String... bound) {
        String[] args = new String[bound.length + 7];
        args[0] = "query";
        args[1] = "--db";
        args[2] = db;
        System.arraycopy(bound, 0, args, 3, bound.length);
        args[3 + bound.length] = "-f";
        args[4 + bound.length] = "csv";
        args[5 + bound.length] = "--esql";
        args[6 + bound.length] = COUNT;
        Cli r = Cli.run(args);
        assertEquals(0, r.code(), r.err());
        return r.out().lines().skip(1).findFirst().orElseThrow();
    }

    @Test
    void fromIsInclusiveAndToExclusive() {
        assertEquals("5", count());
        assertEquals("4", count("--from", "2023-07-10T11:00:00Z"));
        assertEquals("3", count("--to", "2023-07-10T13:00:00Z"));
        assertEquals("2", count("--from", "2023-07-10T11:00:00Z", "--to", "2023-07-10T13:00:00Z"));
        // Without an offset an ISO time is UTC.
        assertEquals("2", count("--from", "2023-07-10T11:00:00", "--to", "2023-07-10T13:00:00"));
    }

    @Test
    void aDateIsItsWholeDay() {
        assertEquals("5", count("--from", "2023-07-10", "--to", "2023-07-10"));
        assertEquals("0", count("--from", "2023-07-11"));
        assertEquals("0", count("--to", "2023-07-09"));
    }

    @Test
    void relativeTimesCountBackFromNow() {
        // now is the newest event, 14:00; -2h is 12:00, inclusive.
        assertEquals("3", count("--from", "-2h"));
        assertEquals("1", count("--from", "-30m"));
        assertEquals("5", count("--from", "-1d"));
        assertEquals("2", count("--now", "2023-07-10T12:30:00Z", "--from", "-90m"));
    }

    @Test
    void givenNowHidesLaterEventsEvenFromAWindow() {
        assertEquals("3", count("--now", "2023-07-10T12:00:00Z"));
        // Before, only the lower edge of the window moved and 13:00 and 14:00 still counted.
        Cli r = Cli.run("query", "--db", db, "--now", "2023-07-10T12:00:00Z", "-f", "csv", "--esql",
                "from logs-* | where @timestamp > now() - 90 minutes | stats n = count(*)");
        assertEquals("n\n2\n", r.out().replace("\r", ""), r.err());
    }

    @Test
    void theBoundIsInTheContextLineExplainAndReports() throws Exception {
        Cli r = Cli.run("query", "--db", db, "--from", "2023-07-10T11:00:00Z", "--to", "2023-07-10", "--esql", COUNT);
        assertTrue(r.err().contains(" · bound 2023-07-10T11:00:00Z ≤ @timestamp < 2023-07-11T00:00:00Z · now = "), r.err());
        Cli e = Cli.run("explain", "--db", db, "--now", "2023-07-10T12:00:00Z", "--esql", COUNT);
        assertTrue(e.out().contains("bound: @timestamp ≤ 2023-07-10T12:00:00Z"), e.out());
        assertTrue(e.out().contains("\"@timestamp\" <= timestamp '2023-07-10 12:00:00"), e.out());
        Path esql = Files.writeString(dir.resolve("count.esql"), COUNT);
        Path md = dir.resolve("r.md");
        Cli rep = Cli.run("report", "--db", db, "--from", "-1h", "-o", md.toString(), esql.toString());
        assertEquals(0, rep.code(), rep.err());
        String text = Files.readString(md);
        assertTrue(text.contains("2023-07-10T13:00:00Z ≤ @timestamp"), text);
    }

    @Test
    void badBoundsAreOneLineUsageOrHuntErrors() {
        Cli typo = Cli.run("query", "--db", db, "--from", "yesterday", "--esql", COUNT);
        assertEquals(2, typo.code());
        assertEquals(1, typo.errLines().size(), typo.err());
        assertTrue(typo.err().contains("'yesterday' is not an ISO time"), typo.err());
        Cli empty = Cli.run("query", "--db", db, "--from", "2023-07-11", "--to", "2023-07-10", "--esql", COUNT);
        assertEquals(4, empty.code());
        assertTrue(empty.err().contains("holds no instant"), empty.err());
    }

    @Test
    void sqlCannotBeBoundedAndSaysSo() {
        Cli r = Cli.run("query", "--db", db, "--from", "-1h", "--sql", "SELECT count(*) AS n FROM events");
        assertEquals(4, r.code());
        assertTrue(r.err().contains("unsupported: --from/--to on a DuckDB SQL query"), r.err());
    }

    @Test
    void esqlReadsProvenanceColumns() {
        Cli r = Cli.run("query", "--db", db, "-f", "csv", "--esql",
                "from logs-* | where log.offset == 2 | keep log.file.path, log.offset, event.hash");
        assertEquals(0, r.code(), r.err());
        String[] row = r.out().lines().skip(1).findFirst().orElseThrow().split(",");
        assertTrue(row[0].endsWith("trail.json"), row[0]);
        assertEquals("2", row[1]);
        assertTrue(row[2].matches("[0-9a-f]{64}"), row[2]);
        assertTrue(Files.exists(Path.of(db)));
    }
}
