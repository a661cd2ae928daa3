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
        Cli verbose = Cli.run("detect", "--db", db.toString(), "--rules", rules.resolve("defense_evasion_cloudtrail_logging_suspended.toml").toString(),
                "--verbose", "-f", "json", "-o", dir.resolve("alerts.json").toString());
        assertEquals(0, verbose.code(), verbose.err());
        // Where the time went: the rules, slowest first, then every phase of the command in order.
        assertTrue(verbose.err().matches("(?s)rule timings \\(ms, slowest first; \\d+ ms in all\\):\n +\\d+  query +AWS CloudTrail Log Suspended\n"
                + "phases \\(ms\\): JVM start \\d+, rule files \\d+, store opened \\d+, rules run \\(\\d connections?\\) \\d+, alerts stored \\d+, "
                + "output rendered \\d+, output written \\d+; \\d+ in all\ndetect: 1 rule ran .*"), verbose.err());
        Cli again = Cli.run("detect", "--db", db.toString(), "--rules", rules.resolve("initial_access_console_login_root.toml").toString(),
                "--severity", "high");
        assertTrue(again.out().startsWith("detect: 0 rules ran"), again.out());
        Cli none = Cli.run("detect", "--db", db.toString());
        assertEquals(2, none.code(), "--rules is required");
        Cli bad = Cli.run("detect", "--db", db.toString(), "--rules", dir.resolve("missing").toString());
        assertEquals(2, bad.code());
        assertEquals(1, bad.errLines().size(), bad.err());
    }

    @Test
    void explainShowsEachRulesLoweredQueryPlanAndSqlAndStoresNothing() throws Exception {
        Path rules = SHARED.resolve("corpus/elastic-rules/rules/integrations/aws");
        Path events = SHARED.resolve("corpus/cloudtrail/panther-labs_panther-analysis/panther_cloudtrail_rule_tests.ndjson");
        assumeTrue(Files.isDirectory(rules) && Files.exists(events), "../shared is absent");
        Path db = dir.resolve("case.duckdb");
        Cli ingest = Cli.run("ingest", "--db", db.toString(), events.toString());
        assertTrue(Files.exists(db), ingest.err());
        Cli r = Cli.run("detect", "--db", db.toString(), "--explain",
                "--rules", rules.resolve("defense_evasion_cloudtrail_logging_suspended.toml").toString(),
                "--rules", rules.resolve("execution_ec2_stop_start_with_user_data_modification.toml").toString(),
                "--rules", rules.resolve("ml_cloudtrail_rare_error_code.toml").toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("rule: AWS CloudTrail Log Suspended ("), out);
        // KQL: the query, its lowering into the ES|QL AST, the plan and the SQL.
        assertTrue(out.contains("type: query, language kuery"), out);
        assertTrue(out.contains("$term(event.action, \"StopLogging\")"), out);
        assertTrue(out.matches("(?s).*plan: every 5m, each execution reading back 6m, max_signals 100 \\(events per execution, earliest first\\); \\d+ executions from .*"), out);
        assertTrue(out.contains("  SQL (one set-based query over the whole run"), out);
        assertTrue(out.contains("status: ran, 1 alert"), out);
        // ES|QL: no lowering, its own SQL; machine learning: why not.
        assertTrue(out.contains("type: esql, language esql"), out);
        assertTrue(out.contains("status: not run"), out);
        assertTrue(out.contains("machine learning"), out);
        try (Store store = Store.openForReading(db)) {
            ResultTable t = store.query("SELECT count(*) FROM alerts", List.of(new ResultColumn("n", ValueType.LONG)));
            assertEquals(0L, ((Number) t.rows().get(0).get(0)).longValue(), "explain stores no alerts");
        } catch (dev.trailhunt.engine.QueryException e) {
            // No alerts table at all: nothing stored either.
        }
    }
}
