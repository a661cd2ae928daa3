package dev.trailhunt.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhunt.engine.InputFile;
import dev.trailhunt.ingest.IngestOptions;
import dev.trailhunt.ingest.IngestProgress;
import dev.trailhunt.ingest.IngestSummary;
import dev.trailhunt.ingest.Ingester;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Splits seeded random record sets across random files, layouts and compressions, with CloudTrail's
 * at-least-once repeats, and checks that the store holds each distinct record exactly once, intact.
 */
class IngestPropertyTest {
    private enum Layout { RECORDS, ARRAY, NDJSON }

    @TempDir Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void everyDistinctRecordIsStoredOnceAndRoundTrips(long seed) throws Exception {
        Random random = new Random(seed);
        TrailRecords trail = new TrailRecords(seed * 1_000_003);
        List<ObjectNode> distinct = new ArrayList<>(trail.next(20 + random.nextInt(400)));
        // Two different records sharing an eventID are both kept, as Elastic keeps both.
        for (int i = 0; i < 3; i++) {
            ObjectNode twin = trail.next();
            twin.set("eventID", distinct.get(random.nextInt(distinct.size())).get("eventID"));
            distinct.add(twin);
        }
        List<ObjectNode> delivered = new ArrayList<>(distinct);
        // CloudTrail delivers at least once: some records arrive again, in other files.
        for (int i = random.nextInt(20); i > 0; i--) {
            delivered.add(distinct.get(random.nextInt(distinct.size())));
        }
        java.util.Collections.shuffle(delivered, random);

        Path in = Files.createDirectories(dir.resolve("in"));
        Map<String, Integer> perInput = writeFiles(in, delivered, random);

        Path db = dir.resolve("store.duckdb");
        IngestSummary summary = new Ingester(new IngestOptions(1 + random.nextInt(3), false)).ingest(db, List.of(in), IngestProgress.NONE);
        assertEquals(0, summary.exitCode(), summary.files().toString());
        Map<String, Integer> read = new HashMap<>();
        for (InputFile f : summary.files()) {
            assertEquals(InputFile.LOADED, f.status(), f.toString());
            read.put(f.path(), (int) f.events());
        }
        assertEquals(perInput, read);
        assertEquals(distinct.size(), summary.eventsAdded());
        assertEquals(distinct.size(), StoreContents.events(db));

        Set<JsonNode> stored = new LinkedHashSet<>();
        for (List<Object> row : StoreContents.rows(db, "SELECT \"event.original\" FROM events")) {
            stored.add(TrailRecords.JSON.readTree((String) row.get(0)));
        }
        assertEquals(Set.copyOf(distinct), stored);

        IngestSummary again = new Ingester(new IngestOptions(2, false)).ingest(db, List.of(in), IngestProgress.NONE);
        assertEquals(0, again.eventsAdded());
        assertEquals(distinct.size(), StoreContents.events(db));
    }

    /** Writes the records into random files and returns the records each input (file or zip entry) holds. */
    private static Map<String, Integer> writeFiles(Path in, List<ObjectNode> records, Random random) throws IOException {
        Map<String, Integer> perInput = new HashMap<>();
        int files = 1 + random.nextInt(8);
        int from = 0;
        for (int f = 0; f < files; f++) {
            int to = f == files - 1 ? records.size() : from + random.nextInt(records.size() - from + 1);
            List<ObjectNode> part = records.subList(from, to);
            from = to;
            if (part.isEmpty()) {
                continue;
            }
            Path sub = Files.createDirectories(in.resolve("region" + random.nextInt(3)));
            int kind = random.nextInt(3);
            if (kind == 2) {
                // A zip holds one to three inputs; each entry is its own file in the summary.
                Path zip = sub.resolve("part" + f + ".zip");
                try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
                    int entries = Math.min(part.size(), 1 + random.nextInt(3));
                    for (int e = 0; e < entries; e++) {
                        List<ObjectNode> slice = part.subList(e * part.size() / entries, (e + 1) * part.size() / entries);
                        String name = "e" + e + ".json";
                        z.putNextEntry(new ZipEntry(name));
                        z.write(render(slice, random));
                        z.closeEntry();
                        perInput.put(zip + "!/" + name, slice.size());
                    }
                }
            } else {
                Path file = sub.resolve("part" + f + (kind == 1 ? ".json.gz" : ".json"));
                byte[] bytes = render(part, random);
                if (kind == 1) {
                    ByteArrayOutputStream gz = new ByteArrayOutputStream();
                    try (OutputStream out = new GZIPOutputStream(gz)) {
                        out.write(bytes);
                    }
                    bytes = gz.toByteArray();
                }
                Files.write(file, bytes);
                perInput.put(file.toString(), part.size());
            }
        }
        return perInput;
    }

    private static byte[] render(List<ObjectNode> records, Random random) throws IOException {
        Layout layout = Layout.values()[random.nextInt(Layout.values().length)];
        String text = switch (layout) {
            case RECORDS -> TrailRecords.recordsFile(records);
            case ARRAY -> TrailRecords.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(records);
            case NDJSON -> {
                StringBuilder b = new StringBuilder();
                for (ObjectNode r : records) {
                    b.append(r).append(random.nextBoolean() ? "\n" : "\r\n");
                }
                yield b.toString();
            }
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
