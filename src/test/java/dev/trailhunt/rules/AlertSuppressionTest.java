package dev.trailhunt.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhunt.engine.AlertRow;
import dev.trailhunt.engine.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suppresses alerts as Kibana documents it ("Suppress detection alerts", elastic/security-docs alert-suppression.asciidoc):
 * one alert per group of group_by values, per rule execution or for a time period beginning when the alert is created, and
 * events lacking a group_by field grouped under a null value ({@code suppress}) or alerting one by one ({@code doNotSuppress}).
 * Expected values follow the documentation and the execution schedule (every 5 minutes on the epoch grid), worked by hand
 * in the comments.
 */
class AlertSuppressionTest {
    @TempDir Path dir;

    /** Returns an S3 GetObject of a credentials file, the shared rule's match, from {@code ip} (a service name has no source.ip). */
    private static ObjectNode getObject(String id, String time, String ip) {
        ObjectNode e = TrailEvents.event(id, time, "s3.amazonaws.com", "GetObject");
        e.put("sourceIPAddress", ip);
        ObjectNode p = e.putObject("requestParameters");
        p.put("bucketName", "backups");
        p.put("key", "home/alice/.aws/credentials");
        return e;
    }

    /** Loads the shared S3 credential-file rule (group_by source.ip, cloud.account.id; duration 5m; suppress), with TOML edits. */
    private Rule s3Rule(String from, String to) throws IOException {
        Path shared = RulesCensusTest.shared().resolve("corpus/elastic-rules/rules/integrations/aws/credential_access_credentials_in_s3_bucket.toml");
        Path file = dir.resolve("s3-" + Math.abs((from + to).hashCode()) + ".toml");
        Files.writeString(file, Files.readString(shared).replace(from, to));
        return RuleLoader.load(List.of(file)).rules().get(0);
    }

    private RuleRun run(String name, List<ObjectNode> events, Rule rule) {
        RuleRun r = TrailEvents.detect(TrailEvents.store(dir.resolve(name), events), List.of(rule), null, null, HistoryPolicy.WAIT).runs().get(0);
        assertEquals(RuleRun.Status.RAN, r.status(), r.reason());
        return r;
    }

    @Test
    void readsTheSharedRulesSuppressionSettings() throws IOException {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        AlertSuppression s = s3Rule("x", "x").suppression();
        assertEquals(List.of("source.ip", "cloud.account.id"), s.groupBy());
        assertEquals(java.time.Duration.ofMinutes(5), s.duration());
        assertTrue(s.suppressMissing());
        AlertSuppression esql = TrailEvents.sharedRule("exfiltration_bedrock_high_frequency_inference_api_probing.toml").suppression();
        assertEquals("group_by aws.cloudtrail.user_identity.arn, cloud.account.id, duration 1h, missing_fields_strategy suppress", esql.describe());
    }

    @Test
    void aGroupAlertsOnceAndTakesInItsLaterEventsForTheDurationThenAlertsAnew() throws IOException {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // from now-6m every 5m. 10:05 reads 09:59..10:05: a1 and a2 make one group, so one alert (created at 10:05) that suppressed
        // one. 10:10 reads 10:04..10:10: a3 is suppressed into it, the alert being created at or after 10:10 - 5m (Kibana's range is
        // gte). 10:20 reads 10:14..10:20: the alert of 10:05 is older than 10:20 - 5m, so a4 opens a new alert. b1, from another
        // address, is a group of its own.
        List<ObjectNode> events = List.of(getObject("a1", "2024-05-01T10:01:00Z", "203.0.113.7"), getObject("a2", "2024-05-01T10:02:00Z", "203.0.113.7"),
                getObject("b1", "2024-05-01T10:03:00Z", "198.51.100.9"), getObject("a3", "2024-05-01T10:06:00Z", "203.0.113.7"),
                getObject("a4", "2024-05-01T10:16:00Z", "203.0.113.7"));
        RuleRun r = run("duration", events, s3Rule("x", "x"));
        assertEquals(3, r.alerts().size(), r.alerts().toString());
        Alert first = r.alerts().get(0);
        assertEquals(List.of("a1", "a2", "a3"), first.eventIds());
        assertEquals(Instant.parse("2024-05-01T10:01:00Z"), first.timestamp());
        assertEquals(new AlertRow.Suppression(2, Instant.parse("2024-05-01T10:01:00Z"), Instant.parse("2024-05-01T10:06:00Z"),
                List.of("source.ip=203.0.113.7", "cloud.account.id=" + TrailEvents.ACCOUNT)), first.suppression());
        Alert other = r.alerts().get(1);
        assertEquals(List.of("b1"), other.eventIds());
        assertEquals(0, other.suppression().docsCount());
        Alert again = r.alerts().get(2);
        assertEquals(List.of("a4"), again.eventIds());
        assertEquals(0, again.suppression().docsCount());
        assertTrue(r.reason().contains("alert_suppression (group_by source.ip, cloud.account.id, duration 5m, missing_fields_strategy suppress)"),
                r.reason());
        assertTrue(!r.reason().contains("unsupported"), r.reason());
    }

    @Test
    void perRuleExecutionGroupsOnlyWithinEachExecution() throws IOException {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // Without a duration: 10:05 groups a1 and a2; a3 is read by 10:10, a new execution, so it is an alert of its own.
        Rule rule = s3Rule("duration = {value = 5, unit = \"m\"}\n", "");
        assertNull(rule.suppression().duration());
        RuleRun r = run("per-execution", List.of(getObject("a1", "2024-05-01T10:01:00Z", "203.0.113.7"),
                getObject("a2", "2024-05-01T10:02:00Z", "203.0.113.7"), getObject("a3", "2024-05-01T10:06:00Z", "203.0.113.7")), rule);
        assertEquals(List.of(List.of("a1", "a2"), List.of("a3")), r.alerts().stream().map(Alert::eventIds).toList());
        assertEquals(List.of(1L, 0L), r.alerts().stream().map(a -> a.suppression().docsCount()).toList());
    }

    @Test
    void eventsLackingAGroupByFieldGroupUnderNullOrAlertAlone() throws IOException {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // An AWS service name in sourceIPAddress gives no source.ip: under "suppress" both events are one group, source.ip null.
        List<ObjectNode> events = List.of(getObject("m1", "2024-05-01T10:01:00Z", "s3.amazonaws.com"),
                getObject("m2", "2024-05-01T10:02:00Z", "s3.amazonaws.com"));
        RuleRun grouped = run("suppress", events, s3Rule("x", "x"));
        assertEquals(1, grouped.alerts().size());
        assertEquals(List.of("source.ip=null", "cloud.account.id=" + TrailEvents.ACCOUNT), grouped.alerts().get(0).suppression().terms());
        assertEquals(1, grouped.alerts().get(0).suppression().docsCount());
        // Under "doNotSuppress" each is an ordinary alert.
        RuleRun alone = run("alone", events, s3Rule("missing_fields_strategy = \"suppress\"", "missing_fields_strategy = \"doNotSuppress\""));
        assertEquals(List.of(List.of("m1"), List.of("m2")), alone.alerts().stream().map(Alert::eventIds).toList());
        assertTrue(alone.alerts().stream().allMatch(a -> a.suppression() == null));
    }

    @Test
    void theAlertsTableKeepsTheSuppressionAndAStoreOfTheEarlierLayoutIsMigrated() throws Exception {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        Path db = TrailEvents.store(dir.resolve("table"), List.of(getObject("a1", "2024-05-01T10:01:00Z", "203.0.113.7"),
                getObject("a2", "2024-05-01T10:02:00Z", "203.0.113.7")));
        // A store that detect wrote before suppression existed: ten columns, one alert of another rule.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE alerts (\"rule_id\" VARCHAR, \"rule_name\" VARCHAR, \"rule_type\" VARCHAR, \"severity\" VARCHAR,"
                    + " \"risk_score\" INTEGER, \"techniques\" VARCHAR[], \"@timestamp\" TIMESTAMP, \"event_ids\" VARCHAR[],"
                    + " \"event_hashes\" VARCHAR[], \"group_by\" VARCHAR[])");
            st.execute("INSERT INTO alerts VALUES ('old', 'Old rule', 'query', 'low', 21, ['T1'], TIMESTAMP '2024-05-01 09:00:00', ['x'], ['hx'], [])");
        }
        try (Store store = Store.openForReading(db)) {
            List<AlertRow> before = store.alerts();
            assertEquals(1, before.size());
            assertNull(before.get(0).suppression());
        }
        TrailEvents.detect(db, List.of(s3Rule("x", "x")), null, null, HistoryPolicy.WAIT);
        try (Store store = Store.openForReading(db)) {
            List<AlertRow> rows = new ArrayList<>(store.alerts());
            assertEquals(2, rows.size(), "the old rule's alert stays");
            AlertRow s3 = rows.stream().filter(a -> !a.ruleId().equals("old")).findFirst().orElseThrow();
            assertEquals(new AlertRow.Suppression(1, Instant.parse("2024-05-01T10:01:00Z"), Instant.parse("2024-05-01T10:02:00Z"),
                    List.of("source.ip=203.0.113.7", "cloud.account.id=" + TrailEvents.ACCOUNT)), s3.suppression());
            assertNull(rows.stream().filter(a -> a.ruleId().equals("old")).findFirst().orElseThrow().suppression());
        }
    }

    @Test
    void detectPrintsTheSuppressionOfEachAlertAndExplainShowsTheSettings() throws IOException {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        Path db = TrailEvents.store(dir.resolve("print"), List.of(getObject("a1", "2024-05-01T10:01:00Z", "203.0.113.7"),
                getObject("a2", "2024-05-01T10:02:00Z", "203.0.113.7")));
        Detection d = TrailEvents.detect(db, List.of(s3Rule("x", "x")), null, null, HistoryPolicy.WAIT);
        java.io.StringWriter text = new java.io.StringWriter();
        dev.trailhunt.report.DetectionText.write(d, new java.io.PrintWriter(text));
        assertTrue(text.toString().contains("events=a1,a2  suppressed 1 (2024-05-01T10:01:00Z .. 2024-05-01T10:02:00Z) source.ip=203.0.113.7 cloud.account.id="
                + TrailEvents.ACCOUNT), text.toString());
        java.io.StringWriter explain = new java.io.StringWriter();
        try (Store store = Store.openForReading(db)) {
            DetectionExplain.write(store, d, new java.io.PrintWriter(explain));
        }
        assertTrue(explain.toString().contains("max_signals 100 (suppression groups per execution, in term order), alert_suppression group_by source.ip,"
                + " cloud.account.id, duration 5m, missing_fields_strategy suppress;"), explain.toString());
    }
}
