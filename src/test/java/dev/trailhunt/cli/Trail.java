package dev.trailhunt.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes small CloudTrail logs whose every field a test chooses, and ingests them into a store. */
final class Trail {
    private final List<String> records = new ArrayList<>();

    /** Adds one IAM user call. */
    Trail user(String time, String user, String key, String action, String ip) {
        return add(time, "{\"type\":\"IAMUser\",\"principalId\":\"AIDA" + user.toUpperCase(java.util.Locale.ROOT)
                + "\",\"arn\":\"arn:aws:iam::111122223333:user/" + user + "\",\"accountId\":\"111122223333\",\"accessKeyId\":\""
                + key + "\",\"userName\":\"" + user + "\"}", action, "secretsmanager.amazonaws.com", ip, "aws-cli/2.13.5 Python/3.11.4 Linux/6.1 exe/x86_64",
                "{\"secretId\":\"prod/" + action.toLowerCase(java.util.Locale.ROOT) + "\"}", null);
    }

    /** Adds one call of an assumed-role session of {@code role} named {@code session}, with temporary key {@code key}. */
    Trail assumed(String time, String role, String session, String key, String action, String ip, String error) {
        return add(time, "{\"type\":\"AssumedRole\",\"principalId\":\"AROAX:" + session + "\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/"
                + role + "/" + session + "\",\"accountId\":\"111122223333\",\"accessKeyId\":\"" + key + "\",\"sessionContext\":{"
                + "\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAX\",\"arn\":\"arn:aws:iam::111122223333:role/" + role
                + "\",\"accountId\":\"111122223333\",\"userName\":\"" + role + "\"},\"attributes\":{\"creationDate\":\"" + time
                + "\",\"mfaAuthenticated\":\"false\"}}}", action, "s3.amazonaws.com", ip, "Boto3/1.28.0 Python/3.11.4", "{\"bucketName\":\"loot\"}", error);
    }

    /** Adds {@code user}'s AssumeRole call that issued {@code key} to a session {@code session} of {@code role}. */
    Trail assumeRole(String time, String user, String userKey, String role, String session, String key) {
        response = "{\"credentials\":{\"accessKeyId\":\"" + key + "\",\"sessionToken\":\"x\",\"expiration\":\"Jul 10, 2023, 1:00:00 PM\"},"
                + "\"assumedRoleUser\":{\"assumedRoleId\":\"AROAX:" + session + "\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/" + role + "/" + session + "\"}}";
        user(time, user, userKey, "AssumeRole", "198.51.100.7");
        String last = records.remove(records.size() - 1).replace("secretsmanager.amazonaws.com", "sts.amazonaws.com");
        records.add(last);
        response = null;
        return this;
    }

    private String response;

    private Trail add(String time, String identity, String action, String provider, String ip, String agent, String params, String error) {
        int n = records.size();
        records.add("{\"eventVersion\":\"1.08\",\"userIdentity\":" + identity + ",\"eventTime\":\"" + time + "\",\"eventSource\":\"" + provider
                + "\",\"eventName\":\"" + action + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"" + ip + "\",\"userAgent\":\"" + agent
                + "\",\"requestParameters\":" + params + ",\"responseElements\":" + response + ","
                + (error == null ? "" : "\"errorCode\":\"" + error + "\",\"errorMessage\":\"denied\",")
                + "\"requestID\":\"req-" + n + "\",\"eventID\":\"00000000-0000-4000-8000-" + String.format(java.util.Locale.ROOT, "%012d", n)
                + "\",\"readOnly\":true,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"111122223333\","
                + "\"eventCategory\":\"Management\"}");
        return this;
    }

    /** Writes the records as one CloudTrail file in {@code dir} and ingests it into {@code dir/trail.duckdb}; returns the store. */
    Path store(Path dir) throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("trail.json"), "{\"Records\":[" + String.join(",\n", records) + "]}", StandardCharsets.UTF_8);
        Path db = dir.resolve("trail.duckdb");
        Cli r = Cli.run("ingest", "--db", db.toString(), logs.toString());
        if (r.code() != 0) {
            throw new IllegalStateException(r.err());
        }
        return db;
    }
}
