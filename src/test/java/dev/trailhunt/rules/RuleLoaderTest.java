package dev.trailhunt.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads rule files as detect does: a bad file or query fails alone at its line:column; rules that cannot run say why. */
class RuleLoaderTest {
    @TempDir Path dir;

    private static String rule(String id, String type, String language, String index, String query) {
        return "[metadata]\nmaturity = \"production\"\n\n[rule]\n"
                + "rule_id = \"" + id + "\"\nname = \"Rule " + id + "\"\ntype = \"" + type + "\"\nlanguage = \"" + language + "\"\n"
                + "index = [" + index + "]\nseverity = \"high\"\nrisk_score = 73\nfrom = \"now-9m\"\ninterval = \"3m\"\n"
                + "tags = [\"Tactic: Defense Evasion\"]\n"
                + "query = '''\n" + query + "\n'''\n\n[[rule.threat]]\nframework = \"MITRE ATT&CK\"\n"
                + "[[rule.threat.technique]]\nid = \"T1562\"\nname = \"Impair Defenses\"\n"
                + "[[rule.threat.technique.subtechnique]]\nid = \"T1562.008\"\nname = \"Disable or Modify Cloud Logs\"\n"
                + "[rule.threat.tactic]\nid = \"TA0005\"\nname = \"Defense Evasion\"\n";
    }

    @Test
    void readsTheFieldsDetectUses() throws IOException {
        Files.writeString(dir.resolve("a.toml"), rule("a", "query", "kuery", "\"logs-aws.cloudtrail-*\"", "event.action:StopLogging"));
        RuleSet set = RuleLoader.load(List.of(dir));
        Rule r = set.rules().get(0);
        assertEquals(RuleType.QUERY, r.type());
        assertEquals(Duration.ofMinutes(9), r.lookback());
        assertEquals(Duration.ofMinutes(3), r.interval());
        assertEquals(Severity.HIGH, r.severity());
        assertEquals(73, r.riskScore());
        assertEquals(List.of("T1562", "T1562.008"), r.techniques());
        assertEquals(List.of("Defense Evasion"), r.tactics());
        assertEquals(16, r.queryLine(), "the query's text starts on line 16, after the line break TOML drops");
        assertTrue(RuleSelector.selects(r, Severity.MEDIUM, List.of("T1562")), "a technique selects its subtechnique rules");
        assertTrue(RuleSelector.selects(r, null, List.of("defense evasion")), "a tag's value selects");
        assertTrue(!RuleSelector.selects(r, Severity.CRITICAL, List.of()), "--severity critical leaves a high rule out");
    }

    @Test
    void aBadFileOrQueryFailsAloneAtItsPosition() throws IOException {
        Files.writeString(dir.resolve("broken.toml"), "[rule]\nname = \"unterminated\nrule_id = \"x\"\n");
        Files.writeString(dir.resolve("hunt.toml"), "[hunt]\nname = \"a hunt, not a rule\"\n");
        Files.writeString(dir.resolve("kql.toml"), rule("k", "query", "kuery", "\"logs-aws.cloudtrail-*\"",
                "event.provider:ec2.amazonaws.com and\n  event.action:(DeleteFlowLogs or ) and event.outcome:success"));
        Files.writeString(dir.resolve("ml.toml"), rule("m", "machine_learning", "", "", "x"));
        Files.writeString(dir.resolve("endpoint.toml"), rule("e", "query", "kuery", "\"logs-endpoint.events.*\"", "process.name:aws"));
        Files.writeString(dir.resolve("good.toml"), rule("g", "query", "kuery", "\"filebeat-*\", \"logs-aws.cloudtrail-*\"",
                "event.action:DeleteFlowLogs"));
        RuleSet set = RuleLoader.load(List.of(dir));
        assertEquals(1, set.invalid().size(), set.invalid().toString());
        assertTrue(set.invalid().get(0).matches("(?s).*broken\\.toml:2:\\d+: not valid TOML.*"), set.invalid().get(0));
        assertEquals(1, set.ignored(), "a TOML file without [rule] in a folder is not a rule");
        assertEquals(4, set.rules().size());

        ObjectNode e = TrailEvents.event("g1", "2024-05-01T10:00:00Z", "ec2.amazonaws.com", "DeleteFlowLogs");
        Detection d = TrailEvents.detect(TrailEvents.store(dir.resolve("store"), List.of(e)), set.rules(), null, null, HistoryPolicy.WAIT);
        RuleRun endpoint = d.runs().get(0);
        RuleRun good = d.runs().get(1);
        RuleRun kql = d.runs().get(2);
        RuleRun ml = d.runs().get(3);
        assertEquals(RuleRun.Status.NOT_RUN, endpoint.status());
        assertEquals("reads logs-endpoint.events.*, not CloudTrail", endpoint.reason());
        assertEquals(RuleRun.Status.NOT_RUN, ml.status());
        assertTrue(ml.reason().startsWith("machine learning rule"), ml.reason());
        assertEquals(RuleRun.Status.FAILED, kql.status());
        // The query starts on line 16; on its second line, column 35 closes a list that still expects a value.
        assertTrue(kql.reason().matches("(?s).*kql\\.toml:17:35: .*\n  event\\.action:\\(DeleteFlowLogs or \\) and event\\.outcome:success\n {34}\\^"),
                kql.reason());
        assertEquals(RuleRun.Status.RAN, good.status());
        assertEquals(1, good.alerts().size(), "the good rule ran beside the broken ones");
    }
}
