package dev.trailhunt.ingest.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Maps every real CloudTrail record of the reference corpus and checks the invariants that must hold. */
class EcsCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Test
    void mapsAllInvictusEventsWithoutPipelineErrors() throws IOException {
        Path dir = SharedCorpus.require("corpus/cloudtrail/invictus-ir_aws_dataset/CloudTrail");
        List<JsonNode> records = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JSON.readTree(f.toFile()).get("Records").forEach(records::add);
            }
        }
        assertEquals(2900, records.size());
        EcsMapper mapper = new EcsMapper(Instant.parse("2026-01-01T00:00:00Z"));
        int secrets = 0;
        for (JsonNode r : records) {
            Object[] row = mapper.map(r);
            assertNull(row[EcsMapper.ERROR], r.toString());
            assertEquals("event", row[EcsMapper.KIND]);
            assertNotNull(row[EcsMapper.ACTION]);
            assertEquals(PipelineDate.iso8601(r.get("eventTime").textValue()), row[EcsMapper.TIMESTAMP]);
            assertEquals(JSON.readTree((String) row[EcsMapper.ORIGINAL]), r);
            if ("GetSecretValue".equals(row[EcsMapper.ACTION])) {
                secrets++;
            }
        }
        assertEquals(60, secrets);
        // Informational only (no assertion): CPU time per record once the JIT has warmed up; CPU rather than
        // wall time because the build machine is shared.
        int rounds = 10;
        long start = 0;
        for (int i = 0; i < 2 * rounds; i++) {
            if (i == rounds) {
                start = CPU.getCurrentThreadCpuTime();
            }
            for (JsonNode r : records) {
                mapper.map(r);
            }
        }
        double micros = (CPU.getCurrentThreadCpuTime() - start) / 1000.0 / (rounds * (double) records.size());
        System.out.printf(Locale.ROOT, "ecs map: %.2f µs CPU/record over %d records%n", micros, records.size());
    }
}
