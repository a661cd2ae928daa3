package dev.trailhunt.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.trailhunt.engine.Store;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.model.ResultTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden file: translates its ES|QL, compares the SQL, executes it on a small ECS dataset
 * and compares the rows. {@code -Dgolden.update=true} rewrites the SQL and rows for review.
 */
class GoldenTest {
    static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
    private static final Path DIR = Path.of("src/test/resources/golden");
    private static Store store;

    @BeforeAll
    static void createDataset() throws Exception {
        store = Store.openInMemory();
        EventsFixture.create(store);
        for (Map<String, Object> row : GoldenDataset.rows()) {
            EventsFixture.insert(store, row);
        }
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".golden")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        boolean update = Boolean.parseBoolean(System.getProperty("golden.update", "false"));
        EsqlTranslator translator = new EsqlTranslator(EventsFixture.sources(), TranslateOptions.defaults(NOW));
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            GoldenFile g = GoldenFile.parse(Files.readString(f, StandardCharsets.UTF_8));
            Translation t = translator.translate(EsqlParser.parse(g.esql()));
            ResultTable result = store.query(t.sql(), t.columns());
            String rows = GoldenFile.rowsText(result);
            if (update) {
                Files.writeString(f, new GoldenFile(g.description(), g.esql(), t.sql(), rows).render(), StandardCharsets.UTF_8);
                return;
            }
            assertEquals(g.rows(), rows, "rows of " + f);
            assertEquals(g.sql(), t.sql().strip(), "sql of " + f);
        }));
    }
}
