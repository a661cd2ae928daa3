package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trailhunt.engine.Store;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code trailhunt detect} in-process over the shared Panther events and Elastic's rules. */
class DetectCommandTest {
    private static final Path SHARED = Path.of(System.getProperty("trailhunt.shared", "../shared"));

    @TempDir Path dir;

    @Test
    void printsTheTriageSummaryFirstAndStoresTheAlerts() throws Exception {
        Path rules = SHARED.resolve("corpus/elastic-rules/rules/integrations/aws");
        Path events = SHARED.resolve("corpus/cloudtrail/panther-labs_panther-analysis/panther_cloudtrail_rule_tests.ndjson");
        assumeTrue(Files.isDirectory(rules) && Files.exists(events), "../shared is absent");
        Path db = dir.resolve("case.duckdb");
        Cli ingest = Cli.run("ingest", "--db", db.toString(), events.toString());
        assertTrue(Files.exists(db), ingest.err());
        Cli r = Cli.run("detect", "--db", db.toString(), "--rules", rules.resolve("defense_evasion_cloudtrail_logging_suspended.toml").toString(),
                "--rules", rules.resolve("initial_access_console_login_root.toml").toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("detect: 2 rules ran over "), lines.get(0));
        assertTrue(r.out().contains("rules that fired (by severity, risk score, alerts):"), r.out());
        assertTrue(r.out().indexOf("AWS CloudTrail Log Suspended") < r.out().indexOf("AWS Management Console Root Login"),
                "the high rule (risk 73) comes before the medium one (47)");
        try (Store store = Store.openForReading(db)) {
            ResultTable t = store.query("SELECT rule_name, count(*) FROM alerts GROUP BY rule_name ORDER BY rule_name",
                    List.of(new ResultColumn("rule_name", ValueType.KEYWORD), new ResultColumn("n", ValueType.LONG)));
            assertEquals(2, t.size(), "both rules' alerts are in the alerts table");
        }
        Path md = dir.resolve("detect.md");
        Cli report = Cli.run("detect", "--db", db.toString(), "--rules", rules.resolve("defense_evasion_cloudtrail_logging_suspended.toml").toString(),
                "-f", "markdown", "-o", md.toString());
        assertEquals(0, report.code(), report.err());
        String text = Files.readString(md);
        assertTrue(text.contains("### AWS CloudTrail Log Suspended"), text);
        // Panther's StopLogging detonation, the event behind the alert, is listed under it.
        assertTrue(text.matches("(?s).*\\| cloudtrail\\.amazonaws\\.com \\| StopLogging \\| success \\|.*"), text);
        Cli again = Cli.run("detect", "--db", db.toString(), "--rules", rules.resolve("initial_access_console_login_root.toml").toString(),
                "--severity", "high");
        assertTrue(again.out().startsWith("detect: 0 rules ran"), again.out());
        Cli none = Cli.run("detect", "--db", db.toString());
        assertEquals(2, none.code(), "--rules is required");
        Cli bad = Cli.run("detect", "--db", db.toString(), "--rules", dir.resolve("missing").toString());
        assertEquals(2, bad.code());
        assertEquals(1, bad.errLines().size(), bad.err());
    }
}
