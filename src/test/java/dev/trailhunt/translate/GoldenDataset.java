package dev.trailhunt.translate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists the five hand-made CloudTrail events the golden files run on; expected rows are derived from these by hand. */
final class GoldenDataset {
    private GoldenDataset() {}

    static List<Map<String, Object>> rows() {
        return List.of(
                row("2024-05-31T10:00:00Z", "GetSecretValue", "secretsmanager.amazonaws.com", "arn:aws:iam::1:user/alice",
                        "10.1.2.3", "aws-cli", "{secretId=arn:aws:secretsmanager:us-east-1:1:secret:db-AbCd}",
                        List.of("alice", "bob"), "us-east-1", "success"),
                row("2024-05-31T11:00:00Z", "GetSecretValue", "secretsmanager.amazonaws.com", "arn:aws:iam::1:user/bob",
                        "52.95.1.1", "Chrome", "{secretId=prod}", List.of("bob"), "us-west-2", "success"),
                row("2024-05-20T00:00:00Z", "ListUsers", "iam.amazonaws.com", "arn:aws:iam::1:user/alice",
                        "2001:db8::1", "aws-cli", null, null, "us-east-1", "failure"),
                row("2024-05-31T10:00:30Z", "GetSecretValue", "secretsmanager.amazonaws.com", "arn:aws:iam::1:user/alice",
                        "10.1.2.3", "aws-cli", "{secretId=arn:aws:secretsmanager:us-east-1:1:secret:db-AbCd}",
                        List.of("alice", "carol", "dave"), "eu-west-1", "success"),
                row("2024-05-31T12:00:00Z", null, null, null, null, null, null, null, null, null));
    }

    private static Map<String, Object> row(String ts, String action, String provider, String arn, String ip, String ua,
            String params, List<String> relatedUser, String region, String outcome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@timestamp", Instant.parse(ts));
        m.put("event.action", action);
        m.put("event.provider", provider);
        m.put("aws.cloudtrail.user_identity.arn", arn);
        m.put("source.ip", ip);
        m.put("user_agent.name", ua);
        m.put("aws.cloudtrail.request_parameters", params);
        m.put("related.user", relatedUser);
        m.put("cloud.region", region);
        m.put("event.outcome", outcome);
        return m;
    }
}
