package dev.trailhunt.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.engine.Store;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.model.ResultTable;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs date, version and multi-value functions on DuckDB and checks them against java.time and Elasticsearch's documented answers. */
class CalendarAndMultiValueFunctionsTest {
    private static Store store;
    private final EsqlTranslator translator = new EsqlTranslator(EventsFixture.sources(),
            TranslateOptions.defaults(Instant.parse("2024-06-01T00:00:00Z")));

    @BeforeAll
    static void open() throws Exception {
        store = Store.openInMemory();
        EventsFixture.create(store);
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    private List<Object> row(String esql) {
        Translation t = translator.translate(EsqlParser.parse(esql));
        ResultTable r = store.query(t.sql(), t.columns());
        assertEquals(1, r.size(), esql);
        return r.rows().get(0);
    }

    private String unsupported(String esql) {
        EsqlException e = assertThrows(EsqlException.class, () -> translator.translate(EsqlParser.parse(esql)));
        assertEquals(EsqlException.Kind.UNSUPPORTED, e.kind(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void dateUnitCountUsesTheCalendarPeriodHoldingTheDate() {
        List<Object> r = row("row dt = to_datetime(\"2024-02-15T10:00:00Z\") | eval d = date_unit_count(\"day\", \"month\", dt), "
                + "h = date_unit_count(\"hour\", \"month\", dt), y = date_unit_count(\"day\", \"year\", dt), "
                + "w = date_unit_count(\"week\", \"year\", dt), m = date_unit_count(\"month\", \"year\", dt) | drop dt");
        int days = YearMonth.of(2024, 2).lengthOfMonth();
        assertEquals(List.of((long) days, days * 24L, 366L, 366L / 7, 12L), r);
        assertTrue(unsupported("row dt = now() | eval x = date_unit_count(\"month\", \"week\", dt)").contains("DATE_UNIT_COUNT of month in a week"));
    }

    @Test
    void versionsCompareByTheirPartsWithInvalidOnesLast() {
        List<Object> r = row("row v = [\"1.11.0\", \"1.2.3.4\", \"1.2.3\", \"1.2.3-alpha\", \"bad\", \"1.2\"] | mv_expand v "
                + "| stats lo = min(to_version(v)), hi = max(to_version(v)), "
                + "valid = max(case(v == \"bad\", null, to_version(v)))");
        assertEquals(List.of("1.2", "bad", "1.11.0"), r);
    }

    @Test
    void sessionTimeZoneMovesCalendarFunctionsToTheWallClock() {
        ZonedDateTime rome = Instant.parse("2020-06-01T00:30:00Z").atZone(ZoneId.of("Europe/Rome"));
        List<Object> r = row("set time_zone=\"Europe/Rome\"; row d = to_datetime(\"2020-06-01T00:30:00Z\") "
                + "| eval f = date_format(d), h = date_extract(\"hour_of_day\", d), t = date_trunc(1 day, d) | drop d");
        assertEquals(rome.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT)), r.get(0));
        assertEquals((long) rome.getHour(), r.get(1));
        assertEquals(rome.toLocalDate().atStartOfDay(rome.getZone()).toInstant(), r.get(2));
        assertTrue(unsupported("set unmapped_fields=\"load\"; row a = 1").startsWith("unsupported: SET unmapped_fields"));
        assertTrue(unsupported("set max_rows=\"5\"; row a = 1").startsWith("unsupported: SET max_rows"));
        assertTrue(unsupported("set time_zone=\"+03:00\"; row d = now() | eval x = d + 1 month").contains("calendar span"));
    }

    @Test
    void mvZipPairsValuesByPositionAndMvContainsTestsEveryValue() {
        List<Object> r = row("row a = [\"x\", \"y\", \"z\"], b = [\"1\", \"2\"] | eval c = mv_zip(a, b, \"-\"), "
                + "sub = mv_contains(a, [\"z\", \"x\"]), notSub = mv_contains(b, a), nul = mv_contains(a, null) | drop a, b");
        assertEquals(List.of(List.of("x-1", "y-2", "z"), true, false, true), r);
    }

    @Test
    void nullifiedUnmappedFieldsReadAsNull() {
        assertEquals(java.util.Arrays.asList(null, null), row("set unmapped_fields=\"nullify\"; row x = 1 | stats s = sum(foo) | eval r = s + 1"));
        EsqlException e = assertThrows(EsqlException.class, () -> translator.translate(EsqlParser.parse("row x = 1 | eval y = foo")));
        assertEquals("1:22: Unknown column [foo]", e.getMessage());
    }

    @Test
    void patternsMayComeFromColumnsSetToAConstant() {
        assertEquals(List.of("2024/03"), row("row p = \"yyyy\", d = to_datetime(\"2024-03-01T00:00:00Z\") "
                + "| eval f = date_format(concat(p, \"/MM\"), d) | keep f"));
        assertTrue(unsupported("row p = \"yyyy\", d = now() | eval p = to_upper(p) | eval f = date_format(p, d)")
                .startsWith("unsupported: non-constant argument 1 of DATE_FORMAT"));
    }

    @Test
    void multiValueInsideInGivesNull() {
        assertEquals(java.util.Arrays.asList(1, null), row("row a = 1 | eval x = a in (1, [1, 2])"));
    }

    @Test
    void functionOptionsOnlyWhereSupported() {
        assertEquals(Instant.parse("2023-02-01T11:15:55Z"),
                row("row a = \"2023-02-01T12:15:55\" | eval b = date_parse(a, {\"time_zone\": \"Europe/Paris\"}) | keep b").get(0));
        assertTrue(unsupported("row a = \"x\" | eval b = to_upper(a, {\"locale\": \"fr\"})").startsWith("unsupported: options of TO_UPPER"));
        assertTrue(unsupported("row a = from_base64(\"8A==\")").contains("not UTF-8"));
    }
}
