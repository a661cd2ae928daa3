package dev.trailhunt.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.engine.Store;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Source;
import dev.trailhunt.esql.ast.Where;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.kql.Kql;
import dev.trailhunt.kql.KqlException;
import dev.trailhunt.kql.KqlFilter;
import dev.trailhunt.model.ResultTable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs KQL through the lowering, the real translator and DuckDB over three events made for the test; each
 * expectation is worked out by hand from how Elasticsearch matches the field's mapping type.
 */
class KqlMatchingTest {
    private static Store store;
    private final EsqlTranslator translator = new EsqlTranslator(EventsFixture.sources(),
            TranslateOptions.defaults(FunctionCases.NOW));

    @BeforeAll
    static void open() throws Exception {
        store = Store.openInMemory();
        EventsFixture.create(store);
        List<String> columns = List.of("event.id", "event.action", "user.name", "user_agent.original", "related.user",
                "source.ip", "aws.cloudtrail.read_only", "source.as.number", "@timestamp", "error.message",
                "aws.cloudtrail.request_parameters", "data_stream.dataset", "related.ip");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("e1", "DeleteTrail", "Admin", "aws-cli/2.0 Terraform/1.5", List.of("alice", "bob"),
                "10.1.2.3", false, 16509L, LocalDateTime.parse("2024-01-01T00:00:00"), List.of("Access Denied for user"),
                "{name=a*b}", "aws.cloudtrail", List.of("10.1.2.3", "2001:db8::1")));
        rows.add(Arrays.asList("e2", "deletetrail", "admin", "S3 Browser 9.1", List.of("carol"),
                "192.168.0.1", true, 100L, LocalDateTime.parse("2024-01-02T00:00:00"), null,
                "x:y", "aws.cloudtrail", List.of("192.168.0.1")));
        rows.add(Arrays.asList("e3", "DeleteTrail*", "a:b", null, null,
                null, null, null, LocalDateTime.parse("2024-01-03T00:00:00"), null,
                "x".repeat(9000), "aws.cloudtrail", null));
        EventsFixture.insert(store, columns, rows);
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    private List<String> ids(String kql) {
        Query base = EsqlParser.parse("FROM logs-aws.cloudtrail-* | SORT event.id | KEEP event.id");
        List<Command> commands = new ArrayList<>(base.commands());
        commands.add(1, new Where(Kql.toFilter(kql), Source.EMPTY));
        Translation t = translator.translate(new Query(commands, base.source()));
        ResultTable r = store.query(t.sql(), t.columns());
        return r.rows().stream().map(row -> (String) row.get(0)).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // keyword: exact and case-sensitive, quoted or not
        "event.action: DeleteTrail | e1",
        "event.action: \"DeleteTrail\" | e1",
        "event.action: deletetrail | e2",
        "event.action: DELETETRAIL | ''",
        // wildcards: trailing, leading, middle; anchored at both ends and case-sensitive
        "event.action: Delete* | e1 e3",
        "event.action: *Trail | e1",
        "event.action: D*T*l | e1",
        "event.action: *trail* | e2",
        // an escaped or quoted star is a literal star
        "event.action: DeleteTrail\\* | e3",
        "event.action: \"DeleteTrail*\" | e3",
        "event.action: \"Delete*\" | ''",
        // escapes of special characters
        "user.name: a\\:b | e3",
        "aws.cloudtrail.request_parameters: \\{name=a\\*b\\} | e1",
        // multi-valued keyword: any value matches
        "related.user: bob | e1",
        "related.user: (carol or bob) | e1 e2",
        "related.user: b* | e1",
        // a missing field never matches, so not keeps it
        "not related.user: bob | e2 e3",
        "not source.ip: 10.0.0.0/8 | e2 e3",
        "not aws.cloudtrail.read_only: true | e1 e3",
        "not source.as.number > 100 | e2 e3",
        // exists
        "source.ip: * | e1 e2",
        "not source.ip: * | e3",
        "related.user: * | e1 e2",
        // ip: CIDR block or address
        "source.ip: 10.0.0.0/8 | e1",
        "source.ip: \"192.168.0.1\" | e2",
        "source.ip: (10.0.0.0/8 or 192.168.0.0/16) | e1 e2",
        // IPv6 blocks and addresses; ::/0 holds IPv4 too, mapped into IPv6 as Elasticsearch stores it
        "related.ip: \"2001:db8::/32\" | e1",
        "related.ip: \"2001:db8:0::1\" | e1",
        "related.ip: \"::/0\" | e1 e2",
        "related.ip: 192.168.0.0/16 | e2",
        // ip ranges order addresses by their 16-byte form
        "source.ip >= 11.0.0.0 | e2",
        "source.ip < 11.0.0.0 | e1",
        "not source.ip < 11.0.0.0 | e2 e3",
        "related.ip > \"2000::\" | e1",
        // boolean, number, date
        "aws.cloudtrail.read_only: true | e2",
        "aws.cloudtrail.read_only: false | e1",
        "source.as.number: 16509 | e1",
        "source.as.number >= 100 | e1 e2",
        "source.as.number < 16509 | e2",
        "source.as.number <= 16509 | e1 e2",
        "@timestamp >= \"2024-01-02\" | e2 e3",
        "@timestamp < \"2024-01-02T00:00:00Z\" | e1",
        // a date names its whole span: a day, a month, a year; an offset moves it
        "@timestamp: \"2024-01-02\" | e2",
        "@timestamp: 2024-01 | e1 e2 e3",
        "@timestamp <= \"2024-01-02\" | e1 e2",
        "@timestamp > \"2024-01-02\" | e3",
        "@timestamp < \"2024-01-02\" | e1",
        "@timestamp: \"2024-01-02T01:00:00+01:00\" | e2",
        "@timestamp: 1704153600000 | e2",
        // keyword range: lexicographic
        "user.name > a | e2 e3",
        "related.user >= bob | e1 e2",
        "not related.user < b | e2 e3",
        // text (match_only_text): analysed, lower-cased tokens; a phrase needs consecutive tokens
        "error.message: denied | e1",
        "error.message: DENIED | e1",
        "error.message: \"access denied\" | e1",
        "error.message: \"denied access\" | ''",
        "error.message: denied access | e1",
        "error.message: deny | ''",
        "not error.message: denied | e2 e3",
        // a wildcard on text matches a token, lower-cased (query_string with analyze_wildcard)
        "error.message: DEN* | e1",
        "error.message: *NIED | e1",
        "error.message: acc | ''",
        // a .text multi-field searches its keyword parent analysed
        "user_agent.original.text: terraform | e1",
        "user_agent.original: terraform | ''",
        "user.name.text: ADMIN | e1 e2",
        // keyword values over ignore_above (8191 for request_parameters) are not indexed
        "aws.cloudtrail.request_parameters: * | e1 e2",
        "not aws.cloudtrail.request_parameters: * | e3",
        "aws.cloudtrail.request_parameters: x* | e2",
        // value lists with and / not
        "user.name: (* and not admin) | e1 e3",
        "user.name: (not admin and not Admin) | e3",
        "user_agent.original: (*S3 Browser* or *Terraform*) | e1 e2",
        // precedence: not over and over or; keywords are case-insensitive
        "event.action: DeleteTrail or event.action: deletetrail and user.name: nobody | e1",
        "(event.action: DeleteTrail or event.action: deletetrail) and user.name: admin | e2",
        "event.action: DeleteTrail OR event.action: deletetrail | e1 e2",
        "not event.action: DeleteTrail and not event.action: deletetrail | e3",
        "not (event.action: DeleteTrail or user.name: admin) | e3",
        // wildcard field names search every matching field
        "event.act*: deletetrail | e2",
        // a field the store lacks matches nothing
        "no.such.field: x | ''",
        "not no.such.field: x | e1 e2 e3",
        // constant keyword
        "data_stream.dataset: aws.cloudtrail | e1 e2 e3",
        // free text searches every keyword and text field: exact on keywords, analysed on text
        "DeleteTrail | e1",
        "admin | e2",
        "\"a:b\" | e3",
        "denied | e1",
        "Delete* | e1 e3",
        "10.1.2.3 | ''",
        "not bob | e2 e3",
        // a wildcard field name skips the fields that cannot take the value (lenient)
        "aws.cloudtrail.*: false | e1",
        "source.*: 100 | e2",
        // empty query matches all
        "'   ' | e1 e2 e3",
    })
    void matchesAsElasticsearch(String kql, String expected) {
        List<String> want = expected.isBlank() ? List.of() : List.of(expected.trim().split(" "));
        assertEquals(want, ids(kql), kql);
    }

    @Test
    void reportsFieldsTheStoreLacks() {
        KqlFilter f = Kql.lower("event.action: x and not aws.cloudtrail.flattened.request_parameters.enable: (false or \"false\")"
                + " and nope:*");
        // aws.cloudtrail.flattened.* leaves are derived from event.original by the translator (branch rules), so only nope is unknown.
        assertEquals(Set.of("nope"), f.unknownFields());
    }

    @Test
    void nestedQueriesNeedANestedField() {
        KqlException e = assertThrows(KqlException.class, () -> Kql.toFilter("event.action: x and user:{ name: admin }"));
        assertEquals("1:21: [nested] nested object under path [user] is not of nested type", e.getMessage());
        assertEquals(List.of(), ids("missing:{ name: admin }"));
        assertEquals(Set.of("missing"), Kql.lower("missing:{ name: admin }").unknownFields());
    }

    @Test
    void typeErrorsArePositioned() {
        KqlException e = assertThrows(KqlException.class, () -> Kql.toFilter("source.as.number: abc"));
        assertEquals("1:19: For input string: \"abc\" on numeric field [source.as.number]", e.getMessage());
        e = assertThrows(KqlException.class, () -> Kql.toFilter("a:b and\n  aws.cloudtrail.read_only: yes"));
        assertEquals(2, e.line());
        assertEquals(29, e.column());
        e = assertThrows(KqlException.class, () -> Kql.toFilter("@timestamp > now-1d"));
        assertEquals("1:14: unsupported: date math in [now-1d]", e.getMessage());
        e = assertThrows(KqlException.class, () -> Kql.toFilter("@timestamp: yesterday"));
        assertTrue(e.getMessage().startsWith("1:13: failed to parse date field [yesterday]"), e.getMessage());
        e = assertThrows(KqlException.class, () -> Kql.toFilter("source.as.num*: abc"));
        assertEquals("1:17: For input string: \"abc\" on numeric field [source.as.number]", e.getMessage());
        e = assertThrows(KqlException.class, () -> Kql.toFilter("source.ip: 10.0.0.300"));
        assertEquals("1:12: '10.0.0.300' is not an IP string literal or CIDR block of ip field [source.ip]", e.getMessage());
        e = assertThrows(KqlException.class, () -> Kql.toFilter("error.message: *denied for*"));
        assertEquals("1:16: unsupported: a wildcard spanning several tokens on text field [error.message]", e.getMessage());
        e = assertThrows(KqlException.class, () -> Kql.toFilter("aws.cloudtrail.read_only: tr*"));
        assertEquals("1:27: unsupported: wildcard value on boolean field [aws.cloudtrail.read_only]", e.getMessage());
        e = assertThrows(KqlException.class, () -> Kql.toFilter("source.ip: 10.0.0.0/33"));
        assertTrue(e.getMessage().startsWith("1:12: "), e.getMessage());
    }

    @Test
    void aTermLongerThanIgnoreAboveMatchesNothing() {
        String longValue = "x".repeat(9000);
        assertEquals(List.of(), ids("aws.cloudtrail.request_parameters: " + longValue));
        assertEquals(List.of("e1", "e2", "e3"), ids("not aws.cloudtrail.request_parameters: " + longValue));
        assertEquals(List.of("e1"), ids("aws.cloudtrail.request_parameters: \"{name=a*b}\""));
    }

    @Test
    void theLargestQueriesTheParserAcceptsRunOnDuckDb() {
        String deep = "(".repeat(49) + "not event.action: x" + ")".repeat(49);
        assertEquals(List.of("e1", "e2", "e3"), ids(deep));
        String wide = "event.action: (" + "x or ".repeat(9_998) + "DeleteTrail)";
        assertEquals(List.of("e1"), ids(wide));
    }

    @Test
    void explainShowsOneQuotedIdentifierPerDottedField() {
        Query base = EsqlParser.parse("FROM logs-aws.cloudtrail-* | KEEP event.id");
        List<Command> commands = new ArrayList<>(base.commands());
        commands.add(1, new Where(Kql.toFilter("event.action: \"x'; DROP TABLE events; --\""), Source.EMPTY));
        String sql = translator.translate(new Query(commands, base.source())).sql();
        assertTrue(sql.contains("\"event.action\""), sql);
        assertTrue(sql.contains("'x''; DROP TABLE events; --'"), sql);
    }
}
