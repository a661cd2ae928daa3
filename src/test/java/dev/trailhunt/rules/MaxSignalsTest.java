package dev.trailhunt.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Caps each execution of a query rule at its {@code max_signals}, keeping the window's earliest events as Elastic's search
 * (sorted on the timestamp ascending) does, with Elastic's flow-log rule (from now-6m, every 5m) given {@code max_signals = 2}.
 */
class MaxSignalsTest {
    @TempDir Path dir;

    private Rule rule(int maxSignals) throws IOException {
        Path shared = RulesCensusTest.shared().resolve("corpus/elastic-rules/rules/integrations/aws/defense_evasion_ec2_flow_log_deletion.toml");
        String text = Files.readString(shared).replaceFirst("(?m)^\\[rule\\]\\s*$", "[rule]\nmax_signals = " + maxSignals);
        Path file = dir.resolve("capped.toml");
        Files.writeString(file, text);
        Rule r = RuleLoader.load(List.of(file)).rules().get(0);
        assertEquals(maxSignals, r.maxSignals());
        return r;
    }

    private RuleRun run(String name, List<ObjectNode> events, Rule rule) {
        RuleRun r = TrailEvents.detect(TrailEvents.store(dir.resolve(name), events), List.of(rule), null, null, HistoryPolicy.WAIT).runs().get(0);
        assertEquals(RuleRun.Status.RAN, r.status(), r.reason());
        return r;
    }

    private static List<ObjectNode> deletions(String prefix, String... times) {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            out.add(TrailEvents.event(prefix + i, times[i], "ec2.amazonaws.com", "DeleteFlowLogs"));
        }
        return out;
    }

    @Test
    void anExecutionAlertsItsEarliestEventsUpToTheCapAndTheNoteCountsTheRest() throws IOException {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // Executions at 10:05 (reads 09:59..10:05) and 10:10 (10:04..10:10): the four events are read by 10:05 only.
        RuleRun r = run("one", deletions("a", "2024-05-01T10:01:03Z", "2024-05-01T10:01:01Z", "2024-05-01T10:01:04Z", "2024-05-01T10:01:02Z"), rule(2));
        assertEquals(List.of("a1", "a3"), r.alerts().stream().map(a -> a.eventIds().get(0)).toList());
        assertTrue(r.reason().contains("max_signals 2: 2 matching events raised no alert"), r.reason());
        // The default of 100 keeps all four.
        assertEquals(4, run("default", deletions("a", "2024-05-01T10:01:03Z", "2024-05-01T10:01:01Z", "2024-05-01T10:01:04Z",
                "2024-05-01T10:01:02Z"), rule(100)).alerts().size());
    }

    @Test
    void anEventOverTheCapAlertsInTheNextExecutionThatStillReadsIt() throws IOException {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // 10:04:10..10:04:30 are read by 10:05 (cap 2: b0, b1) and again by 10:10, which alerts b2; 10:07 is read by 10:10 only.
        RuleRun r = run("next", deletions("b", "2024-05-01T10:04:10Z", "2024-05-01T10:04:20Z", "2024-05-01T10:04:30Z", "2024-05-01T10:07:00Z"), rule(2));
        assertEquals(List.of("b0", "b1", "b2", "b3"), r.alerts().stream().map(a -> a.eventIds().get(0)).toList());
        assertEquals("", r.reason().replaceAll("fields the store lacks.*", ""), "nothing dropped: " + r.reason());
        // With a third event at 10:04 the 10:10 execution reads b2, b3 and b4: it alerts b2 and b3, and b4 at 10:07 is over its cap.
        List<ObjectNode> more = deletions("b", "2024-05-01T10:04:10Z", "2024-05-01T10:04:20Z", "2024-05-01T10:04:30Z", "2024-05-01T10:04:40Z",
                "2024-05-01T10:07:00Z");
        RuleRun capped = run("more", more, rule(2));
        assertEquals(List.of("b0", "b1", "b2", "b3"), capped.alerts().stream().map(a -> a.eventIds().get(0)).toList());
        assertTrue(capped.reason().contains("max_signals 2: 1 matching event raised no alert"), capped.reason());
    }
}
