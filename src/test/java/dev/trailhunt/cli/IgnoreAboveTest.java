package dev.trailhunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shows ES|QL's view of keyword values beyond Elastic's {@code ignore_above} (8191 on request_parameters in the
 * aws package's fields.yml): Elasticsearch does not index them and ES|QL returns null
 * (elastic/elasticsearch#124678), counting length in UTF-16 units as Java does; DuckDB SQL still reads them.
 */
class IgnoreAboveTest {
    @TempDir Path dir;

    private static String record(String id, String value) {
        return "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-03-01T10:00:0" + id + "Z\",\"eventSource\":\"s3.amazonaws.com\","
                + "\"eventName\":\"PutObject\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"192.0.2.7\",\"eventID\":\"e" + id
                + "\",\"requestParameters\":{\"k\":\"" + value + "\"}}";
    }

    @Test
    void longerThanIgnoreAboveIsNullInEsqlAndKeptInTheStore() throws Exception {
        String emoji = new String(Character.toChars(0x1F600));
        // "{k=" + value + "}" is the stored string: 4 + value length in UTF-16 units.
        Files.writeString(dir.resolve("t.json"), "{\"Records\":["
                + record("1", "a".repeat(8187)) + ","             // 8191 units: indexed
                + record("2", "a".repeat(8188)) + ","             // 8192 units: ignored
                + record("3", "a".repeat(8185) + emoji) + ","     // 8191 units (8190 code points): indexed
                + record("4", "a".repeat(8186) + emoji) + "]}");  // 8192 units (8191 code points): ignored
        String db = dir.resolve("s.duckdb").toString();
        assertEquals(0, Cli.run("ingest", "--db", db, dir.resolve("t.json").toString()).code());
        Cli esql = Cli.run("query", "--db", db, "--esql", "FROM logs-aws.cloudtrail-* | EVAL n = LENGTH(aws.cloudtrail.request_parameters)"
                + " | SORT event.id | KEEP event.id, n", "-f", "csv");
        assertEquals(0, esql.code(), esql.err());
        // ES|QL's LENGTH counts code points.
        assertEquals(List.of("event.id,n", "e1,8191", "e2,", "e3,8190", "e4,"), esql.out().strip().lines().toList());
        Cli sql = Cli.run("query", "--db", db, "--sql", "SELECT \"event.id\", length(\"aws.cloudtrail.request_parameters\") n"
                + " FROM events ORDER BY 1", "-f", "csv");
        assertEquals(0, sql.code(), sql.err());
        assertEquals(List.of("event.id,n", "e1,8191", "e2,8192", "e3,8190", "e4,8191"), sql.out().strip().lines().toList());
    }
}
