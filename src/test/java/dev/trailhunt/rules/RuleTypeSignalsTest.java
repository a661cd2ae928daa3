package dev.trailhunt.rules;

import dev.trailhunt.engine.AlertRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Caps each execution's alerts at {@code max_signals} for the aggregating rule types, as Kibana's executors do: threshold keeps
 * the first groups of an execution (by newest event, ascending), new_terms the first terms in key order, an EQL sequence search
 * returns at most max_signals sequences, and an ES|QL rule runs with {@code | LIMIT max_signals}; and suppresses the alerts of
 * every rule type Kibana suppresses (threshold for a duration, new_terms, EQL and ES|QL in memory). Rules and events are made for
 * the test: every rule runs every 5 minutes reading 6 minutes back, so an execution at 10:05 reads 09:59..10:05 and 10:10 reads
 * 10:04..10:10.
 */
class RuleTypeSignalsTest {
    @TempDir Path dir;

    private Rule rule(String name, String type, String language, int maxSignals, String query, String extra) throws IOException {
        String text = "[rule]\nrule_id = \"" + name + "\"\nname = \"" + name + "\"\ntype = \"" + type + "\"\nlanguage = \"" + language + "\"\n"
                + (type.equals("esql") ? "" : "index = [\"logs-aws.cloudtrail-*\"]\n")
                + "severity = \"high\"\nrisk_score = 73\nfrom = \"now-6m\"\ninterval = \"5m\"\nmax_signals = " + maxSignals + "\n"
                + "query = '''\n" + query + "\n'''\n" + extra;
        Path file = dir.resolve(name + "-" + maxSignals + ".toml");
        Files.writeString(file, text);
        return RuleLoader.load(List.of(file)).rules().get(0);
    }

    /** Runs a rule over the events and one that no rule matches at 11:00, so that the run's executions go on past 10:40. */
    private RuleRun run(String name, List<ObjectNode> events, Rule rule) {
        List<ObjectNode> all = new java.util.ArrayList<>(events);
        all.add(call("z", "2024-05-01T11:00:00Z", "GetObject", "carol"));
        RuleRun r = TrailEvents.detect(TrailEvents.store(dir.resolve(name + "-" + rule.maxSignals()), all), List.of(rule), null, null,
                HistoryPolicy.ALERT).runs().get(0);
        assertEquals(RuleRun.Status.RAN, r.status(), r.reason());
        return r;
    }

    private static ObjectNode call(String id, String time, String action, String user) {
        ObjectNode e = TrailEvents.event(id, time, "s3.amazonaws.com", action);
        ObjectNode who = (ObjectNode) e.get("userIdentity");
        who.put("userName", user);
        who.put("arn", "arn:aws:iam::" + TrailEvents.ACCOUNT + ":user/" + user);
        return e;
    }

    private static final String THRESHOLD = "[rule.threshold]\nfield = [\"user.name\"]\nvalue = 2\n";

    @Test
    void thresholdKeepsAnExecutionsFirstGroupsAndAGroupOverTheCapAlertsLaterIfItStillReachesTheValue() throws IOException {
        // 10:05 reads both groups at 2 events; with max_signals 1 it alerts alice (newest event 10:02, before bob's 10:04:20).
        List<ObjectNode> events = List.of(call("a1", "2024-05-01T10:01:00Z", "ListBuckets", "alice"), call("a2", "2024-05-01T10:02:00Z", "ListBuckets", "alice"),
                call("b1", "2024-05-01T10:04:10Z", "ListBuckets", "bob"), call("b2", "2024-05-01T10:04:20Z", "ListBuckets", "bob"));
        RuleRun one = run("threshold", events, rule("threshold", "threshold", "kuery", 1, "event.action: ListBuckets", THRESHOLD));
        // bob's two events are still in 10:10's window (10:04..10:10), so 10:10 alerts bob.
        assertEquals(List.of("2024-05-01T10:05:00Z user.name=alice", "2024-05-01T10:10:00Z user.name=bob"),
                one.alerts().stream().map(a -> a.timestamp() + " " + String.join(" ", a.groupBy())).toList());
        assertTrue(one.reason().contains("max_signals 1: 1 group reached the threshold over an execution's cap"), one.reason());
        // bob at 10:02:30 and 10:03: 10:10 no longer reads them, so bob never alerts.
        List<ObjectNode> early = List.of(call("a1", "2024-05-01T10:01:00Z", "ListBuckets", "alice"), call("a2", "2024-05-01T10:02:00Z", "ListBuckets", "alice"),
                call("b1", "2024-05-01T10:02:30Z", "ListBuckets", "bob"), call("b2", "2024-05-01T10:03:00Z", "ListBuckets", "bob"));
        RuleRun never = run("threshold-early", early, rule("threshold", "threshold", "kuery", 1, "event.action: ListBuckets", THRESHOLD));
        assertEquals(List.of("user.name=alice"), never.alerts().stream().flatMap(a -> a.groupBy().stream()).toList());
        assertEquals(2, run("threshold-two", early, rule("threshold", "threshold", "kuery", 2, "event.action: ListBuckets", THRESHOLD)).alerts().size());
    }

    private static final String NEW_TERMS = "[rule.new_terms]\nfield = \"new_terms_fields\"\nvalue = [\"user.name\"]\n"
            + "[[rule.new_terms.history_window_start]]\nfield = \"history_window_start\"\nvalue = \"now-10m\"\n";

    @Test
    void newTermsKeepsAnExecutionsFirstTermsInKeyOrder() throws IOException {
        // 10:05 reads two new terms; max_signals 1 keeps "alice" (key order), though bob's event is the earlier one.
        List<ObjectNode> events = List.of(call("b1", "2024-05-01T10:01:00Z", "ListBuckets", "bob"), call("a1", "2024-05-01T10:02:00Z", "ListBuckets", "alice"));
        RuleRun one = run("terms", events, rule("terms", "new_terms", "kuery", 1, "event.action: ListBuckets", NEW_TERMS));
        assertEquals(List.of(List.of("a1")), one.alerts().stream().map(Alert::eventIds).toList());
        assertTrue(one.reason().contains("max_signals 1: 1 new term over the cap of every execution that read it"), one.reason());
        assertEquals(2, run("terms", events, rule("terms", "new_terms", "kuery", 2, "event.action: ListBuckets", NEW_TERMS)).alerts().size());
    }

    private static final String SEQUENCE = "sequence by user.name with maxspan=5m\n  [any where event.action == \"CreateUser\"]\n"
            + "  [any where event.action == \"CreateAccessKey\"]";

    @Test
    void anEqlSequenceSearchReturnsAtMostMaxSignalsSequencesEarliestFirst() throws IOException {
        // 10:05 reads both sequences; max_signals 1 keeps bob's, which starts first; 10:10 reads neither whole.
        List<ObjectNode> events = List.of(call("b1", "2024-05-01T10:01:00Z", "CreateUser", "bob"), call("a1", "2024-05-01T10:01:30Z", "CreateUser", "alice"),
                call("b2", "2024-05-01T10:02:00Z", "CreateAccessKey", "bob"), call("a2", "2024-05-01T10:02:30Z", "CreateAccessKey", "alice"));
        RuleRun one = run("sequence", events, rule("sequence", "eql", "eql", 1, SEQUENCE, ""));
        assertEquals(List.of(List.of("b1", "b2")), one.alerts().stream().map(Alert::eventIds).toList());
        assertTrue(one.reason().contains("max_signals 1: 1 sequence over the cap of every execution that read it"), one.reason());
        assertEquals(2, run("sequence", events, rule("sequence", "eql", "eql", 2, SEQUENCE, "")).alerts().size());
    }

    private static final String STATS = "FROM logs-aws.cloudtrail-*\n| WHERE event.action == \"ListBuckets\"\n"
            + "| STATS calls = COUNT(*) BY user.name\n| WHERE calls >= 2";

    @Test
    void anAggregatingEsqlRuleKeepsMaxSignalsRowsPerExecution() throws IOException {
        // 10:05 and 10:10 both read two rows (alice and bob, two calls each); max_signals 1 keeps one row of each execution.
        List<ObjectNode> events = List.of(call("a1", "2024-05-01T10:04:10Z", "ListBuckets", "alice"), call("a2", "2024-05-01T10:04:20Z", "ListBuckets", "alice"),
                call("b1", "2024-05-01T10:04:30Z", "ListBuckets", "bob"), call("b2", "2024-05-01T10:04:40Z", "ListBuckets", "bob"));
        RuleRun one = run("esql", events, rule("esql", "esql", "esql", 1, STATS, ""));
        assertEquals(1, one.alerts().size(), one.alerts().toString());
        assertTrue(one.reason().contains("max_signals 1: 2 rows over the cap of their execution"), one.reason());
        RuleRun two = run("esql", events, rule("esql", "esql", "esql", 2, STATS, ""));
        assertEquals(2, two.alerts().size());
        assertTrue(!two.reason().contains("max_signals"), two.reason());
    }

    private static final String SUPPRESS = "[rule.alert_suppression]\ngroup_by = [\"user.name\"]\nduration = {value = 15, unit = \"m\"}\n";

    @Test
    void anAggregatingEsqlRuleSuppressesItsRowsForTheDurationFromTheAlertsCreation() throws IOException {
        // Every execution's row is a candidate timed at the execution (a STATS row has no @timestamp). 10:05 and 10:10 read alice's
        // two calls: the alert of 10:05 takes in the row of 10:10. 10:35 and 10:40 read her later calls: 10:35 - 15m is after 10:05,
        // so 10:35 opens a new alert, which takes in the row of 10:40.
        List<ObjectNode> events = List.of(call("a1", "2024-05-01T10:04:10Z", "ListBuckets", "alice"), call("a2", "2024-05-01T10:04:20Z", "ListBuckets", "alice"),
                call("a3", "2024-05-01T10:34:10Z", "ListBuckets", "alice"), call("a4", "2024-05-01T10:34:20Z", "ListBuckets", "alice"));
        RuleRun r = run("esql-suppressed", events, rule("esql-suppressed", "esql", "esql", 100, STATS, SUPPRESS));
        assertEquals(List.of(new AlertRow.Suppression(1, Instant.parse("2024-05-01T10:05:00Z"), Instant.parse("2024-05-01T10:10:00Z"), List.of("user.name=alice")),
                new AlertRow.Suppression(1, Instant.parse("2024-05-01T10:35:00Z"), Instant.parse("2024-05-01T10:40:00Z"), List.of("user.name=alice"))),
                r.alerts().stream().map(Alert::suppression).toList());
        // Per rule execution, each of the four executions alerts.
        RuleRun each = run("esql-each", events, rule("esql-each", "esql", "esql", 100, STATS, SUPPRESS.replace("duration = {value = 15, unit = \"m\"}\n", "")));
        assertEquals(4, each.alerts().size(), each.alerts().toString());
    }

    @Test
    void singleEventEqlAndEventRowEsqlSuppressPerExecution() throws IOException {
        // Per rule execution: 10:05 reads alice's two calls (one alert that suppressed one) and bob's (an alert of its own).
        List<ObjectNode> events = List.of(call("a1", "2024-05-01T10:01:00Z", "ListBuckets", "alice"), call("b1", "2024-05-01T10:02:00Z", "ListBuckets", "bob"),
                call("a2", "2024-05-01T10:03:00Z", "ListBuckets", "alice"));
        String perExecution = "[rule.alert_suppression]\ngroup_by = [\"user.name\"]\n";
        RuleRun eql = run("eql-suppressed", events, rule("eql-suppressed", "eql", "eql", 100, "any where event.action == \"ListBuckets\"", perExecution));
        assertEquals(List.of("a1,a2 1", "b1 0"), eql.alerts().stream().map(a -> String.join(",", a.eventIds()) + " " + a.suppression().docsCount()).toList());
        RuleRun rows = run("esql-rows", events, rule("esql-rows", "esql", "esql", 100,
                "FROM logs-aws.cloudtrail-*\n| WHERE event.action == \"ListBuckets\"\n| KEEP @timestamp, user.name", perExecution));
        assertEquals(List.of("a1,a2 1", "b1 0"), rows.alerts().stream().map(a -> String.join(",", a.eventIds()) + " " + a.suppression().docsCount()).toList());
        // Rows that do not keep the group_by field: Kibana would read it from the source event, which these rows do not carry.
        RuleRun unkept = run("esql-unkept", events, rule("esql-unkept", "esql", "esql", 100,
                "FROM logs-aws.cloudtrail-*\n| WHERE event.action == \"ListBuckets\"\n| KEEP @timestamp", perExecution));
        assertEquals(3, unkept.alerts().size());
        assertTrue(unkept.reason().contains("unsupported: alert_suppression by user.name, which the rule's rows do not keep"), unkept.reason());
    }

    @Test
    void thresholdAlertsAreSuppressedForTheDurationByThresholdFields() throws IOException {
        // 10:05 alerts alice (a1, a2). 10:10 reads a3 and a4, newer than that alert's events (threshold signal history): a new
        // threshold alert of the group, which the alert of 10:05 takes in (10:10 - 15m is before 10:05). 10:30 - 15m is after
        // 10:05, so a5 and a6 open a new alert. Kibana times a suppressed threshold alert at its execution.
        List<ObjectNode> events = List.of(call("a1", "2024-05-01T10:01:00Z", "ListBuckets", "alice"), call("a2", "2024-05-01T10:02:00Z", "ListBuckets", "alice"),
                call("a3", "2024-05-01T10:06:00Z", "ListBuckets", "alice"), call("a4", "2024-05-01T10:07:00Z", "ListBuckets", "alice"),
                call("a5", "2024-05-01T10:26:00Z", "ListBuckets", "alice"), call("a6", "2024-05-01T10:27:00Z", "ListBuckets", "alice"));
        // A threshold rule's alert_suppression holds a duration alone (Kibana's ThresholdAlertSuppression): its groups are the
        // threshold fields.
        String suppress = THRESHOLD + "[rule.alert_suppression]\nduration = {value = 15, unit = \"m\"}\n";
        RuleRun r = run("threshold-suppressed", events, rule("threshold-suppressed", "threshold", "kuery", 100, "event.action: ListBuckets", suppress));
        assertEquals(List.of(List.of("a1", "a2", "a3", "a4"), List.of("a5", "a6")), r.alerts().stream().map(Alert::eventIds).toList());
        assertEquals(List.of(new AlertRow.Suppression(1, Instant.parse("2024-05-01T10:05:00Z"), Instant.parse("2024-05-01T10:10:00Z"), List.of("user.name=alice")),
                new AlertRow.Suppression(0, Instant.parse("2024-05-01T10:30:00Z"), Instant.parse("2024-05-01T10:30:00Z"), List.of("user.name=alice"))),
                r.alerts().stream().map(Alert::suppression).toList());
        assertEquals(3, run("threshold-plain", events, rule("threshold-plain", "threshold", "kuery", 100, "event.action: ListBuckets", THRESHOLD)).alerts().size());
        // Without a duration Kibana has no threshold suppression: the alerts are the unsuppressed ones, and the note says so.
        RuleRun none = run("threshold-none", events, rule("threshold-none", "threshold", "kuery", 100, "event.action: ListBuckets",
                THRESHOLD + "[rule.alert_suppression]\ngroup_by = [\"user.name\"]\n"));
        assertEquals(3, none.alerts().size());
        assertTrue(none.reason().contains("unsupported: alert_suppression on threshold rules other than for a duration"), none.reason());
    }

    @Test
    void newTermsAlertsAreSuppressedInMemoryByTheirEventsGroup() throws IOException {
        // Three users new in one account: 10:05 raises alice's and bob's terms, one group (the account), so one alert that
        // suppressed one; carol's term, raised by 10:10, joins it while within 15 minutes of 10:05.
        List<ObjectNode> events = List.of(call("a1", "2024-05-01T10:01:00Z", "ListBuckets", "alice"), call("b1", "2024-05-01T10:02:00Z", "ListBuckets", "bob"),
                call("c1", "2024-05-01T10:08:00Z", "ListBuckets", "carol"));
        String suppress = NEW_TERMS + "[rule.alert_suppression]\ngroup_by = [\"cloud.account.id\"]\nduration = {value = 15, unit = \"m\"}\n";
        RuleRun r = run("terms-suppressed", events, rule("terms-suppressed", "new_terms", "kuery", 100, "event.action: ListBuckets", suppress));
        assertEquals(1, r.alerts().size(), r.alerts().toString());
        assertEquals(List.of("a1", "b1", "c1"), r.alerts().get(0).eventIds());
        assertEquals(new AlertRow.Suppression(2, Instant.parse("2024-05-01T10:01:00Z"), Instant.parse("2024-05-01T10:08:00Z"),
                List.of("cloud.account.id=" + TrailEvents.ACCOUNT)), r.alerts().get(0).suppression());
        // Per rule execution, carol's term (raised by 10:10) is an alert of its own.
        RuleRun each = run("terms-each", events, rule("terms-each", "new_terms", "kuery", 100, "event.action: ListBuckets",
                suppress.replace("duration = {value = 15, unit = \"m\"}\n", "")));
        assertEquals(List.of(List.of("a1", "b1"), List.of("c1")), each.alerts().stream().map(Alert::eventIds).toList());
    }
}
