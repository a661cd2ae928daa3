package dev.trailhunt.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.trailhunt.engine.Store;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Source;
import dev.trailhunt.esql.ast.Where;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.kql.Kql;
import dev.trailhunt.kql.KqlException;
import dev.trailhunt.kql.KqlFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses every KQL query of Elastic's AWS rules in the shared corpus (query, new_terms and threshold rules, and
 * any {@code filters}), lowers it, translates it and runs its SQL on an empty events table, and prints
 * {@code kql rules: parsed A/B, lowered C/D}; every failure must be listed here with its position and reason.
 */
class KqlRulesCensusTest {
    /** Rules whose KQL does not parse or lower, by corpus path, with the expected error; none today. */
    private static final Map<String, String> EXPECTED_FAILURES = Map.of();
    private static final Pattern POSITIONED = Pattern.compile("^\\d+:\\d+: .+");

    @Test
    void everyKueryRuleParsesAndLowers() throws IOException {
        Path root = EventsFixture.shared().map(s -> s.resolve("corpus/elastic-rules")).orElse(null);
        assumeTrue(root != null && Files.isDirectory(root), "shared corpus not present");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
        TomlMapper toml = new TomlMapper();
        EsqlTranslator translator = new EsqlTranslator(EventsFixture.sources(), TranslateOptions.defaults(FunctionCases.NOW));
        Query base = EsqlParser.parse("FROM logs-aws.cloudtrail-* | KEEP event.id");
        int queries = 0;
        int parsed = 0;
        int lowered = 0;
        Map<String, String> failures = new TreeMap<>();
        Map<String, TreeSet<String>> unknownByField = new TreeMap<>();
        try (Store store = Store.openInMemory()) {
            EventsFixture.create(store);
            for (Path file : files) {
                JsonNode rule = toml.readTree(file.toFile()).path("rule");
                if (!"kuery".equals(rule.path("language").asText())) {
                    continue;
                }
                String name = root.relativize(file).toString();
                List<String> texts = new ArrayList<>();
                texts.add(rule.path("query").asText());
                rule.path("filters").forEach(f -> texts.add(f.path("query").path("query").asText(f.toString())));
                for (String text : texts) {
                    queries++;
                    try {
                        Kql.parse(text);
                        parsed++;
                        KqlFilter f = Kql.lower(text);
                        List<Command> commands = new ArrayList<>(base.commands());
                        commands.add(1, new Where(f.filter(), Source.EMPTY));
                        Translation t = translator.translate(new Query(commands, base.source()));
                        store.query(t.sql(), t.columns());
                        lowered++;
                        f.unknownFields().forEach(u -> unknownByField.computeIfAbsent(u, k -> new TreeSet<>()).add(name));
                    } catch (KqlException | EsqlException e) {
                        failures.put(name, e.getMessage());
                    }
                }
            }
        }
        System.out.println("kql rules: parsed " + parsed + "/" + queries + ", lowered " + lowered + "/" + queries);
        failures.forEach((k, v) -> System.out.println("kql rules: failed " + k + ": " + v));
        unknownByField.forEach((field, rules) -> System.out.println("  field not in the store: " + field + " (" + rules.size() + " rules)"));
        assertTrue(queries >= 100, "expected the shared corpus's kuery rules, found " + queries);
        failures.values().forEach(m -> assertTrue(POSITIONED.matcher(m).matches(), "failure without line:col: " + m));
        assertEquals(EXPECTED_FAILURES, failures);
    }
}
