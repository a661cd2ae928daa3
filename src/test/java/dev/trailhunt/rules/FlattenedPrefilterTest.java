package dev.trailhunt.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhunt.engine.Store;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.ingest.IngestOptions;
import dev.trailhunt.ingest.IngestProgress;
import dev.trailhunt.ingest.Ingester;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shows that the substring test put before flattened-leaf queries changes no answer: every KQL rule of ../shared that reads a
 * flattened leaf selects the same events with and without it over the shared CloudTrail corpus, and a leaf in a text longer
 * than its ignore_above (which ES|QL reads as null) still matches.
 */
class FlattenedPrefilterTest {
    @TempDir Path dir;

    @Test
    void everyFlattenedRuleSelectsTheSameEventsWithTheTest() {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        Path corpus = RulesCensusTest.shared().resolve("corpus");
        Path db = dir.resolve("corpus.duckdb");
        new Ingester(IngestOptions.defaults()).ingest(db, List.of(corpus.resolve("cloudtrail")), IngestProgress.NONE);
        int compared = 0;
        int guarded = 0;
        int rows = 0;
        try (Store store = Store.openForReading(db)) {
            var profile = store.profile();
            RuleCompiler compiler = RuleCompiler.forStore(store, profile.last());
            for (Rule r : RuleLoader.load(List.of(corpus.resolve("elastic-rules"))).rules()) {
                if (!"kuery".equals(r.language()) || !r.query().contains("flattened")) {
                    continue;
                }
                Expr plain = RuleFilters.of(r).filter();
                Expr tested = FlattenedPrefilter.apply(plain, compiler::hasColumn);
                guarded += tested.equals(plain) ? 0 : 1;
                List<String> without = ids(FilterRun.fetch(store, compiler, plain, profile.first(), profile.last(), List.of()));
                List<String> with = ids(FilterRun.fetch(store, compiler, tested, profile.first(), profile.last(), List.of()));
                assertEquals(without, with, r.name());
                compared++;
                rows += with.size();
            }
        }
        System.out.println("flattened prefilter: " + compared + " KQL rules on flattened leaves, " + guarded + " with the test, "
                + rows + " events selected, the same without it");
        assertTrue(guarded > 5, "the test is put before most flattened queries: " + guarded);
    }

    @Test
    void aLeafInATextOverItsIgnoreAboveStillMatches() {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // aws.cloudtrail.flattened.request_parameters.key: (*/.aws/credentials or …) on a GetObject whose parameters are 9,000+ characters.
        Rule rule = TrailEvents.sharedRule("credential_access_credentials_in_s3_bucket.toml");
        ObjectNode big = TrailEvents.event("g1", "2024-05-01T10:00:00Z", "s3.amazonaws.com", "GetObject");
        big.putObject("requestParameters").put("bucketName", "b").put("key", "home/u/.aws/credentials").put("pad", "x".repeat(9000));
        ObjectNode other = TrailEvents.event("g2", "2024-05-01T10:00:00Z", "s3.amazonaws.com", "GetObject");
        // The text holds ".aws/credentials", but not as the key's value: the test passes it and the query still says no.
        other.putObject("requestParameters").put("bucketName", "b").put("key", "notes.txt").put("note", "see .aws/credentials");
        Detection d = TrailEvents.detect(TrailEvents.store(dir.resolve("big"), List.of(big, other)), List.of(rule), null, null, HistoryPolicy.WAIT);
        RuleRun run = d.runs().get(0);
        assertEquals(RuleRun.Status.RAN, run.status(), run.reason());
        assertEquals(List.of("g1"), run.alerts().stream().map(a -> a.eventIds().get(0)).toList());
        assertNotEquals("", run.sql());
        assertTrue(run.sql().contains("aws.cloudtrail.request_parameters"), "the SQL tests the text first");
        // The rule's alert_suppression applies: one group (source.ip, account), nothing suppressed into it.
        assertTrue(run.reason().contains("alert_suppression (group_by source.ip, cloud.account.id, duration 5m, missing_fields_strategy suppress)")
                && !run.reason().contains("unsupported"), run.reason());
        assertEquals(0, run.alerts().get(0).suppression().docsCount());
    }

    @Test
    void theTestRunsInsideDuckDbsTableScanOnTheStoredText() {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // Unusual AWS S3 Object Encryption with SSE-C: ...request_parameters.x-amz-server-side-encryption-customer-algorithm: "AES256".
        Rule rule = TrailEvents.sharedRule("impact_s3_unusual_object_encryption_with_sse_c.toml");
        ObjectNode put = TrailEvents.event("p1", "2024-05-01T10:00:00Z", "s3.amazonaws.com", "PutObject");
        put.putObject("requestParameters").put("bucketName", "b").put("key", "k").put("x-amz-server-side-encryption-customer-algorithm", "AES256");
        Path db = TrailEvents.store(dir.resolve("scan"), List.of(put));
        try (Store store = Store.openForReading(db)) {
            var profile = store.profile();
            RuleCompiler compiler = RuleCompiler.forStore(store, profile.last());
            Expr filter = FlattenedPrefilter.apply(RuleFilters.of(rule).filter(), compiler::hasColumn);
            String sql = compiler.filterRows(filter, profile.first(), profile.last(), List.of("event.id")).sql();
            assertTrue(sql.contains("coalesce(coalesce(contains(\"__stored.aws.cloudtrail.request_parameters\", 'AES256'), false), false)"), sql);
            var plan = store.query("EXPLAIN " + sql, List.of(new dev.trailhunt.model.ResultColumn("key", dev.trailhunt.model.ValueType.KEYWORD),
                    new dev.trailhunt.model.ResultColumn("plan", dev.trailhunt.model.ValueType.KEYWORD)));
            // The plan's boxes without their borders and blanks: the scan of the table is the last box, with its own filters.
            String text = plan.rows().stream().map(r -> String.valueOf(r.get(1))).reduce("", String::concat).replaceAll("[\\s│]", "");
            String scan = text.substring(text.lastIndexOf("Table:"));
            assertTrue(scan.contains("contains(aws.cloudtrail.request_parameters,'AES256')"), "the scan filters on the stored text: " + scan);
            assertEquals(List.of("p1"), FilterRun.fetch(store, compiler, filter, profile.first(), profile.last(), List.of()).rows().stream()
                    .map(EventRow::id).toList());
        }
    }

    @Test
    void aRunThatNoNumberSpellsIsTestedAndANumberIsNot() {
        assumeTrue(TrailEvents.sharedPresent(), "../shared is absent");
        // Insecure AWS EC2 VPC Security Group Ingress Rule Added: ...cidrIp: ("0.0.0.0/0" or "::/0") and ...fromPort: (21 or 22 ...).
        Rule rule = TrailEvents.sharedRule("defense_evasion_vpc_security_group_ingress_rule_added_for_remote_connections.toml");
        String text = FilterText.of(FlattenedPrefilter.apply(RuleFilters.of(rule).filter(), name -> true));
        // "0.0.0.0/0" and "::/0" hold a character no number's text has; 22 could be written 22, 22.0 or 2.2E1.
        assertTrue(text.contains("$stored_contains(aws.cloudtrail.request_parameters, \"0.0.0.0/0\")"), text);
        assertTrue(text.contains("$stored_contains(aws.cloudtrail.request_parameters, \"::/0\")"), text);
        assertTrue(!text.contains("request_parameters, \"22\")") && !text.contains("request_parameters, \"3389\")"), text);
        ObjectNode open = TrailEvents.event("o1", "2024-05-01T10:00:00Z", "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress");
        open.putObject("requestParameters").put("groupId", "sg-1").putObject("ipPermissions").putArray("items").addObject()
                .put("fromPort", 22).put("toPort", 22).putObject("ipRanges").putArray("items").addObject().put("cidrIp", "0.0.0.0/0");
        ObjectNode closed = TrailEvents.event("c1", "2024-05-01T10:01:00Z", "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress");
        closed.putObject("requestParameters").put("groupId", "sg-1").putObject("ipPermissions").putArray("items").addObject()
                .put("fromPort", 22).put("toPort", 22).putObject("ipRanges").putArray("items").addObject().put("cidrIp", "10.0.0.0/16");
        Detection d = TrailEvents.detect(TrailEvents.store(dir.resolve("sg"), List.of(open, closed)), List.of(rule), null, null, HistoryPolicy.WAIT);
        assertEquals(List.of("o1"), d.runs().get(0).alerts().stream().map(a -> a.eventIds().get(0)).toList(), d.runs().get(0).reason());
    }

    private static List<String> ids(FilterRun run) {
        return run.rows().stream().map(EventRow::key).toList();
    }
}
