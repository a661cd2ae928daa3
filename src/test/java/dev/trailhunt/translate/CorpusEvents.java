package dev.trailhunt.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhunt.engine.Store;
import dev.trailhunt.ingest.ecs.EcsMapper;
import dev.trailhunt.model.EcsColumn;
import dev.trailhunt.model.EcsSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Reads real CloudTrail records from ../shared (invictus-ir trail files, panther rule-test events) and loads them through EcsMapper. */
final class CorpusEvents {
    private CorpusEvents() {}

    static List<JsonNode> invictus(Path shared) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        try (Stream<Path> s = Files.walk(shared.resolve("corpus/cloudtrail/invictus-ir_aws_dataset/CloudTrail"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                new ObjectMapper().readTree(f.toFile()).path("Records").forEach(records::add);
            }
        }
        return records;
    }

    static List<JsonNode> panther(Path shared) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(
                shared.resolve("corpus/cloudtrail/panther-labs_panther-analysis/panther_cloudtrail_rule_tests.ndjson"), StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    JsonNode event = json.readTree(line).path("event");
                    if (event.hasNonNull("eventTime")) {
                        records.add(event);
                    }
                }
            }
        }
        return records;
    }

    /** Returns the newest ISO eventTime; panther tests also use other layouts, which the hunts' windows may ignore. */
    static Instant latest(List<JsonNode> records) {
        Instant max = Instant.EPOCH;
        for (JsonNode r : records) {
            try {
                Instant t = Instant.parse(r.path("eventTime").asText());
                max = t.isAfter(max) ? t : max;
            } catch (java.time.format.DateTimeParseException e) {
                // Not an ISO instant: it does not decide "now".
            }
        }
        return max;
    }

    static void load(Store store, List<JsonNode> records, EcsMapper mapper) {
        List<String> names = EcsSchema.columns().stream().map(EcsColumn::name).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode r : records) {
            // Arrays.asList keeps the nulls of absent fields, which List.of refuses.
            rows.add(Arrays.asList(mapper.map(r)));
        }
        EventsFixture.insert(store, names, rows);
    }
}
