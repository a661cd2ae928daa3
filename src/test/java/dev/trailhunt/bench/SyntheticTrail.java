package dev.trailhunt.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes deterministic, realistic-looking CloudTrail S3 files for measuring ingest speed (the
 * product's generator lives in {@code trailhunt generate}; this one only needs volume and variety).
 */
public final class SyntheticTrail {
    private static final String[] UAS = {
        "aws-cli/2.13.5 Python/3.11.4 Linux/6.1.0 exe/x86_64.ubuntu.22 prompt/off command/secretsmanager.get-secret-value",
        "Boto3/1.28.10 md/Botocore#1.31.10 ua/2.0 os/linux#5.10.0 md/arch#x86_64 lang/python#3.9.16 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.31.10",
        "aws-sdk-go/1.44.300 (go1.20.5; linux; amd64)",
        "aws-sdk-java/1.12.500 Linux/5.10 OpenJDK_64-Bit_Server_VM/17.0.7+7 java/17.0.7 vendor/Amazon.com_Inc.",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/115.0.0.0 Safari/537.36",
        "AWS Internal", "console.amazonaws.com", "python-requests/2.31.0"};
    private static final String[][] CALLS = {
        {"secretsmanager.amazonaws.com", "GetSecretValue", "{\"secretId\":\"arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-%d-AbCdEf\"}", "null"},
        {"s3.amazonaws.com", "GetObject", "{\"bucketName\":\"data-%d\",\"Host\":\"data.s3.amazonaws.com\",\"key\":\"k/%d.csv\"}", "null"},
        {"sts.amazonaws.com", "AssumeRole", "{\"roleArn\":\"arn:aws:iam::111122223333:role/r%d\",\"roleSessionName\":\"s\",\"durationSeconds\":3600}",
            "{\"credentials\":{\"accessKeyId\":\"ASIAX%d\",\"expiration\":\"Jul 10, 2023, 1:00:00 PM\",\"sessionToken\":\"IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ\"},\"assumedRoleUser\":{\"assumedRoleId\":\"AROAX:s\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/r/s\"}}"},
        {"ec2.amazonaws.com", "DescribeInstances", "{\"instancesSet\":{},\"filterSet\":{\"items\":[{\"name\":\"tag:env\",\"valueSet\":{\"items\":[{\"value\":\"p%d\"}]}}]}}", "null"},
        {"iam.amazonaws.com", "CreateAccessKey", "{\"userName\":\"u%d\"}", "{\"accessKey\":{\"userName\":\"u\",\"accessKeyId\":\"AKIAX%d\",\"status\":\"Active\",\"createDate\":\"Jul 10, 2023 11:42:00 AM\"}}"},
        {"kms.amazonaws.com", "Decrypt", "{\"encryptionContext\":{\"aws:lambda:FunctionArn\":\"arn:aws:lambda:us-east-1:111122223333:function:f%d\"},\"encryptionAlgorithm\":\"SYMMETRIC_DEFAULT\"}", "null"},
    };

    private SyntheticTrail() {}

    /** Writes {@code files} gzip files of {@code perFile} records each into {@code dir}. */
    public static void write(Path dir, int files, int perFile, long seed) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(seed);
        long t = Instant.parse("2023-07-10T00:00:00Z").toEpochMilli();
        for (int f = 0; f < files; f++) {
            Path file = dir.resolve(String.format(Locale.ROOT, "111122223333_CloudTrail_us-east-1_20230710T%04dZ_%06d.json.gz", f % 2400, f));
            try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16);
                    Writer w = new OutputStreamWriter(gz, StandardCharsets.UTF_8)) {
                w.write("{\"Records\":[");
                for (int i = 0; i < perFile; i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    t += rnd.nextInt(200);
                    w.write(record(rnd, t));
                }
                w.write("]}");
            }
        }
    }

    /** Returns one record as compact JSON. */
    public static String record(Random rnd, long epochMillis) {
        String[] call = CALLS[rnd.nextInt(CALLS.length)];
        int n = rnd.nextInt(500);
        String user = "user" + rnd.nextInt(40);
        boolean role = rnd.nextBoolean();
        String identity = role
                ? "{\"type\":\"AssumedRole\",\"principalId\":\"AROAX:" + user + "\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/Admin/" + user
                    + "\",\"accountId\":\"111122223333\",\"accessKeyId\":\"ASIAX" + n + "\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\","
                    + "\"principalId\":\"AROAX\",\"arn\":\"arn:aws:iam::111122223333:role/Admin\",\"accountId\":\"111122223333\",\"userName\":\"Admin\"},"
                    + "\"webIdFederationData\":{},\"attributes\":{\"creationDate\":\"2023-07-10T11:00:00Z\",\"mfaAuthenticated\":\"false\"}}}"
                : "{\"type\":\"IAMUser\",\"principalId\":\"AIDAX" + n + "\",\"arn\":\"arn:aws:iam::111122223333:user/" + user
                    + "\",\"accountId\":\"111122223333\",\"accessKeyId\":\"AKIAX" + n + "\",\"userName\":\"" + user + "\"}";
        String ip = rnd.nextInt(10) == 0 ? "secretsmanager.amazonaws.com" : (rnd.nextInt(200) + 1) + ".0.113." + rnd.nextInt(255);
        String error = rnd.nextInt(20) == 0 ? ",\"errorCode\":\"AccessDenied\",\"errorMessage\":\"User is not authorized\"" : "";
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":" + identity
                + ",\"eventTime\":\"" + Instant.ofEpochMilli(epochMillis).toString().replaceFirst("\\.\\d+Z$", "Z") + "\""
                + ",\"eventSource\":\"" + call[0] + "\",\"eventName\":\"" + call[1] + "\",\"awsRegion\":\"us-east-1\""
                + ",\"sourceIPAddress\":\"" + ip + "\",\"userAgent\":\"" + UAS[rnd.nextInt(UAS.length)] + "\""
                + error
                + ",\"requestParameters\":" + String.format(Locale.ROOT, call[2], n, n)
                + ",\"responseElements\":" + String.format(Locale.ROOT, call[3], n)
                + ",\"requestID\":\"" + new java.util.UUID(rnd.nextLong(), rnd.nextLong()) + "\""
                + ",\"eventID\":\"" + new java.util.UUID(rnd.nextLong(), rnd.nextLong()) + "\""
                + ",\"readOnly\":" + rnd.nextBoolean() + ",\"eventType\":\"AwsApiCall\",\"managementEvent\":true"
                + ",\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\""
                + ",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.2\",\"cipherSuite\":\"ECDHE-RSA-AES128-GCM-SHA256\",\"clientProvidedHostHeader\":\"" + call[0] + "\"}}";
    }
}
