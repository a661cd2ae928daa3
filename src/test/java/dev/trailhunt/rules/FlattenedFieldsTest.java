package dev.trailhunt.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhunt.engine.Store;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.ingest.IngestOptions;
import dev.trailhunt.ingest.IngestProgress;
import dev.trailhunt.ingest.Ingester;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.translate.Translation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the aws.cloudtrail.flattened.* leaves the translator derives from event.original equal those
 * in Elastic's expected pipeline documents (../shared/corpus/elastic-pipeline/tests), leaf path by leaf path.
 */
class FlattenedFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void everyFlattenedLeafOfElasticsExpectedDocumentsIsDerived() throws IOException {
        Path tests = RulesCensusTest.shared().resolve("corpus/elastic-pipeline/tests");
        assumeTrue(Files.isDirectory(tests), "../shared is absent");
        List<Path> expected;
        try (Stream<Path> s = Files.list(tests)) {
            expected = s.filter(p -> p.toString().endsWith("-expected.json")).sorted().toList();
        }
        int documents = 0;
        int leaves = 0;
        for (Path e : expected) {
            Path log = tests.resolve(e.getFileName().toString().replace("-expected.json", ""));
            List<JsonNode> docs = new ArrayList<>();
            JSON.readTree(e.toFile()).path("expected").forEach(docs::add);
            List<JsonNode> withFlattened = docs.stream().filter(d -> d.path("aws").path("cloudtrail").has("flattened")).toList();
            if (withFlattened.isEmpty() || !Files.exists(log)) {
                continue;
            }
            Path db = dir.resolve(log.getFileName() + ".duckdb");
            new Ingester(IngestOptions.defaults()).ingest(db, List.of(log), IngestProgress.NONE);
            try (Store store = Store.openForReading(db)) {
                RuleCompiler compiler = RuleCompiler.forStore(store, Instant.EPOCH);
                for (JsonNode doc : withFlattened) {
                    Map<String, TreeSet<String>> want = new TreeMap<>();
                    JsonNode flat = doc.path("aws").path("cloudtrail").path("flattened");
                    for (String object : List.of("request_parameters", "response_elements", "additional_eventdata", "service_event_details")) {
                        if (flat.has(object)) {
                            collect(flat.get(object), "aws.cloudtrail.flattened." + object, want);
                        }
                    }
                    // KEEP reads * as a wildcard even between backquotes, so a key holding one cannot be named there.
                    want.keySet().removeIf(k -> k.contains("*"));
                    if (want.isEmpty()) {
                        continue;
                    }
                    String id = doc.path("event").path("id").asText();
                    List<String> names = new ArrayList<>(want.keySet());
                    StringBuilder esql = new StringBuilder("FROM logs-aws.cloudtrail-* | WHERE event.id == \"" + id + "\" | KEEP ");
                    for (int i = 0; i < names.size(); i++) {
                        esql.append(i == 0 ? "" : ", ").append('`').append(names.get(i)).append('`');
                    }
                    Translation t = compiler.translate(EsqlParser.parse(esql.toString()));
                    ResultTable rows = store.query(t.sql(), t.columns());
                    assertEquals(1, rows.size(), e.getFileName() + ": one event " + id);
                    for (int i = 0; i < names.size(); i++) {
                        TreeSet<String> got = new TreeSet<>(EventRow.keywords(rows.rows().get(0).get(i)));
                        assertEquals(want.get(names.get(i)), got, e.getFileName() + " " + id + " " + names.get(i));
                        leaves++;
                    }
                    documents++;
                }
            }
        }
        System.out.println("flattened: " + leaves + " leaf paths of " + documents + " expected documents derived from event.original, all equal");
        assertTrue(documents > 0, "some expected documents carry flattened");
    }

    /** Collects a flattened object's leaves by dotted path as Elasticsearch indexes them: arrays transparent, scalars as strings. */
    private static void collect(JsonNode n, String path, Map<String, TreeSet<String>> out) {
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                collect(f.getValue(), path + "." + f.getKey(), out);
            }
        } else if (n.isArray()) {
            n.forEach(v -> collect(v, path, out));
        } else if (!n.isNull()) {
            out.computeIfAbsent(path, k -> new TreeSet<>()).add(n.asText());
        }
    }
}
