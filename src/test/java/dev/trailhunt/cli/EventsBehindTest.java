package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.engine.QueryLimits;
import dev.trailhunt.hunt.EventsBehind;
import dev.trailhunt.hunt.HuntDefinition;
import dev.trailhunt.hunt.HuntException;
import dev.trailhunt.hunt.HuntLibrary;
import dev.trailhunt.hunt.HuntRunner;
import dev.trailhunt.hunt.HuntSession;
import dev.trailhunt.hunt.NowSpec;
import dev.trailhunt.hunt.QueryLanguage;
import dev.trailhunt.hunt.QueryRun;
import dev.trailhunt.hunt.TranslatingCompiler;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the ES|QL of the events behind a row selects exactly the events the row counted: for every
 * row of several aggregations over the samples, counting the listed events gives the row's own count.
 */
class EventsBehindTest {
    private static final String SEED = "secretsmanager_high_frequency_get_secret_value";

    @TempDir Path dir;

    private static QueryRun run(HuntRunner runner, String esql) {
        QueryRun q = runner.run(HuntDefinition.adHoc(QueryLanguage.ESQL, esql)).queries().get(0);
        assertEquals(QueryRun.Status.RAN, q.status(), q.message());
        return q;
    }

    /** Checks every row: the listing, counted, equals the row's count in column {@code countColumn}. */
    private static void eachRowCountsItsEvents(HuntRunner runner, String esql, String countColumn) {
        QueryRun q = run(runner, esql);
        assertTrue(q.rows() > 0, esql);
        EventsBehind behind = EventsBehind.of(esql, TranslatingCompiler.parse(esql), q.table().columns());
        int n = q.table().columns().stream().map(ResultColumn::name).toList().indexOf(countColumn);
        for (int r = 0; r < q.rows(); r++) {
            String listing = behind.forRow(q.table(), r);
            ResultTable counted = run(runner, listing + "\n| STATS c = COUNT(*)").table();
            assertEquals(((Number) q.table().rows().get(r).get(n)).longValue(), ((Number) counted.rows().get(0).get(0)).longValue(),
                    "row " + (r + 1) + " of " + esql + "\n" + listing);
        }
    }

    private static HuntSession session() throws Exception {
        return HuntSession.open(SamplesStore.get(), null, NowSpec.latest(), Clock.systemUTC(), TranslatingCompiler::forStore, QueryLimits.defaults());
    }

    @Test
    void everyRowsListingCountsWhatTheRowCounted() throws Exception {
        try (HuntSession s = session()) {
            HuntRunner runner = s.runner();
            String seed = HuntLibrary.load().resolve(SEED).get(0).queries().get(0).text();
            eachRowCountsItsEvents(runner, seed, "request_counts");
            // A multi-valued key: STATS puts an event in the group of each of its values.
            eachRowCountsItsEvents(runner, "from logs-* | stats n = count(*) by event.type", "n");
            // A null key, and a key renamed after STATS, with a filter on the aggregate.
            eachRowCountsItsEvents(runner, "from logs-* | stats n = count(*) by aws.cloudtrail.error_code, event.provider"
                    + " | rename event.provider as service | where n > 1 | sort n desc", "n");
            // An expression key, an EVAL'd key, an ip key and a boolean key.
            eachRowCountsItsEvents(runner, "from logs-* | stats n = count(*) by day = date_trunc(1 day, @timestamp)", "n");
            eachRowCountsItsEvents(runner, "from logs-* | eval hour = date_trunc(1 hour, @timestamp) | where event.provider == \"s3.amazonaws.com\""
                    + " | stats n = count(*) by hour, source.ip, aws.cloudtrail.read_only", "n");
            // Without BY, the one row stands for every event the filters keep.
            eachRowCountsItsEvents(runner, "from logs-* | where event.outcome == \"failure\" | stats n = count(*)", "n");
        }
    }

    @Test
    void shapesThatCannotBeExactSayUnsupportedWithAPosition() {
        List<ResultColumn> none = List.of();
        assertNull(EventsBehind.of("from logs-* | limit 3", TranslatingCompiler.parse("from logs-* | limit 3"), none));
        String[][] cases = {
            {"from logs-* | stats n = count(*) by event.action | eval event.action = \"x\"", "an EVAL after STATS changes at 1:57"},
            {"from logs-* | stats n = count(*) by event.action | stats m = count(*)", "second STATS at 1:52"},
            {"from logs-* | stats n = count(*) by b = bucket(@timestamp, 1 hour)", "grouped by BUCKET at 1:37"},
            {"from logs-* | stats n = count(*) by event.action | mv_expand event.action", "changed by MV_EXPAND after STATS at 1:52"},
            {"from logs-* | stats n = count(*) by a = event.action | rename n as a", "a RENAME after STATS overwrites at 1:63"},
        };
        for (String[] c : cases) {
            HuntException e = assertThrows(HuntException.class, () -> EventsBehind.of(c[0], TranslatingCompiler.parse(c[0]),
                    List.of(new ResultColumn("a", dev.trailhunt.model.ValueType.KEYWORD))), c[0]);
            assertTrue(e.getMessage().startsWith("unsupported: ") && e.getMessage().contains(c[1]), e.getMessage());
            assertTrue(e.getMessage().contains("\n" + c[0] + "\n") && e.getMessage().contains("^"), e.getMessage());
        }
        String dropped = "from logs-* | stats n = count(*) by event.action | keep n";
        HuntException e = assertThrows(HuntException.class, () -> EventsBehind.of(dropped, TranslatingCompiler.parse(dropped),
                List.of(new ResultColumn("n", dev.trailhunt.model.ValueType.LONG))));
        assertTrue(e.getMessage().contains("without their group key event.action (dropped after STATS) at 1:37"), e.getMessage());
    }

    @Test
    void huntEventsPrintsAndRunsTheListingOfEachRow() throws Exception {
        Cli r = Cli.run("hunt", "--db", SamplesStore.get().toString(), "--events", "--width", "0", SEED);
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        int last = out.indexOf("-- events behind row 9\n");
        assertTrue(last > 0, out);
        String row9 = out.substring(last);
        assertTrue(row9.contains("aws.cloudtrail.user_identity.arn == \"arn:aws:iam::111122223333:user/legacy-reporting\" AND source.ip == TO_IP(\"198.51.100.77\")"), row9);
        // The story's forty reads, one line each.
        assertEquals(40, row9.lines().filter(l -> l.matches("2\\d{3}-.* \\| GetSecretValue .*")).count(), row9);
        Cli csv = Cli.run("hunt", "--db", SamplesStore.get().toString(), "--events", "-f", "csv", SEED);
        assertEquals(2, csv.code());
        assertTrue(csv.err().contains("--events opens rows in the table format"), csv.err());
    }

    @Test
    void explainEventsAndReportsCarryTheListings() throws Exception {
        Cli e = Cli.run("explain", "--db", SamplesStore.get().toString(), "--events", "9", SEED);
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("-- ES|QL of the events behind row 9\n"), e.out());
        Cli bad = Cli.run("explain", "--db", SamplesStore.get().toString(), "--events", "1", "--esql",
                "from logs-* | stats n = count(*) by event.action | eval event.action = \"x\"");
        assertEquals(4, bad.code());
        assertTrue(bad.out().contains("unsupported: the events behind rows whose group key event.action an EVAL after STATS changes at 1:57"), bad.out());
        Path md = dir.resolve("r.md");
        assertEquals(0, Cli.run("report", "--db", SamplesStore.get().toString(), "-o", md.toString(), SEED).code());
        String text = Files.readString(md);
        assertTrue(text.contains("<details><summary>Events behind each row: ES\\|QL to rerun with --now "), text);
        assertTrue(text.contains("// row 9\n"), text);
    }
}
