package dev.trailhunt.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.trailhunt.engine.QueryExecutor;
import dev.trailhunt.engine.Store;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.esql.parser.EsqlSyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Translates and runs every query of Elastic's AWS hunts on an in-memory events table. */
class HuntCorpusTranslateTest {

    @Test
    void everyAwsHuntTranslatesAndRuns() throws Exception {
        Path shared = EventsFixture.shared().orElse(null);
        assumeTrue(shared != null, "../shared is absent");
        Path aws = shared.resolve("corpus/elastic-hunting/aws");
        List<Path> files;
        try (Stream<Path> s = Files.list(aws)) {
            files = s.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
        EsqlTranslator translator = new EsqlTranslator(EventsFixture.sources(),
                TranslateOptions.defaults(Instant.parse("2024-06-01T00:00:00Z")));
        int total = 0;
        int translated = 0;
        int ran = 0;
        List<String> failures = new ArrayList<>();
        try (Connection c = Store.openInMemory()) {
            EventsFixture.create(c);
            for (Path f : files) {
                JsonNode hunt = new TomlMapper().readTree(f.toFile()).path("hunt");
                for (JsonNode q : hunt.path("query")) {
                    total++;
                    String name = f.getFileName().toString();
                    Query query;
                    try {
                        query = EsqlParser.parse(q.asText());
                    } catch (EsqlSyntaxException e) {
                        failures.add(name + ": " + e.getMessage());
                        continue;
                    }
                    Translation t;
                    try {
                        t = translator.translate(query);
                        translated++;
                    } catch (EsqlException e) {
                        failures.add(name + ": " + e.getMessage());
                        continue;
                    }
                    try {
                        QueryExecutor.execute(c, t.sql(), t.columns());
                        ran++;
                    } catch (RuntimeException e) {
                        failures.add(name + ": " + e.getMessage() + "\n" + t.sql());
                    }
                }
            }
        }
        System.out.println("elastic hunts: translated " + translated + "/" + total + ", ran " + ran + "/" + total);
        failures.forEach(System.out::println);
        // The servicequotas hunt writes '=' for '==' upstream and must fail to parse, with a position.
        assertEquals(total - 1, translated, String.join("\n", failures));
        assertEquals(translated, ran, String.join("\n", failures));
    }
}
