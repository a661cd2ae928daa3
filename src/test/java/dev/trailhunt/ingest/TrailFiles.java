package dev.trailhunt.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes small CloudTrail inputs for tests and reads back what the store holds. */
final class TrailFiles {
    private TrailFiles() {}

    /** Returns one compact CloudTrail record whose eventID and source IP are given. */
    static String record(String eventId, String ip) {
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAX\","
                + "\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"accountId\":\"111122223333\",\"userName\":\"alice\"},"
                + "\"eventTime\":\"2024-03-01T10:00:00Z\",\"eventSource\":\"secretsmanager.amazonaws.com\","
                + "\"eventName\":\"GetSecretValue\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"" + ip + "\","
                + "\"userAgent\":\"aws-cli/2.13.5 Python/3.11.4 Linux/6.1 exe/x86_64\","
                + "\"requestParameters\":{\"secretId\":\"prod/db\"},\"responseElements\":null,"
                + "\"requestID\":\"r-" + eventId + "\",\"eventID\":\"" + eventId + "\",\"readOnly\":true,"
                + "\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"111122223333\","
                + "\"eventCategory\":\"Management\"}";
    }

    /** Returns {@code n} distinct records whose eventIDs start with {@code prefix}. */
    static List<String> records(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(record(String.format(Locale.ROOT, "%s-%04d", prefix, i), "203.0.113." + (i % 250)));
        }
        return out;
    }

    static String recordsObject(List<String> records) {
        return "{\"Records\":[" + String.join(",", records) + "]}";
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static Path gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    static Path zip(Path file, String... namesAndTexts) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                z.putNextEntry(new ZipEntry(namesAndTexts[i]));
                z.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return file;
    }

    /** Runs a query on the store and returns the first column of every row, as text. */
    static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static long count(Connection c, String sql) throws SQLException {
        return Long.parseLong(column(c, sql).get(0));
    }
}
