package dev.trailhunt.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joins an EQL sequence on each value of a multi-valued key, as Elasticsearch does since elastic/elasticsearch#89965: every
 * value is a join key of its own (several multi-valued keys: every combination), not only the first.
 */
class EqlMultiValueKeyTest {
    @TempDir Path dir;

    private Rule rule() throws IOException {
        Path shared = RulesCensusTest.shared().resolve("corpus/elastic-rules/rules/integrations/aws/discovery_bedrock_model_recon_and_invocation_via_long_term_key.toml");
        String text = Files.readString(shared);
        String query = "query = '''\nsequence by related.user with maxspan=15m\n  [any where event.action == \"CreateUser\"]\n"
                + "  [any where event.action == \"CreateAccessKey\"]\n'''";
        Path file = dir.resolve("multi.toml");
        Files.writeString(file, text.replaceFirst("(?s)query = '''.*?'''", java.util.regex.Matcher.quoteReplacement(query)));
        return RuleLoader.load(List.of(file)).rules().get(0);
    }

    /** Returns a call by {@code caller} naming {@code target}: related.user holds the caller's id, the caller and the target. */
    private static ObjectNode call(String id, String time, String action, String caller, String target) {
        ObjectNode e = TrailEvents.event(id, time, "iam.amazonaws.com", action);
        ObjectNode who = (ObjectNode) e.get("userIdentity");
        who.put("userName", caller);
        who.put("principalId", "AIDA" + caller.toUpperCase(java.util.Locale.ROOT));
        who.put("arn", "arn:aws:iam::" + TrailEvents.ACCOUNT + ":user/" + caller);
        e.putObject("requestParameters").put("userName", target);
        return e;
    }

    private RuleRun run(String name, List<ObjectNode> events) throws IOException {
        RuleRun r = TrailEvents.detect(TrailEvents.store(dir.resolve(name), events), List.of(rule()), null, null, HistoryPolicy.WAIT).runs().get(0);
        assertEquals(RuleRun.Status.RAN, r.status(), r.reason());
        return r;
    }

    @Test
    void aSequenceJoinsOnAnyValueOfAMultiValuedKey() throws IOException {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // alice creates mallory, then bob creates a key for mallory: the two events share only "mallory" among their related.user.
        RuleRun shared = run("shared", List.of(call("c1", "2024-05-01T10:00:00Z", "CreateUser", "alice", "mallory"),
                call("c2", "2024-05-01T10:05:00Z", "CreateAccessKey", "bob", "mallory")));
        assertEquals(1, shared.alerts().size(), shared.alerts().toString());
        assertEquals(List.of("c1", "c2"), shared.alerts().get(0).eventIds());
        assertEquals(List.of("related.user=mallory"), shared.alerts().get(0).groupBy());
        // No value in common: no sequence.
        assertEquals(0, run("apart", List.of(call("d1", "2024-05-01T10:00:00Z", "CreateUser", "alice", "mallory"),
                call("d2", "2024-05-01T10:05:00Z", "CreateAccessKey", "bob", "trent"))).alerts().size());
        // Two values in common (alice and mallory) make two sequences of the same events: one alert, as their events are its id.
        assertEquals(1, run("twice", List.of(call("e1", "2024-05-01T10:00:00Z", "CreateUser", "alice", "mallory"),
                call("e2", "2024-05-01T10:05:00Z", "CreateAccessKey", "alice", "mallory"))).alerts().size());
    }

    @Test
    void severalMultiValuedKeysJoinOnEveryCombination() {
        assertEquals(List.of(List.of("a", "foo"), List.of("a", "bar"), List.of("b", "foo"), List.of("b", "bar")),
                ValueCombinations.of(List.of(List.of("a", "b"), List.of("foo", "bar")), ValueCombinations.Missing.ALL_NULL));
        java.util.List<String> missing = new java.util.ArrayList<>();
        missing.add(null);
        missing.add(null);
        assertEquals(List.of(missing), ValueCombinations.of(List.of(List.of("a"), List.of()), ValueCombinations.Missing.ALL_NULL),
                "a missing key keeps the event out");
    }
}
