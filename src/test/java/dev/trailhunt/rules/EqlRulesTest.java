package dev.trailhunt.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Elastic's own EQL rules (from ../shared) over events made from each rule's query: one that matches,
 * then each condition broken once; and the Bedrock sequence rule at its maxspan boundary.
 */
class EqlRulesTest {
    private static final String SEQUENCE = "discovery_bedrock_model_recon_and_invocation_via_long_term_key.toml";
    private static final String ADMIN_TO_USER = "privilege_escalation_iam_administratoraccess_policy_attached_to_user.toml";

    @TempDir Path dir;

    private static ObjectNode attachAdmin(String id, String time) {
        ObjectNode e = TrailEvents.event(id, time, "iam.amazonaws.com", "AttachUserPolicy");
        e.putObject("requestParameters").put("userName", "bob").put("policyArn", "arn:aws:iam::aws:policy/AdministratorAccess");
        return e;
    }

    private int alerts(String name, String rule, List<ObjectNode> events) {
        Detection d = TrailEvents.detect(TrailEvents.store(dir.resolve(name), events), List.of(TrailEvents.sharedRule(rule)), null, null,
                HistoryPolicy.WAIT);
        assertEquals(RuleRun.Status.RAN, d.runs().get(0).status(), d.runs().get(0).reason());
        return d.runs().get(0).alerts().size();
    }

    @Test
    void singleEventRuleFiresOnItsEventAndNotWhenAConditionBreaks() {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // iam where ... event.action == "AttachUserPolicy" and event.outcome == "success"
        //   and stringContains(aws.cloudtrail.request_parameters, "policyArn=arn:aws:iam::aws:policy/AdministratorAccess")
        assertEquals(1, alerts("match", ADMIN_TO_USER, List.of(attachAdmin("m1", "2024-05-01T10:00:00Z"))));
        List<Consumer<ObjectNode>> breaks = List.of(
                e -> e.put("eventName", "AttachRolePolicy"),
                e -> e.put("eventSource", "sts.amazonaws.com"),
                e -> e.put("errorCode", "AccessDenied"),
                e -> ((ObjectNode) e.get("requestParameters")).put("policyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"),
                // == is case-sensitive in EQL.
                e -> e.put("eventName", "attachuserpolicy"));
        int i = 0;
        for (Consumer<ObjectNode> b : breaks) {
            ObjectNode e = attachAdmin("b" + i, "2024-05-01T10:00:00Z");
            b.accept(e);
            assertEquals(0, alerts("break" + i, ADMIN_TO_USER, List.of(e)), "break " + i);
            i++;
        }
    }

    private static List<ObjectNode> recon(String gap, String key, String second) {
        List<ObjectNode> out = new ArrayList<>();
        ObjectNode list = TrailEvents.event("s1", "2024-05-01T10:00:00Z", "bedrock.amazonaws.com", "ListFoundationModels");
        ((ObjectNode) list.get("userIdentity")).put("accessKeyId", key);
        ObjectNode invoke = TrailEvents.event("s2", gap, "bedrock.amazonaws.com", second);
        ((ObjectNode) invoke.get("userIdentity")).put("accessKeyId", key);
        out.add(list);
        out.add(invoke);
        return out;
    }

    @Test
    void sequenceFiresWithinMaxspanOnlyAndInOrder() {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // sequence by access_key_id with maxspan=15m [ListFoundationModels, key like "AKIA*"] [InvokeModel…]
        assertEquals(1, alerts("within", SEQUENCE, recon("2024-05-01T10:14:59Z", "AKIAEXAMPLE1", "InvokeModel")));
        assertEquals(1, alerts("boundary", SEQUENCE, recon("2024-05-01T10:15:00Z", "AKIAEXAMPLE1", "Converse")),
                "Elasticsearch allows a sequence exactly maxspan long");
        assertEquals(0, alerts("beyond", SEQUENCE, recon("2024-05-01T10:15:01Z", "AKIAEXAMPLE1", "InvokeModel")));
        assertEquals(0, alerts("temporary key", SEQUENCE, recon("2024-05-01T10:05:00Z", "ASIAEXAMPLE1", "InvokeModel")));
        assertEquals(0, alerts("other action", SEQUENCE, recon("2024-05-01T10:05:00Z", "AKIAEXAMPLE1", "GetFoundationModel")));
        // event.action : (...) is case-insensitive.
        assertEquals(1, alerts("insensitive", SEQUENCE, recon("2024-05-01T10:05:00Z", "AKIAEXAMPLE1", "invokemodel")));
        List<ObjectNode> reversed = recon("2024-05-01T09:55:00Z", "AKIAEXAMPLE1", "InvokeModel");
        assertEquals(0, alerts("out of order", SEQUENCE, reversed));
        List<ObjectNode> otherKey = recon("2024-05-01T10:05:00Z", "AKIAEXAMPLE1", "InvokeModel");
        ((ObjectNode) otherKey.get(1).get("userIdentity")).put("accessKeyId", "AKIAEXAMPLE2");
        assertEquals(0, alerts("other key", SEQUENCE, otherKey));
    }
}
