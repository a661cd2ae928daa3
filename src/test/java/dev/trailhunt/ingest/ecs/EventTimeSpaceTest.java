package dev.trailhunt.ingest.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhunt.model.EcsSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Dates the Panther rule-test events, whose eventTime is often {@code 2021-01-01 12:00:00}, as Elastic's
 * pipeline does: its date processor reads eventTime with format ISO8601 only, which requires the {@code T}
 * (elastic/integrations#19712 adds explicit space formats to another pipeline for that reason), so such a
 * record keeps the ingest time, gets the processor's error.message and is a pipeline_error.
 */
class EventTimeSpaceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Pattern SPACE_FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");

    @Test
    void spaceSeparatedEventTimesAreUndatedPipelineErrorsAsInElastic() throws IOException {
        Path ndjson = SharedCorpus.require("corpus/cloudtrail/panther-labs_panther-analysis/panther_cloudtrail_rule_tests.ndjson");
        EcsMapper mapper = new EcsMapper(CREATED);
        int spaced = 0;
        int dated = 0;
        for (String line : Files.readAllLines(ndjson, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode test = JSON.readTree(line);
            // Each line is one rule test; the CloudTrail record is its "event".
            JsonNode record = test.has("event") ? test.get("event") : test;
            String time = record.path("eventTime").asText("");
            Object[] row = mapper.map(record);
            if (SPACE_FORM.matcher(time).matches()) {
                spaced++;
                assertFalse(EcsMapper.hasDataTime(row), time);
                assertSame(row[EcsSchema.indexOf("event.created")], row[EcsSchema.indexOf("@timestamp")]);
                assertEquals("pipeline_error", row[EcsSchema.indexOf("event.kind")]);
                assertEquals(List.of("Processor date with tag date_json_eventTime_to_timestamp_e9417ba3 in pipeline"
                        + " logs-aws.cloudtrail-8.9.0 failed with message: unable to parse date [" + time + "]"),
                        row[EcsSchema.indexOf("error.message")]);
                assertTrue(((List<?>) row[EcsSchema.indexOf("tags")]).contains("preserve_original_event"));
            } else if (time.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")) {
                dated++;
                assertEquals(Instant.parse(time), row[EcsSchema.indexOf("@timestamp")]);
                assertTrue(EcsMapper.hasDataTime(row));
            }
        }
        // Counted by hand from the file: 55 "yyyy-MM-dd HH:mm:ss", 9 with millis, 56 with nanos.
        assertEquals(120, spaced);
        assertEquals(316, dated);
    }
}
