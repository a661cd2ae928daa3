package dev.trailhunt.ingest;

import dev.trailhunt.engine.InputFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.engine.RawDuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the real CloudTrail logs of the shared reference corpus (skipped when it is absent). */
class SharedCorpusIngestTest {
    @TempDir Path dir;

    private static Path corpus(String relative) {
        Path p = Path.of(System.getProperty("trailhunt.shared", "../shared"), "corpus", "cloudtrail", relative);
        Assumptions.assumeTrue(Files.exists(p), "reference corpus absent: " + p);
        return p;
    }

    private IngestSummary ingest(Path... inputs) {
        return new Ingester(new IngestOptions(2, false)).ingest(dir.resolve("s.duckdb"), List.of(inputs), IngestProgress.NONE);
    }

    @Test
    void allInvictusEventsLoad() throws Exception {
        IngestSummary s = ingest(corpus("invictus-ir_aws_dataset/CloudTrail"));
        assertEquals(55, s.count(InputFile.LOADED));
        assertEquals(2900, s.eventsRead());
        assertEquals(0, s.exitCode());
        try (Connection c = RawDuckDb.openReadOnly(dir.resolve("s.duckdb"))) {
            assertEquals(2900, TrailFiles.count(c, "SELECT count(*) FROM events"));
            assertEquals(60, TrailFiles.count(c, "SELECT count(*) FROM events WHERE \"event.action\" = 'GetSecretValue'"));
        }
        IngestSummary again = ingest(corpus("invictus-ir_aws_dataset/CloudTrail"));
        assertEquals(0, again.eventsAdded());
        assertEquals(55, again.count(InputFile.SKIPPED));
    }

    @Test
    void malformedCloudgrepFileIsReportedNotFatal() {
        IngestSummary s = ingest(corpus("Permiso-io-tools_CloudGrappler/cloudgrep/tests/data"));
        InputFile bad = s.files().stream().filter(f -> f.path().endsWith("bad_cloudtrail.json")).findFirst().orElseThrow();
        assertEquals(InputFile.REJECTED, bad.status());
        assertTrue(bad.reason().startsWith("invalid JSON at line 26, column 26"), bad.reason());
        assertEquals(2, s.count(InputFile.LOADED));
        assertEquals(2, s.eventsRead());
        assertEquals(IngestSummary.SOME_FILES_FAILED, s.exitCode());
    }

    @Test
    void otrfNdjsonInsideZipLoads() throws Exception {
        IngestSummary s = ingest(corpus("OTRF_Security-Datasets/datasets/atomic/aws/collection/ec2_proxy_s3_exfiltration.zip"));
        InputFile f = s.files().get(0);
        assertEquals(InputFile.LOADED, f.status());
        assertEquals("ndjson", f.format());
        assertEquals(103, f.events());
        try (Connection c = RawDuckDb.openReadOnly(dir.resolve("s.duckdb"))) {
            assertEquals(0, TrailFiles.count(c, "SELECT count(*) FROM events WHERE \"event.original\" LIKE '%@timestamp%'"));
            // These records lost eventTime to Logstash's @timestamp; it is restored, not replaced by the ingest time.
            assertEquals(List.of("2020-09-14 00:44:20 | 2020-09-14 01:13:20"), TrailFiles.column(c,
                    "SELECT strftime(min(\"@timestamp\"), '%Y-%m-%d %H:%M:%S') || ' | ' || strftime(max(\"@timestamp\"), '%Y-%m-%d %H:%M:%S') FROM events"));
        }
    }

    @Test
    void otrfCsvExportWithoutRecordsIsRejectedWithItsReason() {
        IngestSummary s = ingest(corpus("OTRF_Security-Datasets/datasets/atomic/aws/discovery/aws_s3_honeybucketlogs.zip"));
        InputFile f = s.files().get(0);
        assertEquals(InputFile.REJECTED, f.status());
        assertTrue(f.reason().startsWith("CSV without a CloudTrailEvent column"), f.reason());
    }
}
