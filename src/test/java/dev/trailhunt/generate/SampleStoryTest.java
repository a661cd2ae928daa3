package dev.trailhunt.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks, from the raw JSON of the committed samples, that the story the README tells is there. */
class SampleStoryTest {
    private static final String INTRUDER_ARN = "arn:aws:iam::111122223333:user/legacy-reporting";
    private static List<JsonNode> records;

    @BeforeAll
    static void read() throws Exception {
        records = TrailFiles.records(SamplesReproducibleTest.SAMPLES);
    }

    private static String t(JsonNode r, String path) {
        return TrailFiles.text(r, path);
    }

    private static long time(JsonNode r) {
        return Instant.parse(t(r, "eventTime")).getEpochSecond();
    }

    private static boolean browser(String ua) {
        return ua.startsWith("Mozilla/5.0");
    }

    private static List<JsonNode> getSecretValue() {
        return records.stream().filter(r -> "GetSecretValue".equals(t(r, "eventName"))).toList();
    }

    @Test
    void samplesAreSmallAndSpanAFewDays() {
        assertTrue(records.size() >= 2_000 && records.size() <= 5_000, "events " + records.size());
        long first = records.stream().mapToLong(SampleStoryTest::time).min().orElseThrow();
        long last = records.stream().mapToLong(SampleStoryTest::time).max().orElseThrow();
        assertTrue(last - first > 2 * 86_400 && last - first <= 3 * 86_400, "span " + (last - first));
    }

    @Test
    void oneUnseenIdentityPullsManySecretsQuicklyFromAnUnusualAgentAndAddress() {
        List<JsonNode> intruder = records.stream().filter(r -> INTRUDER_ARN.equals(t(r, "userIdentity.arn"))).toList();
        long first = intruder.stream().mapToLong(SampleStoryTest::time).min().orElseThrow();
        long last = intruder.stream().mapToLong(SampleStoryTest::time).max().orElseThrow();
        assertTrue(last - first < 30 * 60, "the identity is seen only during the incident, span " + (last - first));

        String ip = t(intruder.get(0), "sourceIPAddress");
        String agent = t(intruder.get(0), "userAgent");
        assertTrue(agent.contains("kali"), agent);
        for (JsonNode r : records) {
            if (!INTRUDER_ARN.equals(t(r, "userIdentity.arn"))) {
                assertTrue(!ip.equals(t(r, "sourceIPAddress")) && !agent.equals(t(r, "userAgent")),
                        "address and agent are unique to the intruder: " + r);
            }
        }
        List<JsonNode> pulls = intruder.stream().filter(r -> "GetSecretValue".equals(t(r, "eventName"))).toList();
        Set<String> secrets = pulls.stream().map(r -> secretName(t(r, "requestParameters.secretId")))
                .collect(Collectors.toCollection(TreeSet::new));
        long pullSpan = time(pulls.get(pulls.size() - 1)) - time(pulls.get(0));
        assertTrue(secrets.size() >= 25, "distinct secrets " + secrets.size());
        assertTrue(pullSpan <= 5 * 60, "pull span " + pullSpan);
        assertTrue(pulls.stream().anyMatch(r -> "AccessDenied".equals(t(r, "errorCode"))), "some pulls are denied");
    }

    @Test
    void ordinarySdkAndCliCallersReadSecretsAtALowRate() {
        Map<String, Map<Long, Integer>> perIdentityHour = new TreeMap<>();
        for (JsonNode r : getSecretValue()) {
            String arn = t(r, "userIdentity.arn");
            if (INTRUDER_ARN.equals(arn) || browser(t(r, "userAgent"))) {
                continue;
            }
            perIdentityHour.computeIfAbsent(arn, k -> new HashMap<>()).merge(time(r) / 3600, 1, Integer::sum);
        }
        assertTrue(perIdentityHour.size() >= 5, "SDK/CLI identities reading secrets: " + perIdentityHour.keySet());
        perIdentityHour.forEach((arn, hours) -> assertTrue(hours.values().stream().allMatch(n -> n <= 3),
                arn + " reads too many secrets in one hour: " + hours));
    }

    @Test
    void consoleUsersReadSecretsFromChromeAndFirefox() {
        Set<String> browsers = new TreeSet<>();
        for (JsonNode r : getSecretValue()) {
            String ua = t(r, "userAgent");
            if (ua.contains("Chrome/")) {
                browsers.add("Chrome");
            } else if (ua.contains("Firefox/")) {
                browsers.add("Firefox");
            }
        }
        assertEquals(Set.of("Chrome", "Firefox"), browsers);
    }

    @Test
    void anAdministratorUserIsCreatedNextToABenignReadOnlyOne() {
        Map<String, Set<String>> actionsByTarget = new TreeMap<>();
        for (JsonNode r : records) {
            String action = t(r, "eventName");
            if (!"iam.amazonaws.com".equals(t(r, "eventSource")) || t(r, "errorCode") != null) {
                continue;
            }
            String target = t(r, "requestParameters.userName");
            if (action.equals("CreateUser")
                    || action.equals("AttachUserPolicy") && t(r, "requestParameters.policyArn").endsWith("/AdministratorAccess")) {
                actionsByTarget.computeIfAbsent(target, k -> new TreeSet<>()).add(action);
            }
        }
        assertEquals(Set.of("AttachUserPolicy", "CreateUser"), actionsByTarget.get(Story.BACKDOOR_USER));
        assertEquals(Set.of("CreateUser"), actionsByTarget.get("svc-metrics"));
    }

    @Test
    void oneIdentitySweepsDescribeInstancesAcrossTenRegionsInThirtySeconds() {
        Map<String, Set<String>> regionsPerWindow = new TreeMap<>();
        for (JsonNode r : records) {
            if ("DescribeInstances".equals(t(r, "eventName"))) {
                regionsPerWindow.computeIfAbsent(t(r, "userIdentity.arn") + "@" + time(r) / 30, k -> new TreeSet<>())
                        .add(t(r, "awsRegion"));
            }
        }
        List<String> sweeps = regionsPerWindow.entrySet().stream().filter(e -> e.getValue().size() >= 10)
                .map(Map.Entry::getKey).toList();
        assertEquals(1, sweeps.size(), sweeps.toString());
        assertTrue(sweeps.get(0).startsWith(INTRUDER_ARN + "@"));
    }

    @Test
    void loggingIsStoppedAndTheTrailDeleted() {
        Set<String> evasions = records.stream().filter(r -> INTRUDER_ARN.equals(t(r, "userIdentity.arn")))
                .map(r -> t(r, "eventName")).filter(Set.of("StopLogging", "DeleteTrail", "DeleteFlowLogs")::contains)
                .collect(Collectors.toSet());
        assertEquals(Set.of("StopLogging", "DeleteTrail", "DeleteFlowLogs"), evasions);
    }

    @Test
    void anInstanceRoleSendsAShellCommandToAnotherInstance() {
        List<JsonNode> sends = records.stream().filter(r -> "SendCommand".equals(t(r, "eventName"))
                && "AWS-RunShellScript".equals(t(r, "requestParameters.documentName"))).toList();
        assertEquals(1, sends.size());
        JsonNode r = sends.get(0);
        assertEquals("AssumedRole", t(r, "userIdentity.type"));
        assertTrue(t(r, "userIdentity.principalId").contains(":i-"), t(r, "userIdentity.principalId"));
        String target = r.at("/responseElements/command/instanceIds/0").asText();
        assertTrue(target.startsWith("i-") && !t(r, "userIdentity.principalId").endsWith(target));
    }

    @Test
    void anAnonymousClientScrapesAPublicBucket() {
        Map<String, Integer> perBucket = new TreeMap<>();
        for (JsonNode r : records) {
            if ("GetObject".equals(t(r, "eventName")) && "anonymous".equals(t(r, "userIdentity.accountId"))) {
                perBucket.merge(t(r, "requestParameters.bucketName"), 1, Integer::sum);
            }
        }
        assertTrue(perBucket.getOrDefault("acme-public-assets", 0) >= 15, perBucket.toString());
    }

    /** Strips the ARN prefix and the six-character suffix Secrets Manager adds, leaving the secret's name. */
    private static String secretName(String secretId) {
        String s = secretId.startsWith("arn:") ? secretId.substring(secretId.indexOf(":secret:") + 8) : secretId;
        return s.matches(".*-[A-Za-z0-9]{6}") && secretId.startsWith("arn:") ? s.substring(0, s.length() - 7) : s;
    }
}
