package dev.trailhunt.bench;

import dev.trailhunt.engine.RawDuckDb;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads CloudTrail {@code .json.gz} files with DuckDB's own {@code read_json} and an explicit schema:
 * the benchmark's "best native route" baseline, run through the same JDBC driver as trailhunt.
 *
 * <p>Usage: {@code DuckDbReadJson DB_FILE CORPUS_DIR}. Prints {@code rows=N statement_ms=T}.
 */
public final class DuckDbReadJson {
    /** Declares the stable envelope as STRUCTs and every variable part as JSON, as the research notes advise. */
    static final String RECORD_TYPE = "STRUCT("
            + "eventVersion VARCHAR, "
            + "userIdentity STRUCT(\"type\" VARCHAR, principalId VARCHAR, arn VARCHAR, accountId VARCHAR, "
            + "accessKeyId VARCHAR, userName VARCHAR, invokedBy VARCHAR, "
            + "sessionContext STRUCT(sessionIssuer STRUCT(\"type\" VARCHAR, principalId VARCHAR, arn VARCHAR, "
            + "accountId VARCHAR, userName VARCHAR), webIdFederationData JSON, "
            + "attributes STRUCT(creationDate VARCHAR, mfaAuthenticated VARCHAR), sourceIdentity VARCHAR, "
            + "ec2RoleDelivery VARCHAR)), "
            + "eventTime TIMESTAMPTZ, eventSource VARCHAR, eventName VARCHAR, awsRegion VARCHAR, "
            + "sourceIPAddress VARCHAR, userAgent VARCHAR, errorCode VARCHAR, errorMessage VARCHAR, "
            + "requestParameters JSON, responseElements JSON, additionalEventData JSON, requestID VARCHAR, "
            + "eventID VARCHAR, readOnly BOOLEAN, \"resources\" JSON, eventType VARCHAR, apiVersion VARCHAR, "
            + "managementEvent BOOLEAN, recipientAccountId VARCHAR, sharedEventID VARCHAR, vpcEndpointId VARCHAR, "
            + "vpcEndpointAccountId VARCHAR, serviceEventDetails JSON, eventCategory VARCHAR, "
            + "tlsDetails STRUCT(tlsVersion VARCHAR, cipherSuite VARCHAR, clientProvidedHostHeader VARCHAR), "
            + "sessionCredentialFromConsole VARCHAR, edgeDeviceDetails JSON, insightDetails JSON, addendum JSON)";

    private DuckDbReadJson() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DuckDbReadJson DB_FILE CORPUS_DIR");
            System.exit(2);
        }
        Path db = Path.of(args[0]);
        Files.deleteIfExists(db);
        long[] result = load(db, Path.of(args[1]));
        System.out.printf(Locale.ROOT, "rows=%d statement_ms=%d%n", result[0], result[1]);
    }

    /** Loads every log file under {@code corpus} into a new table of {@code db}; returns rows and statement milliseconds. */
    static long[] load(Path db, Path corpus) throws IOException, SQLException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json.gz"))
                    .filter(p -> !p.toString().contains("CloudTrail-Digest")).sorted().toList();
        }
        long largest = 16L << 20;
        for (Path f : files) {
            largest = Math.max(largest, gzipIsize(f));
        }
        // DuckDB reads a whole file as one JSON object: size the object limit from the largest file.
        long maxObject = Long.highestOneBit(largest) << 1;
        String list = files.stream().map(p -> "'" + p.toAbsolutePath().toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
        String sql = "CREATE TABLE ct AS SELECT unnest(Records, max_depth := 2) FROM read_json(" + list
                + ", format = 'unstructured', records = true, maximum_object_size = " + maxObject
                + ", columns = {'Records': '" + RECORD_TYPE + "[]'})";
        try (Connection c = RawDuckDb.open(db); Statement st = c.createStatement()) {
            long t0 = System.nanoTime();
            st.execute(sql);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM ct")) {
                rs.next();
                return new long[] {rs.getLong(1), ms};
            }
        }
    }

    /** Reads the uncompressed size (mod 4 GiB) from a gzip file's trailer. */
    private static long gzipIsize(Path f) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "r")) {
            if (raf.length() < 4) {
                return 0;
            }
            raf.seek(raf.length() - 4);
            byte[] b = new byte[4];
            raf.readFully(b);
            return (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24;
        }
    }
}
