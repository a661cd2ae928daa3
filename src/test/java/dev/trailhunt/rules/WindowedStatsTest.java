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

    private static TreeSet<String> groups(RuleRun run) {
        TreeSet<String> out = new TreeSet<>();
        run.alerts().forEach(a -> out.add(String.join(" ", a.groupBy())));
        return out;
    }
}
