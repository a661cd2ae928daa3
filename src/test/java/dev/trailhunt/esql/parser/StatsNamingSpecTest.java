package dev.trailhunt.esql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.esql.ast.Aggregate;
import dev.trailhunt.esql.ast.Alias;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Stats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Checks the parser names STATS columns as Elasticsearch does, against the headers of csv-spec tests ending in STATS.
 */
class StatsNamingSpecTest {

    @Test
    void statsColumnNamesMatchElasticsearchHeaders() {
        Path shared = ParserCorpus.shared().orElse(null);
        Assumptions.assumeTrue(shared != null, "../shared is absent");
        int checked = 0;
        List<String> mismatches = new ArrayList<>();
        for (ParserCorpus.CorpusQuery spec : ParserCorpus.specQueries(shared.resolve("corpus/esql-spec"))) {
            // Tests switched off upstream for every version have wrong expectations (countDistinctNull).
            if (spec.header() == null || spec.name().contains("#[skip:-9.99.99") || spec.name().endsWith("-Ignore")) {
                continue;
            }
            Query query;
            try {
                query = EsqlParser.parse(spec.text());
            } catch (EsqlSyntaxException e) {
                continue;
            }
            Command last = query.commands().get(query.commands().size() - 1);
            if (!(last instanceof Stats stats)) {
                continue;
            }
            // Later columns of the same name replace earlier ones, the grouping winning, as in Elasticsearch.
            Set<String> names = new LinkedHashSet<>();
            for (Aggregate aggregate : stats.aggregates()) {
                names.remove(aggregate.alias().name());
                names.add(aggregate.alias().name());
            }
            for (Alias grouping : stats.groupings()) {
                names.remove(grouping.name());
                names.add(grouping.name());
            }
            List<String> expected = new ArrayList<>();
            for (String cell : spec.header().split("\\|")) {
                String trimmed = cell.strip();
                expected.add(trimmed.substring(0, trimmed.lastIndexOf(':')).strip());
            }
            checked++;
            if (!expected.equals(List.copyOf(names))) {
                mismatches.add(spec.file() + " " + spec.name() + ": expected " + expected + " but named " + names);
            }
        }
        System.out.println("esql-spec STATS naming: " + (checked - mismatches.size()) + "/" + checked + " match");
        mismatches.forEach(System.out::println);
        assertTrue(checked > 100, "too few STATS cases found: " + checked);
        assertEquals(List.of(), mismatches);
    }
}
