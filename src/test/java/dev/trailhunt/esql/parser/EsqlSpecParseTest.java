package dev.trailhunt.esql.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.UnsupportedCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Parses every query of Elasticsearch's csv-spec tests in ../shared and reports the parse rate per file.
 */
class EsqlSpecParseTest {

    @Test
    void specQueriesParse() {
        Path shared = ParserCorpus.shared().orElse(null);
        Assumptions.assumeTrue(shared != null, "../shared is absent");
        List<ParserCorpus.CorpusQuery> queries = ParserCorpus.specQueries(shared.resolve("corpus/esql-spec"));
        Map<String, int[]> perFile = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        int unsupported = 0;
        for (ParserCorpus.CorpusQuery query : queries) {
            int[] counts = perFile.computeIfAbsent(query.file(), f -> new int[2]);
            counts[1]++;
            try {
                Query result = EsqlParser.parse(query.text());
                parsed++;
                counts[0]++;
                for (Command command : result.commands()) {
                    if (command instanceof UnsupportedCommand) {
                        unsupported++;
                        break;
                    }
                }
            } catch (EsqlSyntaxException e) {
                failures.add(query.file() + " " + query.name() + ": " + e.formatted());
            }
        }
        perFile.forEach((file, c) -> System.out.println("esql-spec parse " + file + ": " + c[0] + "/" + c[1]));
        System.out.println("esql-spec parse: " + parsed + "/" + queries.size() + " (" + unsupported
                + " with an unsupported command)");
        failures.forEach(System.out::println);
        assertTrue(queries.size() > 1000, "expected the whole csv-spec corpus, found " + queries.size());
        assertTrue(failures.size() <= 10, failures.size() + " spec queries failed to parse");
    }
}
