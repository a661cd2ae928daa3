package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs ingest without GeoIP data, then {@code trailhunt enrich}, as a user would, on MaxMind's test databases. */
class EnrichCommandTest {
    private static final String SEED = "secretsmanager_high_frequency_get_secret_value";
    private static final String GEO_QUERY = "FROM logs-aws.cloudtrail-* | KEEP source.ip, source.geo.city_name,"
            + " source.geo.region_iso_code, source.as.number, source.as.organization.name | SORT source.ip";

    @TempDir Path dir;

    private static Path corpus() {
        Path p = Path.of(System.getProperty("trailhunt.shared", "../shared")).resolve("corpus/geoip");
        Assumptions.assumeTrue(Files.isDirectory(p), "reference corpus absent: " + p);
        return p;
    }

    private static String record(String id, String ip) {
        return "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-03-01T10:00:0" + id + "Z\",\"eventSource\":\"secretsmanager.amazonaws.com\","
                + "\"eventName\":\"GetSecretValue\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"" + ip + "\",\"eventID\":\"e" + id + "\"}";
    }

    private Path logs() throws Exception {
        Path f = dir.resolve("trail.json");
        Files.writeString(f, "{\"Records\":[" + record("1", "89.160.20.128") + "," + record("2", "89.160.20.128") + ","
                + record("3", "216.160.83.56") + "," + record("4", "ec2.amazonaws.com") + "]}");
        return f;
    }

    @Test
    void enrichFillsAStoreIngestedWithoutGeoIpAndReportsSayWhichDatabase() throws Exception {
        Assumptions.assumeTrue(System.getenv("TRAILHUNT_GEOIP") == null, "TRAILHUNT_GEOIP is set");
        Path corpus = corpus();
        String db = dir.resolve("s.duckdb").toString();
        Cli ingest = Cli.run("ingest", "--db", db, logs().toString());
        assertEquals(0, ingest.code(), ingest.err());
        Assumptions.assumeTrue(ingest.out().contains("geoip: no GeoIP data"), "this machine has a system GeoIP folder");

        Cli before = Cli.run("query", "--db", db, "--esql", GEO_QUERY);
        assertEquals(0, before.code(), before.err());
        assertEquals(1, before.err().lines().filter(l -> l.startsWith("no GeoIP data:")).count(), before.err());

        Cli enrich = Cli.run("enrich", "--db", db, "--geoip", corpus.toString());
        assertEquals(0, enrich.code(), enrich.err());
        // Four events, three with a literal source.ip, two distinct addresses.
        assertTrue(enrich.out().startsWith("enriched: 3 events from 2 distinct source.ip addresses"), enrich.out());
        assertTrue(enrich.out().contains("geoip: GeoLite2-City-Test.mmdb (GeoLite2-City, built "), enrich.out());
        Cli again = Cli.run("enrich", "--db", db, "--geoip", corpus.toString());
        assertEquals(enrich.out().lines().skip(1).toList(), again.out().lines().skip(1).toList());

        Cli after = Cli.run("query", "--db", db, "--esql", GEO_QUERY, "-f", "csv");
        assertEquals(0, after.code(), after.err());
        assertFalse(after.err().contains("no GeoIP data"), after.err());
        // Elastic's geoip docs (89.160.20.128) and expected document test-get-caller-identity (216.160.83.56).
        assertTrue(after.out().contains("216.160.83.56,Milton,US-WA,209,"), after.out());
        assertTrue(after.out().contains("89.160.20.128,Linköping,SE-E,29518,Bredband2 AB"), after.out());

        Path md = dir.resolve("r.md");
        Cli report = Cli.run("report", "--db", db, "--out", md.toString(), SEED);
        assertEquals(0, report.code(), report.err());
        String text = Files.readString(md);
        Matcher m = Pattern.compile("\\*\\*GeoIP:\\*\\* (.*)").matcher(text);
        assertTrue(m.find(), text);
        assertTrue(m.group(1).contains("GeoLite2-ASN-Test.mmdb (GeoLite2-ASN, built 20"), m.group(1));
        assertTrue(m.group(1).matches(".*GeoLite2-City-Test\\.mmdb \\(GeoLite2-City, built \\d{4}-\\d{2}-\\d{2}, sha256 [0-9a-f]{64}\\).*"),
                m.group(1));
    }

    @Test
    void ingestWithGeoIpFillsTheFieldsAtOnce() throws Exception {
        String db = dir.resolve("g.duckdb").toString();
        Cli ingest = Cli.run("ingest", "--db", db, "--geoip", corpus().toString(), logs().toString());
        assertEquals(0, ingest.code(), ingest.err());
        assertTrue(ingest.out().contains("geoip: GeoLite2-City-Test.mmdb"), ingest.out());
        Cli q = Cli.run("query", "--db", db, "--esql", GEO_QUERY, "-f", "csv");
        assertTrue(q.out().contains("216.160.83.56,Milton,US-WA,209,"), q.out());
        // ES|QL shows a geo_point as WKT, longitude first (Elastic's docs: Linköping 58.4167 N, 15.6167 E).
        Cli point = Cli.run("query", "--db", db, "--esql", "FROM logs-aws.cloudtrail-* | WHERE source.ip == \"89.160.20.128\""
                + " | KEEP source.geo.location | LIMIT 1", "-f", "csv");
        assertEquals(List.of("source.geo.location", "POINT (15.6167 58.4167)"), point.out().strip().lines().toList());
        Cli compare = Cli.run("query", "--db", db, "--esql", "FROM logs-aws.cloudtrail-* | WHERE source.geo.location == \"x\"");
        assertTrue(compare.err().contains("unsupported: comparison on [geo_point] at 1:36"), compare.err());
        Cli sort = Cli.run("query", "--db", db, "--esql", "FROM logs-aws.cloudtrail-* | SORT source.geo.location");
        assertTrue(sort.err().contains("unsupported: SORT on geo_point at 1:35"), sort.err());
    }

    @Test
    void problemsAreOneLineWithTheirExitCode() throws Exception {
        Cli noStore = Cli.run("enrich", "--db", dir.resolve("none.duckdb").toString(), "--geoip", dir.toString());
        assertEquals(2, noStore.code());
        assertEquals(1, noStore.errLines().size(), noStore.err());
        String db = dir.resolve("s.duckdb").toString();
        assertEquals(0, Cli.run("ingest", "--db", db, logs().toString()).code());
        Files.createDirectories(dir.resolve("empty"));
        Cli empty = Cli.run("enrich", "--db", db, "--geoip", dir.resolve("empty").toString());
        assertEquals(1, empty.code());
        assertEquals(1, empty.errLines().size(), empty.err());
        assertTrue(empty.err().contains("holds no City or ASN .mmdb database"), empty.err());
        Cli badIngest = Cli.run("ingest", "--db", db, "--geoip", dir.resolve("missing").toString(), logs().toString());
        assertEquals(1, badIngest.code());
        assertEquals(1, badIngest.errLines().size(), badIngest.err());
        assertFalse(badIngest.err().contains("\tat "));
    }
}
