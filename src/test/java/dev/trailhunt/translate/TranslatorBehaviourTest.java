package dev.trailhunt.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.engine.Store;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.model.ResultTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks limits, positioned errors and that hunt text never becomes SQL, each executed on DuckDB. */
class TranslatorBehaviourTest {
    private static Store store;
    private final EsqlTranslator translator = new EsqlTranslator(EventsFixture.sources(),
            TranslateOptions.defaults(Instant.parse("2024-06-01T00:00:00Z")));

    @BeforeAll
    static void manyRows() throws Exception {
        store = Store.openInMemory();
        EventsFixture.create(store);
        store.execute("INSERT INTO events (\"@timestamp\", \"event.action\") "
                + "SELECT TIMESTAMP '2024-05-01 00:00:00' + to_seconds(i), 'A' || (i % 3) FROM range(12000) t(i)");
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    private ResultTable run(String esql) {
        Translation t = translator.translate(EsqlParser.parse(esql));
        return store.query(t.sql(), t.columns());
    }

    private EsqlException error(String esql) {
        return assertThrows(EsqlException.class, () -> translator.translate(EsqlParser.parse(esql)));
    }

    @Test
    void addsLimit1000WhenTheQueryDoesNotEndInLimit() {
        assertEquals(1000, run("from logs-* | keep @timestamp").size());
        assertEquals(1000, run("from logs-* | limit 5000 | keep @timestamp").size());
        assertEquals(3, run("from logs-* | limit 3").size());
    }

    @Test
    void capsAnyLimitAt10000() {
        assertEquals(10000, run("from logs-* | keep @timestamp | limit 20000").size());
    }

    @Test
    void intermediateLimitTruncatesBeforeStats() {
        ResultTable t = run("from logs-* | sort @timestamp | limit 10 | stats c = count(*)");
        assertEquals(List.of(List.of(10L)), t.rows());
    }

    @Test
    void reportsUnknownColumnsWithTheirPosition() {
        EsqlException e = error("from logs-*\n| where nosuch == 1");
        assertEquals("2:9: Unknown column [nosuch]", e.getMessage());
        assertEquals(EsqlException.Kind.SEMANTIC, e.kind());
    }

    @Test
    void reportsUnknownIndexNamingTheKnownSources() {
        EsqlException e = error("from secrets");
        assertTrue(e.getMessage().startsWith("1:1: Unknown index [secrets]; known sources: logs-aws.cloudtrail*"), e.getMessage());
    }

    @Test
    void reportsUnsupportedFunctionsAndCommandsAtTheirPosition() {
        assertEquals("unsupported: READ_CSV at 1:24", error("from logs-* | eval x = read_csv(\"/etc/passwd\")").getMessage());
        assertEquals(EsqlException.Kind.UNSUPPORTED, error("from logs-* | eval x = st_x(1)").kind());
        assertEquals("unsupported: ENRICH at 1:15", error("from logs-* | enrich policy on event.action").getMessage());
    }

    @Test
    void keepsQuotesAndSqlInStringLiteralsAsData(@TempDir Path dir) {
        Path target = dir.resolve("leak.csv");
        String text = "x'); COPY events TO '" + target + "'; --";
        String esql = "row s = \"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\" | eval t = concat(s, \"'\")";
        ResultTable t = run(esql);
        assertEquals(List.of(text, text + "'"), t.rows().get(0));
        assertFalse(Files.exists(target));
    }

    @Test
    void readsOnlyTheCatalogTable() {
        Translation t = translator.translate(EsqlParser.parse("from logs-aws.cloudtrail-* | stats c = count(*)"));
        assertTrue(t.sql().contains("from \"events\""), t.sql());
        assertFalse(t.sql().toLowerCase(java.util.Locale.ROOT).contains("read_"), t.sql());
    }
}
