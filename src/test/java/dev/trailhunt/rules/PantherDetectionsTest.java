package dev.trailhunt.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every shared Elastic rule over Panther's labelled CloudTrail test events (../shared/corpus/cloudtrail):
 * for each detonation below, the Elastic rule that names the same ATT&amp;CK technique fires on Panther's
 * positive event. The pairs were chosen by hand from the two projects' rule descriptions.
 */
class PantherDetectionsTest {
    /** Maps a Panther rule id to the Elastic rule name and the technique both name. */
    private static final Map<String, String[]> EXPECTED = Map.of(
            "AWS.CloudTrail.Stopped", new String[] {"AWS CloudTrail Log Suspended", "T1562.008"},
            "AWS.IAM.AttachAdminUserPolicy", new String[] {"AWS IAM AdministratorAccess Policy Attached to User", "T1098.003"},
            "AWS.IAM.AttachAdminRolePolicy", new String[] {"AWS IAM AdministratorAccess Policy Attached to Role", "T1098.003"},
            "AWS.Console.RootLogin", new String[] {"AWS Management Console Root Login", "T1078.004"},
            "AWS.KMS.CustomerManagedKeyLoss", new String[] {"AWS KMS Customer Managed Key Disabled or Scheduled for Deletion", "T1485"},
            "AWS.RDS.InstanceDeletion", new String[] {"AWS RDS DB Instance or Cluster Deleted", "T1485"},
            "AWS.S3.DisableBucketLogging", new String[] {"AWS S3 Bucket Server Access Logging Disabled", "T1562.008"},
            "AWS.CloudTrail.SnapshotMadePublic", new String[] {"AWS EC2 EBS Snapshot Shared or Made Public", "T1537"},
            "AWS.S3.RansomwareNoteUpload", new String[] {"Potential AWS S3 Bucket Ransomware Note Uploaded", "T1485"},
            "AWS.RDS.SnapshotExport", new String[] {"AWS RDS Snapshot Export", "T1567.002"});

    @TempDir Path dir;

    @Test
    void theRuleNamingTheTechniqueFiresOnEachDetonation() throws IOException {
        Path tests = RulesCensusTest.shared().resolve("corpus/cloudtrail/panther-labs_panther-analysis/panther_cloudtrail_rule_tests.ndjson");
        assumeTrue(Files.exists(tests) && TrailEvents.sharedPresent(), "../shared is absent");
        List<ObjectNode> records = new ArrayList<>();
        int line = 0;
        for (String l : Files.readAllLines(tests)) {
            JsonNode t = TrailEvents.JSON.readTree(l);
            line++;
            if (t.path("expected_result").asBoolean() && EXPECTED.containsKey(t.path("rule_id").asText())) {
                ObjectNode e = (ObjectNode) t.get("event");
                // Panther's tests reuse event ids; each detonation gets its own, naming the Panther rule.
                e.put("eventID", "p" + line + "-" + t.path("rule_id").asText());
                records.add(e);
            }
        }
        RuleSet rules = RuleLoader.load(List.of(RulesCensusTest.shared().resolve("corpus/elastic-rules")));
        Detection d = TrailEvents.detect(TrailEvents.store(dir, records), rules.rules(), null, null, HistoryPolicy.WAIT);
        for (Map.Entry<String, String[]> e : EXPECTED.entrySet()) {
            String rule = e.getValue()[0];
            RuleRun run = d.runs().stream().filter(r -> r.rule().name().equals(rule)).findFirst().orElseThrow(() -> new AssertionError(rule));
            assertTrue(run.rule().techniques().contains(e.getValue()[1]), rule + " names " + e.getValue()[1]);
            boolean fired = run.alerts().stream().flatMap(a -> a.eventIds().stream()).anyMatch(id -> id.endsWith("-" + e.getKey()));
            assertTrue(fired, rule + " fires on Panther's " + e.getKey() + " detonation: " + run.reason());
        }
        System.out.println("panther detonations: " + EXPECTED.size() + "/" + EXPECTED.size() + " fire the Elastic rule naming their technique");
    }
}
