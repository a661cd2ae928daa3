package dev.trailhunt.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.ingest.IngestOptions;
import dev.trailhunt.ingest.IngestProgress;
import dev.trailhunt.ingest.IngestSummary;
import dev.trailhunt.ingest.Ingester;
import dev.trailhunt.model.ResultTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that events without a valid eventTime, which Elastic dates at ingest, are counted and never
 * pass for the data's time: the time range, now = latest and the seed hunt's rows stay those of the
 * dated events.
 */
class UndatedEventsTest {
    @TempDir Path dir;

    @Test
    void anUndatedEventMovesNeitherTheRangeNorNow() throws Exception {
        Path samples = Path.of("samples/cloudtrail");
        HuntDefinition seed = HuntLibrary.load().resolve("secretsmanager_high_frequency_get_secret_value").get(0);
        Path clean = dir.resolve("clean.duckdb");
        IngestSummary before = new Ingester(IngestOptions.defaults()).ingest(clean, List.of(samples), IngestProgress.NONE);
        ResultTable expected = rows(clean, seed);
        assertEquals(9, expected.size(), "the seed hunt's rows on the samples");

        Path bad = Files.createDirectories(dir.resolve("bad"));
        String[] times = {"\"garbage\"", "12345", "null", "\"\"", "\"2024-13-45T99:00:00Z\"", "\"-\""};
        StringBuilder records = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < times.length; i++) {
            records.append(i == 0 ? "" : ",").append("{\"eventVersion\":\"1.08\",\"eventTime\":").append(times[i])
                    .append(",\"eventName\":\"GetSecretValue\",\"eventSource\":\"secretsmanager.amazonaws.com\",")
                    .append("\"awsRegion\":\"us-east-1\",\"eventID\":\"e").append(i).append("\"}");
        }
        Files.writeString(bad.resolve("undated.json"), records.append("]}").toString());
        Path mixed = dir.resolve("mixed.duckdb");
        IngestSummary after = new Ingester(IngestOptions.defaults()).ingest(mixed, List.of(samples, bad), IngestProgress.NONE);
        assertEquals(times.length, after.undated());
        assertTrue(after.firstUndated().endsWith("undated.json record 0"), after.firstUndated());
        assertEquals(before.firstEvent(), after.firstEvent());
        assertEquals(before.lastEvent(), after.lastEvent());
        assertEquals(expected, rows(mixed, seed), "now = latest ignores the events dated at ingest");
        assertEquals(0, before.undated());
    }

    private static ResultTable rows(Path db, HuntDefinition hunt) {
        try (HuntSession s = HuntSession.open(db, null, NowSpec.latest(), Clock.systemUTC(), TranslatingCompiler::forStore, dev.trailhunt.engine.QueryLimits.defaults())) {
            assertEquals(s.runner().profile().last(), s.runner().now().instant());
            return s.runner().run(hunt).queries().get(0).table();
        }
    }
}
