package dev.trailhunt.esql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.esql.ast.Aggregate;
import dev.trailhunt.esql.ast.Alias;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Eval;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Row;
import dev.trailhunt.esql.ast.Stats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Checks the parser names unnamed columns as Elasticsearch does, against the headers of csv-spec tests that end in
 * STATS or consist of ROW and EVAL only.
 */
class ColumnNamingSpecTest {

    @Test
    void unnamedColumnsAreNamedAsElasticsearchNamesThem() {
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
            Set<String> names = columnNames(query);
            if (names == null) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            if (spec.header().isBlank()) {
                continue;
            }
            for (String cell : spec.header().split("\\|")) {
                String trimmed = cell.strip();
                expected.add(trimmed.substring(0, trimmed.lastIndexOf(':')).strip());
            }
            checked++;
            if (!expected.equals(List.copyOf(names))) {
                mismatches.add(spec.file() + " " + spec.name() + ": expected " + expected + " but named " + names);
            }
        }
        System.out.println("esql-spec column naming: " + (checked - mismatches.size()) + "/" + checked + " match");
        mismatches.forEach(System.out::println);
        assertTrue(checked > 100, "too few STATS cases found: " + checked);
        assertEquals(List.of(), mismatches);
    }

    /** Names the output columns of a query ending in STATS or made of ROW and EVAL, else returns null. */
    private static Set<String> columnNames(Query query) {
        List<Command> commands = query.commands();
        Set<String> names = new LinkedHashSet<>();
        // Later columns of the same name replace earlier ones and move to the end, as in Elasticsearch.
        if (commands.get(commands.size() - 1) instanceof Stats stats) {
            stats.aggregates().stream().map(Aggregate::alias).forEach(a -> replace(names, a));
            stats.groupings().forEach(a -> replace(names, a));
            return names;
        }
        for (Command command : commands) {
            if (command instanceof Row row) {
                row.fields().forEach(a -> replace(names, a));
            } else if (command instanceof Eval eval) {
                eval.fields().forEach(a -> replace(names, a));
            } else {
                return null;
            }
        }
        return names;
    }

    private static void replace(Set<String> names, Alias alias) {
        names.remove(alias.name());
        names.add(alias.name());
    }
}
