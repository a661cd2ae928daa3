package dev.trailhunt.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhunt.engine.Store;
import dev.trailhunt.ingest.IngestOptions;
import dev.trailhunt.ingest.IngestProgress;
import dev.trailhunt.ingest.Ingester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Builds CloudTrail records for tests, writes them as a CloudTrail log file and ingests them into a real store. */
final class TrailEvents {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "111122223333";

    private TrailEvents() {}

    /** Returns a successful IAM user call with the given id, time, service and action. */
    static ObjectNode event(String id, String time, String source, String action) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventVersion", "1.08");
        ObjectNode who = e.putObject("userIdentity");
        who.put("type", "IAMUser");
        who.put("principalId", "AIDAEXAMPLEALICE");
        who.put("arn", "arn:aws:iam::" + ACCOUNT + ":user/alice");
        who.put("accountId", ACCOUNT);
        who.put("accessKeyId", "AKIAEXAMPLEALICE");
        who.put("userName", "alice");
        e.put("eventTime", time);
        e.put("eventSource", source);
        e.put("eventName", action);
        e.put("awsRegion", "us-east-1");
        e.put("sourceIPAddress", "203.0.113.7");
        e.put("userAgent", "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.ubuntu.22");
        e.putNull("requestParameters");
        e.putNull("responseElements");
        e.put("requestID", "req-" + id);
        e.put("eventID", id);
        e.put("readOnly", false);
        e.put("eventType", "AwsApiCall");
        e.put("managementEvent", true);
        e.put("recipientAccountId", ACCOUNT);
        e.put("eventCategory", "Management");
        return e;
    }

    /** Writes the records as one CloudTrail log file and ingests it into a new store file in {@code dir}. */
    static Path store(Path dir, List<ObjectNode> records) {
        try {
            Files.createDirectories(dir);
            ObjectNode file = JSON.createObjectNode();
            ArrayNode array = file.putArray("Records");
            records.forEach(array::add);
            Path log = dir.resolve("events.json");
            Files.writeString(log, JSON.writeValueAsString(file));
            Path db = dir.resolve("store.duckdb");
            new Ingester(IngestOptions.defaults()).ingest(db, List.of(log), IngestProgress.NONE);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs rules over a store, as detect does, between two optional bounds. */
    static Detection detect(Path db, List<Rule> rules, Instant from, Instant to, HistoryPolicy policy) {
        try (Store store = Store.openForWriting(db)) {
            store.sandbox();
            Detector detector = new Detector(store, store.profile(), policy);
            Detection d = detector.run(rules, from, to);
            detector.store(d);
            return d;
        }
    }

    /** Loads one rule of the shared corpus by its file name under rules/integrations/aws. */
    static Rule sharedRule(String fileName) {
        Path p = RulesCensusTest.shared().resolve("corpus/elastic-rules/rules/integrations/aws").resolve(fileName);
        RuleSet set = RuleLoader.load(List.of(p));
        return set.rules().get(0);
    }

    /** Tells whether the shared corpus is present. */
    static boolean sharedPresent() {
        return Files.isDirectory(RulesCensusTest.shared().resolve("corpus/elastic-rules"));
    }
}
