package dev.trailhunt.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trailhunt.engine.Store;
import dev.trailhunt.ingest.IngestOptions;
import dev.trailhunt.ingest.IngestProgress;
import dev.trailhunt.ingest.Ingester;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every aggregating ES|QL rule of ../shared over the shared CloudTrail corpus twice, all windows in one
 * query and window by window, and requires the same alerts.
 */
class WindowedStatsTest {
    @TempDir Path dir;

    @Test
    void oneQueryForAllWindowsGivesTheAlertsOfEachWindowInTurn() {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        Path corpus = RulesCensusTest.shared().resolve("corpus");
        Path db = dir.resolve("corpus.duckdb");
        new Ingester(IngestOptions.defaults()).ingest(db, List.of(corpus.resolve("cloudtrail")), IngestProgress.NONE);
        RuleSet set = RuleLoader.load(List.of(corpus.resolve("elastic-rules")));
        int compared = 0;
        int alerts = 0;
        try (Store store = Store.openForReading(db)) {
            var profile = store.profile();
            RuleCompiler compiler = RuleCompiler.forStore(store, profile.last());
            for (Rule r : set.rules()) {
                if (r.type() != RuleType.ESQL || !r.query().toLowerCase(java.util.Locale.ROOT).contains("stats")) {
                    continue;
                }
                ExecutionPlan plan = new ExecutionPlan(profile.first(), profile.last(), r.interval(), r.lookback());
                RuleRun batched = EsqlRuleRunner.run(r, store, compiler, plan, true);
                RuleRun windows = EsqlRuleRunner.run(r, store, compiler, plan, false);
                assertEquals(windows.status(), batched.status(), r.name() + ": " + batched.reason());
                assertEquals(groups(windows), groups(batched), r.name());
                compared++;
                alerts += batched.alerts().size();
            }
        }
        System.out.println("windowed stats: " + compared + " aggregating ES|QL rules, " + alerts + " alerts, the same in one query as window by window");
        assertTrue(compared > 10, "the aggregating rules were compared");
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode ec2(String id, String time, String action, boolean userData) {
        var e = TrailEvents.event(id, time, "ec2.amazonaws.com", action);
        var p = e.putObject("requestParameters");
        if (userData) {
            p.put("instanceId", "i-0abc1234");
            p.put("userData", "<sensitiveDataRemoved>");
        } else {
            p.putObject("instancesSet").putArray("items").addObject().put("instanceId", "i-0abc1234");
            p.put("force", false);
        }
        return e;
    }

    @Test
    void stopModifyStartWithinOneBucketAlertsOnceEitherWay() {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // STATS COUNT_DISTINCT(event.action) BY instance, user, …, DATE_TRUNC(5 minute, @timestamp) | WHERE count == 3
        Rule rule = TrailEvents.sharedRule("execution_ec2_stop_start_with_user_data_modification.toml");
        List<com.fasterxml.jackson.databind.node.ObjectNode> events = List.of(
                ec2("e1", "2024-05-01T10:01:00Z", "StopInstances", false),
                ec2("e2", "2024-05-01T10:02:00Z", "ModifyInstanceAttribute", true),
                ec2("e3", "2024-05-01T10:03:00Z", "StartInstances", false),
                // The same three calls across two 5-minute buckets do not make a group of three.
                ec2("f1", "2024-05-02T10:04:00Z", "StopInstances", false),
                ec2("f2", "2024-05-02T10:06:00Z", "ModifyInstanceAttribute", true),
                ec2("f3", "2024-05-02T10:07:00Z", "StartInstances", false));
        Path db = TrailEvents.store(dir.resolve("ec2"), events);
        try (Store store = Store.openForReading(db)) {
            var profile = store.profile();
            RuleCompiler compiler = RuleCompiler.forStore(store, profile.last());
            ExecutionPlan plan = new ExecutionPlan(profile.first(), profile.last(), rule.interval(), rule.lookback());
            RuleRun batched = EsqlRuleRunner.run(rule, store, compiler, plan, true);
            RuleRun windows = EsqlRuleRunner.run(rule, store, compiler, plan, false);
            assertEquals(RuleRun.Status.RAN, batched.status(), batched.reason());
            assertEquals(1, batched.alerts().size(), batched.alerts().toString());
            assertEquals(groups(windows), groups(batched));
            assertTrue(batched.alerts().get(0).groupBy().contains("Esql.instance_id=i-0abc1234"), batched.alerts().get(0).groupBy().toString());
        }
    }

    @Test
    void perBucketAggregatesMergedPerExecutionEqualEachWindowsOwnStats() {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // Every execution (hourly, 24 h back) of the rule up to its STATS, so that each window's aggregates are an alert row:
        // SUM, COUNT_DISTINCT, VALUES, MIN, MAX and COUNT(*), merged from hourly buckets in the batched run.
        Rule full = TrailEvents.sharedRule("lateral_movement_k8_assumed_web_identity_session_with_multi_phase_api_use.toml");
        String text = full.query();
        Rule rule = new Rule(full.id(), full.name(), full.type(), full.language(), text.substring(0, text.indexOf("| WHERE access_key is not null")),
                full.queryLine(), full.indices(), full.lookback(), full.interval(), full.severity(), full.riskScore(), full.techniques(),
                full.tactics(), full.tags(), full.newTerms(), full.threshold(), full.eventCategoryOverride(), full.buildingBlock(), full.location());
        List<com.fasterxml.jackson.databind.node.ObjectNode> events = new java.util.ArrayList<>();
        String[] actions = {"GetCallerIdentity", "ListBuckets", "GetSecretValue", "DescribeInstances", "Decrypt"};
        for (int i = 0; i < 40; i++) {
            // Two access keys, one call every 47 minutes over 31 hours, so windows overlap and buckets hold 0 to 2 calls.
            String time = java.time.Instant.parse("2024-05-01T00:13:00Z").plusSeconds(i * 47L * 60).toString();
            var e = TrailEvents.event("k" + i, time, "sts.amazonaws.com", actions[i % actions.length]);
            var who = (com.fasterxml.jackson.databind.node.ObjectNode) e.get("userIdentity");
            who.put("type", "AssumedRole");
            who.put("accessKeyId", i % 3 == 0 ? "ASIAKEYONE" : "ASIAKEYTWO");
            e.put("sourceIPAddress", "203.0.113." + (i % 4));
            events.add(e);
        }
        Path db = TrailEvents.store(dir.resolve("k8s"), events);
        try (Store store = Store.openForReading(db)) {
            var profile = store.profile();
            RuleCompiler compiler = RuleCompiler.forStore(store, profile.last());
            ExecutionPlan plan = new ExecutionPlan(profile.first(), profile.last(), rule.interval(), rule.lookback());
            RuleRun batched = EsqlRuleRunner.run(rule, store, compiler, plan, true);
            RuleRun windows = EsqlRuleRunner.run(rule, store, compiler, plan, false);
            assertEquals(RuleRun.Status.RAN, batched.status(), batched.reason());
            assertTrue(groups(windows).size() > 20, "many distinct window rows: " + groups(windows).size());
            assertEquals(groups(windows), groups(batched));
        }
    }

    @Test
    void groupsByATimeSliceShorterThanTheIntervalRunUnsplitAndEqualEachWindowsOwnStats() {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // STATS … BY DATE_TRUNC(30 seconds, @timestamp), arn: every 5 minutes, 6 back; each window's aggregates are an alert row.
        Path file = RulesCensusTest.shared().resolve("corpus/elastic-rules/rules_building_block/discovery_ec2_multi_region_describe_instances.toml");
        Rule full = RuleLoader.load(List.of(file)).rules().get(0);
        String text = full.query();
        Rule rule = new Rule(full.id(), full.name(), full.type(), full.language(), text.substring(0, text.indexOf("| where Esql.cloud_region_count_distinct")),
                full.queryLine(), full.indices(), full.lookback(), full.interval(), full.severity(), full.riskScore(), full.techniques(),
                full.tactics(), full.tags(), full.newTerms(), full.threshold(), full.eventCategoryOverride(), full.buildingBlock(), full.location());
        List<com.fasterxml.jackson.databind.node.ObjectNode> events = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // A call every 13 seconds for 13 minutes, in 12 regions in turn: slices hold 2 or 3 calls, windows overlap by a minute.
            String time = java.time.Instant.parse("2024-05-01T00:01:00Z").plusSeconds(i * 13L).toString();
            var e = TrailEvents.event("d" + i, time, "ec2.amazonaws.com", "DescribeInstances");
            e.put("awsRegion", "region-" + (i % 12));
            events.add(e);
        }
        Path db = TrailEvents.store(dir.resolve("regions"), events);
        try (Store store = Store.openForReading(db)) {
            var profile = store.profile();
            RuleCompiler compiler = RuleCompiler.forStore(store, profile.last());
            ExecutionPlan plan = new ExecutionPlan(profile.first(), profile.last(), rule.interval(), rule.lookback());
            RuleRun batched = EsqlRuleRunner.run(rule, store, compiler, plan, true);
            RuleRun windows = EsqlRuleRunner.run(rule, store, compiler, plan, false);
            assertEquals(RuleRun.Status.RAN, batched.status(), batched.reason());
            assertTrue(batched.sql().contains("unnest(") && !batched.sql().contains("__part"), "one query, not pre-aggregated: " + batched.sql());
            assertTrue(groups(windows).size() > 20, "many distinct window rows: " + groups(windows).size());
            assertEquals(groups(windows), groups(batched));
        }
    }

    private static TreeSet<String> groups(RuleRun run) {
        TreeSet<String> out = new TreeSet<>();
        run.alerts().forEach(a -> out.add(String.join(" ", a.groupBy())));
        return out;
    }
}
