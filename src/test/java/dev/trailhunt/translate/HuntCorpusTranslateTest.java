package dev.trailhunt.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.trailhunt.engine.Store;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.esql.parser.EsqlSyntaxException;
import dev.trailhunt.ingest.ecs.EcsMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Translates every query of Elastic's AWS hunts and runs it on the golden dataset's hand-made rows
 * and on the real CloudTrail records of ../shared (invictus-ir and panther), loaded through EcsMapper.
 */
class HuntCorpusTranslateTest {

    @Test
    void everyAwsHuntTranslatesAndRuns() throws Exception {
        Path shared = EventsFixture.shared().orElse(null);
        assumeTrue(shared != null, "../shared is absent");
        List<Path> files;
        try (Stream<Path> s = Files.list(shared.resolve("corpus/elastic-hunting/aws"))) {
            files = s.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
        List<JsonNode> records = new ArrayList<>(CorpusEvents.invictus(shared));
        records.addAll(CorpusEvents.panther(shared));
        Instant now = CorpusEvents.latest(records);
        EsqlTranslator samples = new EsqlTranslator(EventsFixture.sources(), TranslateOptions.defaults(GoldenTest.NOW));
        EsqlTranslator corpus = new EsqlTranslator(EventsFixture.sources(), TranslateOptions.defaults(now));
        int total = 0;
        int parsed = 0;
        int translated = 0;
        int ran = 0;
        List<String> failures = new ArrayList<>();
        try (Store small = Store.openInMemory(); Store real = Store.openInMemory()) {
            EventsFixture.create(small);
            for (Map<String, Object> row : GoldenDataset.rows()) {
                EventsFixture.insert(small, row);
            }
            EventsFixture.create(real);
            CorpusEvents.load(real, records, new EcsMapper(now));
            for (Path f : files) {
                JsonNode hunt = new TomlMapper().readTree(f.toFile()).path("hunt");
                for (JsonNode q : hunt.path("query")) {
                    total++;
                    String name = f.getFileName().toString();
                    Query query;
                    try {
                        query = EsqlParser.parse(q.asText());
                        parsed++;
                    } catch (EsqlSyntaxException e) {
                        failures.add(name + ": " + e.getMessage());
                        continue;
                    }
                    try {
                        Translation a = samples.translate(query);
                        Translation b = corpus.translate(query);
                        translated++;
                        int rows = small.query(a.sql(), a.columns()).size();
                        rows += real.query(b.sql(), b.columns()).size();
                        ran++;
                        System.out.println("  " + name + ": " + rows + " rows");
                    } catch (RuntimeException e) {
                        failures.add(name + ": " + e.getMessage());
                    }
                }
            }
        }
        System.out.println("elastic hunts: parsed " + parsed + "/" + total + ", translated " + translated + "/" + total
                + ", ran " + ran + "/" + total + " (" + records.size() + " real CloudTrail records)");
        failures.forEach(f -> System.out.println("  " + f));
        // Upstream's servicequotas hunt writes '=' for '==': it must fail to parse, with a position.
        assertEquals(List.of("servicequotas_discovery_multi_region_get_service_quota_calls.toml: 5:62: '=' assigns; use '==' to compare"),
                failures);
        assertEquals(total - 1, ran);
    }
}
