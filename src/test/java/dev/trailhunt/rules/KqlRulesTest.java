package dev.trailhunt.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Elastic's own KQL rules (query, threshold, new_terms, from ../shared) over events made from each rule's
 * query: a matching event, each condition broken once, the threshold's boundary, new_terms' first and second occurrence.
 */
class KqlRulesTest {
    private static final String FLOW_LOGS = "defense_evasion_ec2_flow_log_deletion.toml";
    private static final String ROOT_BRUTE_FORCE = "credential_access_root_console_failure_brute_force.toml";
    private static final String ORG_DISCOVERY = "discovery_organization_discovery_by_rare_user.toml";

    @TempDir Path dir;

    private RuleRun run(String name, String rule, List<ObjectNode> events, HistoryPolicy policy, Instant from, Instant to) {
        Detection d = TrailEvents.detect(TrailEvents.store(dir.resolve(name), events), List.of(TrailEvents.sharedRule(rule)), from, to, policy);
        RuleRun r = d.runs().get(0);
        assertEquals(RuleRun.Status.RAN, r.status(), r.reason());
        return r;
    }

    private int alerts(String name, String rule, List<ObjectNode> events) {
        return run(name, rule, events, HistoryPolicy.WAIT, null, null).alerts().size();
    }

    @Test
    void queryRuleFiresOnceOnItsEventAndNotWhenAConditionBreaks() {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // data_stream.dataset:aws.cloudtrail and event.provider:ec2.amazonaws.com and event.action:DeleteFlowLogs and event.outcome:success
        assertEquals(1, alerts("match", FLOW_LOGS, List.of(TrailEvents.event("f1", "2024-05-01T10:00:00Z", "ec2.amazonaws.com", "DeleteFlowLogs"))));
        List<Consumer<ObjectNode>> breaks = List.of(
                e -> e.put("eventSource", "logs.amazonaws.com"),
                e -> e.put("eventName", "DescribeFlowLogs"),
                e -> e.put("errorCode", "Client.UnauthorizedOperation"),
                // A keyword term is case-sensitive.
                e -> e.put("eventName", "deleteflowlogs"));
        for (int i = 0; i < breaks.size(); i++) {
            ObjectNode e = TrailEvents.event("b" + i, "2024-05-01T10:00:00Z", "ec2.amazonaws.com", "DeleteFlowLogs");
            breaks.get(i).accept(e);
            assertEquals(0, alerts("break" + i, FLOW_LOGS, List.of(e)), "break " + i);
        }
        List<ObjectNode> two = List.of(TrailEvents.event("f1", "2024-05-01T10:00:00Z", "ec2.amazonaws.com", "DeleteFlowLogs"),
                TrailEvents.event("f2", "2024-05-03T10:00:00Z", "ec2.amazonaws.com", "DeleteFlowLogs"));
        RuleRun bounded = run("bounded", FLOW_LOGS, two, HistoryPolicy.WAIT, Instant.parse("2024-05-02T00:00:00Z"), null);
        assertEquals(List.of("f2"), bounded.alerts().get(0).eventIds(), "--from leaves the earlier event out");
        assertEquals(1, bounded.alerts().size());
    }

    private static ObjectNode rootFailure(String id, String time) {
        ObjectNode e = TrailEvents.event(id, time, "signin.amazonaws.com", "ConsoleLogin");
        ObjectNode who = (ObjectNode) e.get("userIdentity");
        who.put("type", "Root");
        who.put("arn", "arn:aws:iam::" + TrailEvents.ACCOUNT + ":root");
        who.remove("userName");
        who.remove("accessKeyId");
        e.putObject("responseElements").put("ConsoleLogin", "Failure");
        e.put("errorMessage", "Failed authentication");
        e.put("eventType", "AwsConsoleSignIn");
        return e;
    }

    private static List<ObjectNode> failures(int n, String start, int secondsApart) {
        List<ObjectNode> out = new ArrayList<>();
        Instant t = Instant.parse(start);
        for (int i = 0; i < n; i++) {
            out.add(rootFailure("r" + i, t.plusSeconds((long) i * secondsApart).toString()));
        }
        return out;
    }

    @Test
    void thresholdRuleFiresWhenAGroupReachesTheValueInOneWindow() {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // threshold: field cloud.account.id, value 10, from now-6m every 5m.
        RuleRun ten = run("ten", ROOT_BRUTE_FORCE, failures(10, "2024-05-01T10:00:00Z", 5), HistoryPolicy.WAIT, null, null);
        assertEquals(1, ten.alerts().size(), "10 failures in a minute reach the threshold once, though two windows overlap them");
        assertEquals(10, ten.alerts().get(0).eventIds().size());
        assertEquals(List.of("cloud.account.id=" + TrailEvents.ACCOUNT), ten.alerts().get(0).groupBy());
        assertEquals(0, alerts("nine", ROOT_BRUTE_FORCE, failures(9, "2024-05-01T10:00:00Z", 5)), "9 stay below it");
        // 10 failures 50 s apart span 7.5 minutes: no 6-minute window holds all of them.
        assertEquals(0, alerts("spread", ROOT_BRUTE_FORCE, failures(10, "2024-05-01T10:00:00Z", 50)));
        List<ObjectNode> success = failures(10, "2024-05-01T10:00:00Z", 5);
        ((ObjectNode) success.get(0).get("responseElements")).put("ConsoleLogin", "Success");
        success.get(0).remove("errorMessage");
        assertEquals(0, alerts("one success", ROOT_BRUTE_FORCE, success), "only failures count");
    }

    private static ObjectNode listAccounts(String id, String time, String user) {
        ObjectNode e = TrailEvents.event(id, time, "organizations.amazonaws.com", "ListAccounts");
        ObjectNode who = (ObjectNode) e.get("userIdentity");
        who.put("userName", user);
        who.put("arn", "arn:aws:iam::" + TrailEvents.ACCOUNT + ":user/" + user);
        return e;
    }

    @Test
    void newTermsRuleFiresOnTheFirstOccurrenceInItsHistoryOnly() {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // new_terms on cloud.account.id + user.name, history now-10d; the first event starts the data 11 days before.
        List<ObjectNode> events = List.of(
                TrailEvents.event("start", "2024-05-01T00:00:00Z", "sts.amazonaws.com", "GetCallerIdentity"),
                listAccounts("a1", "2024-05-12T10:00:00Z", "alice"),
                listAccounts("a2", "2024-05-12T11:00:00Z", "alice"),
                listAccounts("b1", "2024-05-12T12:00:00Z", "bob"),
                // Ten days and ten minutes after alice's last call: outside the history again.
                listAccounts("a3", "2024-05-22T11:10:00Z", "alice"),
                listAccounts("a4", "2024-05-22T12:00:00Z", "alice"));
        RuleRun r = run("terms", ORG_DISCOVERY, events, HistoryPolicy.WAIT, null, null);
        assertEquals(List.of("a1", "b1", "a3"), r.alerts().stream().map(a -> a.eventIds().get(0)).toList());
        assertEquals(List.of("cloud.account.id=" + TrailEvents.ACCOUNT, "user.name=alice"), r.alerts().get(0).groupBy());
    }

    @Test
    void newTermsFirstHistoryWindowWaitsUnlessToldOtherwise() {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        List<ObjectNode> events = List.of(listAccounts("a1", "2024-05-12T10:00:00Z", "alice"),
                listAccounts("a2", "2024-05-12T11:00:00Z", "alice"));
        RuleRun waited = run("wait", ORG_DISCOVERY, events, HistoryPolicy.WAIT, null, null);
        assertEquals(0, waited.alerts().size(), "the past before the first event is unknown");
        assertTrue(waited.reason().contains("--history wait") && waited.reason().contains("1 first sightings held back"), waited.reason());
        RuleRun alerted = run("alert", ORG_DISCOVERY, events, HistoryPolicy.ALERT, null, null);
        assertEquals(List.of("a1"), alerted.alerts().stream().map(a -> a.eventIds().get(0)).toList());
    }
}
