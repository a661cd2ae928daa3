package dev.trailhunt.hardening;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/** Makes valid, varied CloudTrail records from a seed, so that tests never copy logs from elsewhere. */
final class TrailRecords {
    /** Reads and writes test JSON; deep nesting is allowed because some tests build it on purpose. */
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                .maxNestingDepth(100_000).maxStringLength(Integer.MAX_VALUE).build());
        JSON.getFactory().setStreamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder()
                .maxNestingDepth(100_000).build());
    }

    /** Renders a record with {@link #JSON}, which allows the deep nesting some tests build. */
    static String text(ObjectNode record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String[][] CALLS = {
        {"s3.amazonaws.com", "GetObject"},
        {"iam.amazonaws.com", "CreateUser"},
        {"secretsmanager.amazonaws.com", "GetSecretValue"},
        {"sts.amazonaws.com", "AssumeRole"},
        {"ec2.amazonaws.com", "DescribeInstances"},
        {"signin.amazonaws.com", "ConsoleLogin"},
    };
    private static final String[] AGENTS = {
        "aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64.debian.12 prompt/off command/s3.cp",
        "Boto3/1.34.2 md/Botocore#1.34.2 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.11.6",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "console.amazonaws.com",
    };

    private final Random random;

    TrailRecords(long seed) {
        this.random = new Random(seed);
    }

    /** Returns a record with a random identity, call, agent, address and payload. */
    ObjectNode next() {
        String[] call = CALLS[random.nextInt(CALLS.length)];
        int user = random.nextInt(20);
        ObjectNode r = JSON.createObjectNode();
        r.put("eventVersion", "1.08");
        ObjectNode id = r.putObject("userIdentity");
        id.put("type", "IAMUser");
        id.put("principalId", "AIDA" + String.format(Locale.ROOT, "%016d", user));
        id.put("arn", "arn:aws:iam::111122223333:user/user" + user);
        id.put("accountId", "111122223333");
        id.put("userName", "user" + user);
        r.put("eventTime", Instant.parse("2024-05-01T00:00:00Z").plusSeconds(random.nextInt(86_400 * 30)).toString());
        r.put("eventSource", call[0]);
        r.put("eventName", call[1]);
        r.put("awsRegion", random.nextBoolean() ? "us-east-1" : "eu-west-3");
        r.put("sourceIPAddress", "198.51.100." + random.nextInt(256));
        r.put("userAgent", AGENTS[random.nextInt(AGENTS.length)]);
        ObjectNode params = r.putObject("requestParameters");
        params.put("name", "item-" + random.nextInt(1000));
        params.put("count", random.nextInt(50));
        // Unicode and JSON escapes exercise the lossless event.original path.
        params.put("note", random.nextBoolean() ? "caf\u00e9 \u2603 \"quoted\" \\ tab\t" : "plain");
        if (random.nextInt(4) == 0) {
            params.putArray("tags").add("a").add(random.nextInt(9)).addNull();
        }
        r.putNull("responseElements");
        r.put("requestID", new UUID(random.nextLong(), random.nextLong()).toString());
        r.put("eventID", new UUID(random.nextLong(), random.nextLong()).toString());
        r.put("readOnly", random.nextBoolean());
        r.put("eventType", "AwsApiCall");
        r.put("managementEvent", true);
        r.put("recipientAccountId", "111122223333");
        r.put("eventCategory", "Management");
        return r;
    }

    /** Returns {@code n} records. */
    List<ObjectNode> next(int n) {
        List<ObjectNode> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    /** Renders records as an S3 delivery file: {@code {"Records":[...]}}. */
    static String recordsFile(List<ObjectNode> records) {
        StringBuilder b = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < records.size(); i++) {
            b.append(i == 0 ? "" : ",").append(text(records.get(i)));
        }
        return b.append("]}").toString();
    }
}
