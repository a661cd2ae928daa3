package dev.trailhunt.hunt;

import dev.trailhunt.engine.Store;
import java.nio.file.Path;

/** Builds a small store file with ECS-named columns and a files table, for tests that need data without ingest. */
public final class SampleStore {
    private SampleStore() {}

    /** Creates the store at {@code db} and returns it. */
    public static Path create(Path db) {
        try (Store store = Store.openForWriting(db)) {
            store.execute("""
                    CREATE TABLE events ("@timestamp" TIMESTAMP, "event.provider" VARCHAR, "event.action" VARCHAR,
                      "aws.cloudtrail.user_identity.arn" VARCHAR, "source.ip" VARCHAR, "user_agent.name" VARCHAR,
                      "related.user" VARCHAR[])""");
            store.execute("""
                    INSERT INTO events VALUES
                      ('2023-07-10 11:42:13', 'secretsmanager.amazonaws.com', 'GetSecretValue', 'arn:aws:iam::111122223333:user/alice', '198.51.100.7', 'aws-cli', ['alice']),
                      ('2023-07-10 11:50:00', 'secretsmanager.amazonaws.com', 'GetSecretValue', 'arn:aws:iam::111122223333:user/alice', '198.51.100.7', 'aws-cli', ['alice']),
                      ('2023-07-10 12:01:00', 'secretsmanager.amazonaws.com', 'GetSecretValue', 'arn:aws:sts::111122223333:assumed-role/very-long-role-name-for-batch-jobs/session-0001', NULL, 'Boto3', ['bob', 'batch']),
                      ('2023-07-10 12:10:00', 'secretsmanager.amazonaws.com', 'GetSecretValue', 'arn:aws:iam::111122223333:user/carol', '203.0.113.9', 'Chrome', []),
                      ('2023-07-10 12:37:50', 's3.amazonaws.com', 'GetObject', 'arn:aws:iam::111122223333:user/alice', '198.51.100.7', 'aws-cli', ['alice'])""");
            store.execute("""
                    CREATE TABLE files (path VARCHAR, size BIGINT, sha256 VARCHAR, format VARCHAR, events BIGINT, status VARCHAR, reason VARCHAR)""");
            store.execute("""
                    INSERT INTO files VALUES
                      ('logs/b.json.gz', 2048, 'bbbb', 'records', 2, 'loaded', NULL),
                      ('logs/a.json.gz', 1024, 'aaaa', 'records', 3, 'loaded', NULL),
                      ('logs/bad.json', 10, 'cccc', 'unknown', 0, 'rejected', 'not JSON')""");
        }
        return db;
    }
}
