package dev.trailhunt.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trailhunt.ingest.IngestOptions;
import dev.trailhunt.ingest.IngestProgress;
import dev.trailhunt.ingest.IngestSummary;
import dev.trailhunt.ingest.Ingester;
import dev.trailhunt.model.ResultTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that a one-off store ({@code hunt --data}: only the observed columns, records no query can
 * select only counted with their times) gives every hunt exactly the rows of a full ingest, on the samples and
 * on the shared real CloudTrail, for the built-in hunts and Elastic's AWS hunts.
 */
class OneOffStoreTest {
    @TempDir Path dir;

    /** Dates the events without a valid time of both stores alike, so that their rows can be compared. */
    private static final Clock INGEST_CLOCK = Clock.fixed(java.time.Instant.parse("2026-12-01T00:00:00Z"), java.time.ZoneOffset.UTC);

    private static List<HuntDefinition> hunts() {
        List<HuntDefinition> hunts = new ArrayList<>(HuntLibrary.load().builtIns());
        Path aws = HuntLibraryTest.shared().resolve("corpus/elastic-hunting/aws");
        if (Files.isDirectory(aws)) {
            hunts.addAll(HuntLibrary.load().resolve(aws.toString()));
        }
        return hunts;
    }

    @Test
    void samplesGiveTheRowsOfAFullIngest() {
        compare("samples", List.of(Path.of("samples/cloudtrail")), true);
    }

    @Test
    void realCloudTrailGivesTheRowsOfAFullIngest() {
        Path real = HuntLibraryTest.shared().resolve("corpus/cloudtrail");
        assumeTrue(Files.isDirectory(real), "../shared absent");
        compare("shared", List.of(real), false);
    }

    @Test
    void inputTheByteScanCannotVouchForIsReportedAsAFullIngestReportsIt() throws Exception {
        Path logs = java.nio.file.Files.createDirectories(dir.resolve("bad-logs"));
        String ok = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-01-01T00:00:00Z\",\"eventName\":\"ListSecrets\","
                + "\"eventSource\":\"secretsmanager.amazonaws.com\",\"awsRegion\":\"us-east-1\"}";
        String hit = ok.replace("ListSecrets", "GetSecretValue").replace("00:00:00Z", "01:00:00Z");
        Files.writeString(logs.resolve("truncated.json"), "{\"Records\":[" + ok + "," + hit + "," + ok.substring(0, 50));
        Files.writeString(logs.resolve("no-comma.json"), "{\"Records\":[" + ok + hit + "]}");
        Files.writeString(logs.resolve("trailing.json"), "{\"Records\":[" + ok + "," + hit + "]} trailing");
        Files.writeString(logs.resolve("good.json"), "{\"Records\":[" + ok + "," + hit + "]}");
        compare("bad", List.of(logs), true);
    }

    @Test
    void seedHuntLoadsFewColumnsAndFiltersRecords() {
        HuntDefinition seed = HuntLibrary.load().resolve("secretsmanager_high_frequency_get_secret_value").get(0);
        DataNeeds needs = DataNeeds.of(List.of(seed));
        assertNotNull(needs.filter(), "the seed hunt's WHERE names event.provider and event.action");
        assertNotNull(needs.columns());
        assertTrue(needs.columns().contains("@timestamp") && needs.columns().contains("user_agent.name"),
                needs.columns().toString());
        assertTrue(needs.columns().size() < 12, needs.columns().toString());
    }

    @Test
    void aQueryThatCanSeeEveryRecordTurnsTheFilterOff() {
        HuntDefinition seed = HuntLibrary.load().resolve("secretsmanager_high_frequency_get_secret_value").get(0);
        HuntDefinition all = HuntDefinition.adHoc(QueryLanguage.ESQL, "from logs-* | stats n = count(*) by event.outcome");
        DataNeeds needs = DataNeeds.of(List.of(seed, all));
        assertNull(needs.filter());
        assertNotNull(needs.columns());
        HuntDefinition sql = HuntDefinition.adHoc(QueryLanguage.DUCKDB_SQL, "select 1");
        assertEquals(DataNeeds.ALL, DataNeeds.of(List.of(seed, sql)));
        HuntDefinition noPrune = HuntDefinition.adHoc(QueryLanguage.ESQL,
                "from logs-* | where event.action == \"GetSecretValue\" | limit 5");
        assertNull(DataNeeds.of(List.of(noPrune)).columns(), "without STATS or KEEP every column reaches the output");
    }

    @Test
    void onlyVerbatimPositiveEqualitiesFilter() {
        assertNull(needsOf("from logs-* | where event.action != \"GetSecretValue\" | stats n = count(*)").filter());
        assertNull(needsOf("from logs-* | where user.name == \"alice\" | stats n = count(*)").filter());
        assertNull(needsOf("from logs-* | where event.action == \"A\" or user.name == \"b\" | stats n = count(*)").filter());
        assertNull(needsOf("from logs-* | eval x = 1 | where event.action == \"A\" | stats n = count(*)").filter(),
                "only the WHERE commands right after FROM filter");
        assertNull(needsOf("from logs-* | where event.action == \"1e2\" | stats n = count(*)").filter(),
                "a number-like literal could be a JSON number rendered otherwise");
        assertNotNull(needsOf("from logs-* | where event.action in (\"A\", \"B\") | stats n = count(*)").filter());
        assertNotNull(needsOf("from logs-* | where event.action == \"A\" or event.provider == \"b\" | stats n = count(*)").filter());
    }

    private static DataNeeds needsOf(String esql) {
        return DataNeeds.of(List.of(HuntDefinition.adHoc(QueryLanguage.ESQL, esql)));
    }

    private void compare(String name, List<Path> data, boolean seedMustFilter) {
        List<HuntDefinition> hunts = hunts();
        Path full = dir.resolve(name + "-full.duckdb");
        IngestSummary fullSummary = new Ingester(new IngestOptions(2, false)).ingest(full, data, IngestProgress.NONE, INGEST_CLOCK);
        int compared = 0;
        int filtered = 0;
        List<List<HuntDefinition>> runs = new ArrayList<>();
        for (HuntDefinition h : hunts) {
            runs.add(List.of(h));
        }
        runs.add(hunts);
        for (List<HuntDefinition> run : runs) {
            DataNeeds needs = DataNeeds.of(run);
            if (needs.equals(DataNeeds.ALL)) {
                continue;
            }
            filtered += needs.filter() != null ? 1 : 0;
            Path oneOff = dir.resolve(name + "-oneoff-" + compared + ".duckdb");
            IngestSummary summary = new Ingester(new IngestOptions(2, false, needs.columns(), needs.filter()))
                    .ingest(oneOff, data, IngestProgress.NONE, INGEST_CLOCK);
            assertEquals(fullSummary.files(), summary.files(), "every input's outcome");
            assertEquals(fullSummary.firstEvent(), summary.firstEvent(), "time range start");
            assertEquals(fullSummary.lastEvent(), summary.lastEvent(), "time range end");
            // Left-out records are counted, not de-duplicated: only their number may exceed a full ingest's.
            assertEquals(profile(full), profile(oneOff), "the store's profile: first, last, now");
            List<String> expected = rows(full, run);
            List<String> actual = rows(oneOff, run);
            assertEquals(expected, actual, "rows of " + run.stream().map(HuntDefinition::id).toList() + " with " + needs);
            compared++;
        }
        System.out.println("one-off store (" + name + "): " + compared + " runs equal to a full ingest, " + filtered + " with a record filter");
        assertTrue(compared >= hunts.size() / 2, "most hunts take the one-off path: " + compared);
        if (seedMustFilter) {
            assertTrue(filtered > 0);
        }
    }

    private static String profile(Path db) {
        try (HuntSession s = HuntSession.open(db, null, NowSpec.latest(), Clock.systemUTC(), TranslatingCompiler::forStore,
                dev.trailhunt.engine.QueryLimits.defaults())) {
            var p = s.runner().profile();
            return p.first() + " " + p.last() + " now=" + s.runner().now().instant();
        }
    }

    private static List<String> rows(Path db, List<HuntDefinition> run) {
        List<String> out = new ArrayList<>();
        try (HuntSession s = HuntSession.open(db, null, NowSpec.latest(), Clock.systemUTC(), TranslatingCompiler::forStore, dev.trailhunt.engine.QueryLimits.defaults())) {
            for (HuntDefinition h : run) {
                HuntRun r = s.runner().run(h);
                for (QueryRun q : r.queries()) {
                    ResultTable t = q.table();
                    out.add(h.id() + "#" + q.query().index() + " " + q.status() + " " + q.message() + " "
                            + (t == null ? "-" : t.columns() + " " + t.rows()));
                }
            }
        }
        return out;
    }
}
