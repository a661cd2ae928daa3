package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhunt.engine.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code report --alerts} on a store that a real {@code detect} run filled from CloudTrail events made for the test,
 * with two query rules made for it too, and checks the document and that {@code verify} re-reads the alerts.
 */
class ReportAlertsTest {
    private static final String SEED = "secretsmanager_high_frequency_get_secret_value";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    private Path log;
    private Path db;

    /** Writes a CloudTrail record of {@code user} calling {@code action} of {@code source}. */
    private static String record(String id, String time, String source, String action, String user) {
        return """
                {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDA%s","arn":"arn:aws:iam::111122223333:user/%s",\
                "accountId":"111122223333","userName":"%s"},"eventTime":"%s","eventSource":"%s","eventName":"%s","awsRegion":"us-east-1",\
                "sourceIPAddress":"198.51.100.7","userAgent":"aws-cli/2.15.0","requestParameters":null,"responseElements":null,\
                "requestID":"r-%s","eventID":"%s","readOnly":false,"eventType":"AwsApiCall","managementEvent":true,\
                "recipientAccountId":"111122223333","eventCategory":"Management"}"""
                .formatted(user.toUpperCase(java.util.Locale.ROOT), user, user, time, source, action, id, id);
    }

    /** Writes one Elastic query rule (KQL) in the layout of elastic/detection-rules. */
    private static String rule(String id, String name, String severity, int risk, String technique, String query) {
        return "[metadata]\nmaturity = \"production\"\n\n[rule]\n"
                + "rule_id = \"" + id + "\"\nname = \"" + name + "\"\ntype = \"query\"\nlanguage = \"kuery\"\n"
                + "index = [\"logs-aws.cloudtrail-*\"]\nseverity = \"" + severity + "\"\nrisk_score = " + risk + "\nfrom = \"now-9m\"\ninterval = \"5m\"\n"
                + "query = '''\n" + query + "\n'''\n\n[[rule.threat]]\nframework = \"MITRE ATT&CK\"\n"
                + "[[rule.threat.technique]]\nid = \"" + technique + "\"\nname = \"Impair Defenses\"\n"
                + "[rule.threat.tactic]\nid = \"TA0005\"\nname = \"Defense Evasion\"\n";
    }

    /** Ingests two StopLogging calls, one DeleteTrail and two GetSecretValue calls, and runs the two rules over them. */
    @BeforeEach
    void detect() throws Exception {
        log = dir.resolve("logs/trail.json");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "{\"Records\":[" + String.join(",",
                record("s-1", "2026-03-01T10:00:00Z", "cloudtrail.amazonaws.com", "StopLogging", "mallory"),
                record("g-1", "2026-03-01T10:30:00Z", "secretsmanager.amazonaws.com", "GetSecretValue", "alice"),
                record("d-1", "2026-03-01T11:00:00Z", "cloudtrail.amazonaws.com", "DeleteTrail", "mallory"),
                record("g-2", "2026-03-01T11:30:00Z", "secretsmanager.amazonaws.com", "GetSecretValue", "alice"),
                record("s-2", "2026-03-01T12:00:00Z", "cloudtrail.amazonaws.com", "StopLogging", "mallory")) + "]}", StandardCharsets.UTF_8);
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("stopped.toml"), rule("r-stopped", "Trail stopped", "high", 73, "T1562", "event.action:StopLogging"));
        Files.writeString(rules.resolve("deleted.toml"), rule("r-deleted", "Trail deleted", "medium", 47, "T1485", "event.action:DeleteTrail"));
        db = dir.resolve("case.duckdb");
        Cli ingest = Cli.run("ingest", "--db", db.toString(), log.toString());
        assertEquals(0, ingest.code(), ingest.err());
        Cli detect = Cli.run("detect", "--db", db.toString(), "--rules", rules.toString());
        assertEquals(0, detect.code(), detect.err());
        // A query rule raises one alert per matching event: two StopLogging calls, one DeleteTrail.
        assertTrue(detect.out().startsWith("detect: 2 rules ran over 2026-03-01T10:00:00Z .. 2026-03-01T12:00:00Z: 2 fired, 3 alerts"), detect.out());
    }

    private Path report(String file, String... hunts) {
        Path out = dir.resolve(file);
        List<String> args = new ArrayList<>(List.of("report", "--db", db.toString(), "--alerts", "-o", out.toString()));
        args.addAll(List.of(hunts));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return out;
    }

    @Test
    void summaryFirstThenTheHuntThenARuleSectionPerRuleWithTheEventsBehindEachAlert() throws Exception {
        String md = Files.readString(report("r.md", SEED));
        assertTrue(md.startsWith("# trailhunt report: 1 hunt and detection alerts\n"), md);
        int summary = md.indexOf("## Summary\n");
        int rules = md.indexOf("| Severity | Risk | Alerts | Rule | Type |\n|---|---:|---:|---|---|\n"
                + "| **high** | **73** | **2** | **Trail stopped** | **query** |\n"
                + "| medium | 47 | 1 | Trail deleted | query |\n");
        int hunt = md.indexOf("## Programmatic GetSecretValue calls per identity");
        int stopped = md.indexOf("## Alerts: Trail stopped\n");
        int deleted = md.indexOf("## Alerts: Trail deleted\n");
        assertTrue(summary > 0 && rules > summary && hunt > rules && stopped > hunt && deleted > stopped, md);
        assertTrue(md.contains("Detection alerts in the store's `alerts` table: 3 alerts from 2 rules."), md);
        assertTrue(md.indexOf("| 2 | GetSecretValue | arn:aws:iam::111122223333:user/alice |") > hunt, "the hunt's row: " + md);
        // Each alert with the event behind it, read from the events table: the event's id, action and user.
        String first = md.substring(stopped, deleted);
        assertTrue(first.contains("- **MITRE ATT&CK:** [T1562](https://attack.mitre.org/techniques/T1562/)\n- **Alerts:** 2\n"), first);
        assertTrue(first.contains("### Alert 1 at 2026-03-01T10:00:00.000Z\n\n1 event behind the alert.\n\n"), first);
        assertTrue(first.contains("| 2026-03-01T10:00:00.000Z | s-1 | cloudtrail.amazonaws.com | StopLogging | success | mallory |"), first);
        assertTrue(first.contains("### Alert 2 at 2026-03-01T12:00:00.000Z\n"), first);
        assertTrue(first.contains("| 2026-03-01T12:00:00.000Z | s-2 | cloudtrail.amazonaws.com | StopLogging | success | mallory |"), first);
        assertTrue(md.substring(deleted).contains("| 2026-03-01T11:00:00.000Z | d-1 | cloudtrail.amazonaws.com | DeleteTrail | success | mallory |"), md);
        assertTrue(md.indexOf("## Provenance") > deleted, md);

        for (String ext : new String[] {"md", "html", "ipynb"}) {
            Path a = report("a." + ext, SEED);
            Path b = report("b." + ext, SEED);
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), ext + ": two runs give the same bytes");
            Cli v = Cli.run("verify", "--db", db.toString(), a.toString());
            assertEquals(0, v.code(), ext + ": " + v.out() + v.err());
            assertTrue(v.out().contains(SEED + ": same rows (1)\nalerts: same alerts (3)\nalerts: events behind them: same rows (3)\nverdict: verified\n"),
                    ext + ": " + v.out());
        }
        JsonNode nb = JSON.readTree(dir.resolve("a.ipynb").toFile());
        List<JsonNode> code = new ArrayList<>();
        nb.path("cells").forEach(c -> {
            if (c.path("cell_type").asText().equals("code")) {
                code.add(c);
            }
        });
        assertEquals(1 + 1 + 3, code.size(), "the setup cell, the hunt's query, then one cell per alert that reads its events");
        StringBuilder last = new StringBuilder();
        code.get(4).path("outputs").get(0).path("data").path("text/plain").forEach(l -> last.append(l.asText()));
        assertTrue(last.toString().contains("2026-03-01T11:00:00.000Z | d-1 | cloudtrail.amazonaws.com | DeleteTrail | success | mallory"),
                "the medium rule's alert comes last, its event stored as the cell's output: " + last);
    }

    @Test
    void aReportOfTheAlertsAloneAndTheUsageErrors() throws Exception {
        String md = Files.readString(report("alone.md"));
        assertTrue(md.startsWith("# trailhunt report: detection alerts\n"), md);
        assertFalse(md.contains("| Hunt | Id | Result |"), "no hunt, no hunt grid: " + md);
        Cli none = Cli.run("report", "--db", db.toString(), "-o", dir.resolve("x.md").toString());
        assertEquals(2, none.code(), none.err());
        assertEquals(List.of("trailhunt report: give a HUNT to run, or --alerts to report the alerts `trailhunt detect` stored"
                + " (see `trailhunt report --help`)"), none.errLines());
        Cli data = Cli.run("report", "--data", log.toString(), "--alerts", "-o", dir.resolve("y.md").toString());
        assertEquals(2, data.code(), data.err());
        assertTrue(data.errLines().get(0).contains("--alerts reads the alerts `trailhunt detect --db FILE` stored"), data.err());
        assertFalse(Files.exists(dir.resolve("y.md")));
    }

    @Test
    void verifyDetectsAChangedAlertAnEditedEventRowAndAStoreWithoutAlerts() throws Exception {
        Path md = report("r.md");
        Path nb = report("r.ipynb");
        Path fresh = dir.resolve("fresh.duckdb");
        assertEquals(0, Cli.run("ingest", "--db", fresh.toString(), log.toString()).code());
        Cli missing = Cli.run("verify", "--db", fresh.toString(), md.toString());
        assertEquals(3, missing.code(), missing.out());
        assertTrue(missing.out().contains("alerts: MISSING: the store has no alerts table"), missing.out());

        // A row of the events behind an alert edited by hand.
        String text = Files.readString(md);
        String edited = text.replace("| s-2 | cloudtrail.amazonaws.com | StopLogging | success | mallory |",
                "| s-2 | cloudtrail.amazonaws.com | StopLogging | success | alice |");
        assertFalse(edited.equals(text));
        Path hand = dir.resolve("hand.md");
        Files.writeString(hand, edited);
        Cli v = Cli.run("verify", "--db", db.toString(), hand.toString());
        assertEquals(1, v.code(), v.out());
        assertTrue(v.out().contains("report text: EDITED"), v.out());
        assertTrue(v.out().contains("alerts: same alerts (3)\nalerts: events behind them: same rows (3)\n"), v.out());
        assertTrue(v.out().contains("alerts: shown events of the alert of Trail stopped: EDITED"), v.out());

        // An alert changed in the store after the report: a minute later.
        try (Store store = Store.openForWriting(db)) {
            store.execute("UPDATE alerts SET \"@timestamp\" = \"@timestamp\" + INTERVAL 1 MINUTE WHERE rule_id = 'r-deleted'");
        }
        for (Path report : List.of(md, nb)) {
            Cli changed = Cli.run("verify", "--db", db.toString(), report.toString());
            assertEquals(1, changed.code(), changed.out());
            assertTrue(changed.out().contains("alerts: DIFFERS: 3 alerts in the report, 3 in the store: 0 added, 0 removed, 1 changed\n"), changed.out());
            assertTrue(changed.out().contains(": @timestamp 2026-03-01T11:00:00.000Z → 2026-03-01T11:01:00.000Z\n"), changed.out());
            assertTrue(changed.out().endsWith("verdict: DIFFERS\n"), changed.out());
        }
    }

    @Test
    void anAlertsNotebookValidatesAndRerunsToItsStoredEvents() throws Exception {
        String python = NotebookReportTest.python();
        org.junit.jupiter.api.Assumptions.assumeTrue(python != null, "python packages absent");
        Path nb = report("alerts.ipynb", SEED);
        String line = NotebookReportTest.check(python, nb);
        System.out.println(line);
        assertTrue(line.contains("4 query cells reproduced"), "the hunt's query and the events of the three alerts: " + line);
    }

    @Test
    void aSuppressedAlertShowsItsCountAndVerifyComparesIt() throws Exception {
        // Two StopLogging calls of mallory read by the 10:05 execution, one group (user.name) per rule execution: one alert that
        // suppressed one.
        Path two = dir.resolve("two/trail.json");
        Files.createDirectories(two.getParent());
        Files.writeString(two, "{\"Records\":[" + String.join(",",
                record("s-1", "2026-03-01T10:01:00Z", "cloudtrail.amazonaws.com", "StopLogging", "mallory"),
                record("s-2", "2026-03-01T10:03:00Z", "cloudtrail.amazonaws.com", "StopLogging", "mallory")) + "]}", StandardCharsets.UTF_8);
        Path rules = dir.resolve("suppressing");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("stopped.toml"), rule("r-suppressed", "Trail stopped, suppressed", "high", 73, "T1562", "event.action:StopLogging")
                + "\n[rule.alert_suppression]\ngroup_by = [\"user.name\"]\n");
        Path store = dir.resolve("suppressed.duckdb");
        assertEquals(0, Cli.run("ingest", "--db", store.toString(), two.toString()).code());
        Cli detect = Cli.run("detect", "--db", store.toString(), "--rules", rules.toString());
        assertEquals(0, detect.code(), detect.err());
        assertTrue(detect.out().contains("events=s-1,s-2  suppressed 1 (2026-03-01T10:01:00Z .. 2026-03-01T10:03:00Z) user.name=mallory"), detect.out());
        Path md = dir.resolve("suppressed.md");
        Cli report = Cli.run("report", "--db", store.toString(), "--alerts", "-o", md.toString());
        assertEquals(0, report.code(), report.err());
        assertTrue(Files.readString(md).contains("suppressed 1 ("), Files.readString(md));
        Cli same = Cli.run("verify", "--db", store.toString(), md.toString());
        assertEquals(0, same.code(), same.out());
        try (Store s = Store.openForWriting(store)) {
            s.execute("UPDATE alerts SET suppression_docs_count = 5");
        }
        Cli changed = Cli.run("verify", "--db", store.toString(), md.toString());
        assertEquals(1, changed.code(), changed.out());
        assertTrue(changed.out().contains(": suppression_docs_count 1 → 5"), changed.out());
    }
}
