package dev.trailhunt.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.engine.Store;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.From;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.esql.ast.LiteralType;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Source;
import dev.trailhunt.esql.ast.Where;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the rules' internal {@code $stored_contains} prefilter on DuckDB: it reads a column's value as stored, so a text
 * over its ignore_above (null to ES|QL) still matches, a null never does, and the hidden copy it reads stays out of the result.
 */
class StoredContainsTest {
    private static final Instant NOW = Instant.parse("2024-05-08T10:00:00Z");
    private static final String TEXT = "aws.cloudtrail.request_parameters";

    @Test
    void readsTheStoredTextPastIgnoreAboveAndKeepsItsCopyOutOfTheResult() {
        try (Store store = Store.openInMemory()) {
            EventsFixture.create(store);
            List<String> cols = List.of("event.id", "@timestamp", TEXT);
            EventsFixture.insert(store, cols, List.of(
                    row("long", "{key=home/.aws/credentials, pad=" + "x".repeat(9000) + "}"),
                    row("short", "{key=notes.txt}"),
                    row("none", null)));
            Source s = Source.EMPTY;
            Query q = new Query(List.of(new From(List.of("logs-aws.cloudtrail-*"), List.of(), s),
                    new Where(new FunctionCall(SearchFunctions.STORED_CONTAINS, List.of(new FieldRef(TEXT, s),
                            new Literal(".aws/credentials", LiteralType.KEYWORD, s)), false, s), s)), s);
            Translation t = new EsqlTranslator(EventsFixture.sources(), TranslateOptions.defaults(NOW), Dialect.DUCKDB).translate(q);
            assertTrue(t.columns().stream().noneMatch(c -> c.name().startsWith("__")), t.columns().toString());
            ResultTable rows = store.query(t.sql(), t.columns());
            int id = t.columns().stream().map(ResultColumn::name).toList().indexOf("event.id");
            int text = t.columns().stream().map(ResultColumn::name).toList().indexOf(TEXT);
            assertEquals(1, rows.size());
            assertEquals("long", rows.rows().get(0).get(id));
            // ES|QL itself reads the 9,000-character text as null (ignore_above 8,191).
            assertEquals(null, rows.rows().get(0).get(text));
            // A query's own column may have a name like the hidden copy's: it stays.
            Translation own = new EsqlTranslator(EventsFixture.sources(), TranslateOptions.defaults(NOW), Dialect.DUCKDB)
                    .translate(EsqlParser.parse("from logs-aws.cloudtrail-* | eval `__stored.aws.cloudtrail.request_parameters` = 1 | keep `__stored.aws.cloudtrail.request_parameters`"));
            assertEquals(List.of("__stored.aws.cloudtrail.request_parameters"), own.columns().stream().map(ResultColumn::name).toList());
        }
    }

    private static List<Object> row(String id, String text) {
        return new ArrayList<>(Arrays.asList(id, Instant.parse("2024-05-01T10:00:00Z"), text));
    }
}
