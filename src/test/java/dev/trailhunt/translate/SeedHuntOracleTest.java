package dev.trailhunt.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.trailhunt.engine.Store;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.ingest.ecs.EcsMapper;
import dev.trailhunt.model.EcsSchema;
import dev.trailhunt.model.ResultTable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs Elastic's seed hunt on the invictus-ir CloudTrail logs and compares it with a count computed
 * here straight from the raw records, without the translator or SQL.
 */
class SeedHuntOracleTest {
    private static final Set<String> BROWSERS = Set.of("Chrome", "Firefox", "Safari", "Edge", "Brave", "Opera");
    private static final Pattern IP = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    @Test
    void seedHuntEqualsCountFromRawRecords() throws Exception {
        Path shared = EventsFixture.shared().orElse(null);
        assumeTrue(shared != null, "../shared is absent");
        List<JsonNode> records = CorpusEvents.invictus(shared);
        Instant now = CorpusEvents.latest(records);
        EcsMapper mapper = new EcsMapper(now);
        int uaName = EcsSchema.indexOf("user_agent.name");

        // The oracle: ES|QL's filters and grouping, applied to the raw JSON fields they come from.
        Map<String, Long> expected = new TreeMap<>();
        for (JsonNode r : records) {
            Instant t = Instant.parse(r.path("eventTime").asText());
            String ua = (String) mapper.map(r)[uaName];
            if (!t.isAfter(now.minus(Duration.ofDays(7))) || !"secretsmanager.amazonaws.com".equals(r.path("eventSource").asText())
                    || !"GetSecretValue".equals(r.path("eventName").asText()) || ua == null || BROWSERS.contains(ua)) {
                continue;
            }
            String src = r.path("sourceIPAddress").asText(null);
            String ip = src != null && IP.matcher(src).matches() ? src : null;
            String arn = r.path("userIdentity").path("arn").asText(null);
            expected.merge(String.join(" | ", "GetSecretValue", String.valueOf(arn), String.valueOf(ip), ua), 1L, Long::sum);
        }
        assertFalse(expected.isEmpty(), "the corpus holds GetSecretValue calls");

        String hunt = new TomlMapper().readTree(shared.resolve(
                "corpus/elastic-hunting/aws/secretsmanager_high_frequency_get_secret_value.toml").toFile())
                .path("hunt").path("query").get(0).asText();
        Translation tr = new EsqlTranslator(EventsFixture.sources(), TranslateOptions.defaults(now)).translate(EsqlParser.parse(hunt));
        Map<String, Long> actual = new TreeMap<>();
        try (Store store = Store.openInMemory()) {
            EventsFixture.create(store);
            CorpusEvents.load(store, records, mapper);
            ResultTable result = store.query(tr.sql(), tr.columns());
            for (List<Object> row : result.rows()) {
                List<String> key = new ArrayList<>();
                for (int i = 1; i < row.size(); i++) {
                    key.add(String.valueOf(row.get(i)));
                }
                actual.put(String.join(" | ", key), (Long) row.get(0));
            }
        }
        System.out.println("seed hunt on invictus-ir: " + actual.size() + " groups, " + actual.values().stream().mapToLong(Long::longValue).sum() + " calls");
        assertEquals(expected, actual);
    }

}
