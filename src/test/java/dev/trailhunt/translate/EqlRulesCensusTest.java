package dev.trailhunt.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.trailhunt.engine.Store;
import dev.trailhunt.eql.Eql;
import dev.trailhunt.eql.EqlException;
import dev.trailhunt.eql.ast.EqlQuery;
import dev.trailhunt.eql.ast.FieldName;
import dev.trailhunt.eql.ast.Step;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Source;
import dev.trailhunt.esql.ast.Where;
import dev.trailhunt.esql.parser.EsqlParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses every {@code language = "eql"} rule of the shared Elastic corpus, lowers each condition (every step of
 * a sequence) with the rule's category field, translates it and runs the SQL on DuckDB; prints
 * {@code eql rules: parsed A/B, lowered C/D} and fails on any failure not listed here with its position and reason.
 */
class EqlRulesCensusTest {
    /** Lists the rules expected not to parse or lower, by file name, with the message. None today. */
    private static final Map<String, String> EXPECTED_FAILURES = Map.of();

    private final EsqlTranslator translator = new EsqlTranslator(EventsFixture.sources(),
            TranslateOptions.defaults(Instant.parse("2024-06-01T00:00:00Z")));

    @Test
    void everyEqlRuleParsesLowersAndRuns() throws IOException {
        Optional<Path> shared = EventsFixture.shared();
        assumeTrue(shared.isPresent(), "no shared corpus");
        Path rules = shared.get().resolve("corpus/elastic-rules");
        TomlMapper toml = new TomlMapper();
        List<Path> files;
        try (Stream<Path> s = Files.walk(rules)) {
            files = s.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
        int total = 0;
        int parsed = 0;
        int lowered = 0;
        Map<String, String> failures = new TreeMap<>();
        TreeSet<String> unknown = new TreeSet<>();
        try (Store store = Store.openInMemory()) {
            EventsFixture.create(store);
            for (Path file : files) {
                JsonNode rule = toml.readTree(file.toFile()).path("rule");
                if (!"eql".equals(rule.path("language").asText())) {
                    continue;
                }
                total++;
                String text = rule.path("query").asText();
                String categoryField = rule.path("event_category_override").asText(Eql.DEFAULT_CATEGORY_FIELD);
                EqlQuery q;
                try {
                    q = Eql.parse(text);
                    parsed++;
                } catch (EqlException e) {
                    failures.put(file.getFileName().toString(), e.getMessage());
                    continue;
                }
                try {
                    for (Eql.Lowered l : lowerAll(q, categoryField)) {
                        run(store, l.filter());
                        l.unknownFields().stream().map(FieldName::name).forEach(unknown::add);
                    }
                    lowered++;
                } catch (EqlException e) {
                    failures.put(file.getFileName().toString(), e.getMessage());
                }
            }
        }
        System.out.println("eql rules: parsed " + parsed + "/" + total + ", lowered " + lowered + "/" + parsed);
        System.out.println("eql census: fields the store lacks: " + unknown);
        assertTrue(total >= 26, "found only " + total + " EQL rules");
        assertEquals(EXPECTED_FAILURES, failures);
    }

    private static List<Eql.Lowered> lowerAll(EqlQuery q, String categoryField) {
        List<Eql.Lowered> out = new ArrayList<>();
        if (q instanceof EqlQuery.Single single) {
            out.add(Eql.lower(single, categoryField));
        } else if (q instanceof EqlQuery.Sequence sequence) {
            for (Step step : sequence.steps()) {
                out.add(Eql.lower(sequence, step, categoryField));
            }
            if (sequence.until() != null) {
                out.add(Eql.lower(sequence, sequence.until(), categoryField));
            }
        }
        return out;
    }

    private void run(Store store, Expr filter) {
        Query base = EsqlParser.parse("from logs-* | where true | keep event.id | sort event.id");
        List<Command> commands = new ArrayList<>(base.commands());
        commands.set(1, new Where(filter, Source.EMPTY));
        Translation t = translator.translate(new Query(commands, base.source()));
        store.query(t.sql(), t.columns());
    }
}
