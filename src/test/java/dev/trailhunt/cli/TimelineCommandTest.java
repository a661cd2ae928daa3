package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the timeline on a story made for it: alice reads two secrets and assumes exfil-role, whose session
 * "loot" then reads the bucket (once denied); bob does something unrelated in between.
 */
class TimelineCommandTest {
    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String SESSION_KEY = "ASIAEXFIL00000000001";

    @TempDir static Path dir;
    static String db;

    @BeforeAll
    static void store() throws Exception {
        db = new Trail()
                .user("2023-07-10T10:00:00Z", "alice", "AKIAALICE00000000001", "GetSecretValue", "198.51.100.7")
                .user("2023-07-10T10:05:00Z", "alice", "AKIAALICE00000000001", "GetSecretValue", "198.51.100.7")
                .user("2023-07-10T10:07:00Z", "bob", "AKIABOB0000000000001", "ListSecrets", "192.0.2.44")
                .assumeRole("2023-07-10T10:09:00Z", "alice", "AKIAALICE00000000001", "exfil-role", "loot", SESSION_KEY)
                .assumed("2023-07-10T10:12:00Z", "exfil-role", "loot", SESSION_KEY, "GetObject", "203.0.113.9", null)
                .assumed("2023-07-10T10:10:00Z", "exfil-role", "loot", SESSION_KEY, "GetObject", "203.0.113.9", "AccessDenied")
                .store(dir).toString();
    }

    private static Cli timeline(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "timeline";
        all[1] = "--db";
        all[2] = db;
        all[3] = "--width";
        all[4] = "0";
        System.arraycopy(args, 0, all, 5, args.length);
        return Cli.run(all);
    }

    private static List<String> events(Cli r) {
        // Event lines start with the time; the header lines with a label.
        return r.out().lines().filter(l -> l.matches("\\d{4}-.*")).toList();
    }

    @Test
    void aSessionIsFollowedToItsKeyAndTheCallThatIssuedIt() {
        Cli r = timeline("--session", "loot");
        assertEquals(0, r.code(), r.err());
        List<String> lines = events(r);
        assertEquals(3, lines.size(), r.out());
        // Oldest first, whatever the order in the log: who assumed the role, then what the session did.
        assertTrue(lines.get(0).startsWith("2023-07-10T10:09:00Z  AssumeRole@sts  success  198.51.100.7"), lines.get(0));
        assertTrue(lines.get(1).startsWith("2023-07-10T10:10:00Z  GetObject@s3  ✗ AccessDenied  203.0.113.9  Boto3/1.28.0 Python/3.11.4"), lines.get(1));
        assertTrue(lines.get(2).startsWith("2023-07-10T10:12:00Z  GetObject@s3  success  203.0.113.9"), lines.get(2));
        assertTrue(lines.get(2).endsWith("arn:aws:s3:::loot") || lines.get(2).contains("bucketName=loot"), lines.get(2));
        String out = r.out();
        assertTrue(out.startsWith("timeline of --session loot · 3 events · first 2023-07-10T10:09:00Z · last 2023-07-10T10:12:00Z · 1 failed\n"), out);
        assertTrue(out.contains("linked:    --session loot → access key " + SESSION_KEY + "\n"), out);
        assertTrue(out.contains("→ role arn:aws:iam::111122223333:role/exfil-role (not followed; follow it with --arn arn:aws:iam::111122223333:role/exfil-role)"), out);
        assertTrue(out.contains("actions:   GetObject@s3 2 · AssumeRole@sts 1\n"), out);
        assertTrue(out.contains("addresses: 203.0.113.9 2 · 198.51.100.7 1\n"), out);
        assertTrue(out.contains("failures:  GetObject AccessDenied 1\n"), out);
    }

    @Test
    void anArnIsItsOwnCallsAndARoleArnAllItsSessions() {
        Cli alice = timeline("--arn", ALICE);
        assertEquals(List.of("GetSecretValue", "GetSecretValue", "AssumeRole"),
                events(alice).stream().map(l -> l.split("  ")[1].split("@")[0]).toList(), alice.out());
        assertTrue(alice.out().contains("linked:    --arn " + ALICE + " → access key AKIAALICE00000000001"), alice.out());
        Cli role = timeline("--arn", "arn:aws:iam::111122223333:role/exfil-role");
        // The two session calls, and through the session's key the AssumeRole that issued it.
        assertEquals(3, events(role).size(), role.out());
    }

    @Test
    void addressUserAndEventIdSelectTheirEvents() throws Exception {
        assertEquals(2, events(timeline("--ip", "203.0.113.9")).size());
        assertEquals(1, events(timeline("--user", "bob")).size());
        // Combined options are one timeline: bob's call and the address's two.
        assertEquals(3, events(timeline("--user", "bob", "--ip", "203.0.113.9")).size());
        // An event id leads to the identity and key behind it: bob's event id is the third record's.
        Cli byEvent = timeline("--event-id", "00000000-0000-4000-8000-000000000002");
        assertEquals(1, events(byEvent).size(), byEvent.out());
        assertTrue(byEvent.out().contains("→ identity arn:aws:iam::111122223333:user/bob"), byEvent.out());
    }

    @Test
    void everyFormatAndTheBound() throws Exception {
        Cli csv = timeline("--session", "loot", "-f", "csv", "--from", "2023-07-10T10:10:00Z");
        assertEquals(0, csv.code(), csv.err());
        List<String> rows = csv.out().lines().toList();
        assertEquals("@timestamp,event.action,event.provider,event.outcome,aws.cloudtrail.error_code,source.address,user_agent.original,resource,"
                + "aws.cloudtrail.user_identity.arn,aws.cloudtrail.user_identity.access_key_id,event.id", rows.get(0));
        assertEquals(3, rows.size(), csv.out());
        assertTrue(csv.err().contains("linked: --session loot → access key " + SESSION_KEY), csv.err());
        JsonNode json = new ObjectMapper().readTree(timeline("--ip", "203.0.113.9", "-f", "json").out());
        assertEquals("2023-07-10T10:10:00.000Z", json.get(0).get("@timestamp").asText());
        assertEquals(2, timeline("--ip", "203.0.113.9", "-f", "ndjson").out().lines().count());
        Path html = dir.resolve("t.html");
        Cli report = timeline("--session", "loot", "-o", html.toString());
        assertEquals(0, report.code(), report.err());
        String page = Files.readString(html);
        assertTrue(page.contains("Timeline of --session loot") && page.contains("ASIAEXFIL00000000001"), page);
        Path md = dir.resolve("t.md");
        assertEquals(0, timeline("--arn", ALICE, "-o", md.toString()).code());
        assertTrue(Files.readString(md).contains("AssumeRole"));
    }

    @Test
    void userTextIsAValueNeverQueryText() {
        Cli r = timeline("--user", "x\" OR true OR \"");
        assertEquals(0, r.code(), r.err());
        assertEquals("timeline of --user x\" OR true OR \": no events\n", r.out());
    }

    @Test
    void usageErrorsAreOneLine() {
        Cli none = timeline();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("timeline needs an entity"), none.err());
        Cli key = timeline("--access-key", "not-a-key");
        assertEquals(2, key.code());
        assertEquals(1, key.errLines().size(), key.err());
    }
}
