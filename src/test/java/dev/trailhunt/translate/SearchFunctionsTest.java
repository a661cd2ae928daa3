package dev.trailhunt.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trailhunt.engine.Store;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.esql.ast.LiteralType;
import dev.trailhunt.esql.ast.Not;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Source;
import dev.trailhunt.esql.ast.Where;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.esql.parser.EsqlSyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls the internal search functions directly, with the options KQL does not use but EQL's {@code :}, {@code like~}
 * and {@code in~} need (case-insensitive terms and wildcards, {@code ?}), over rows made for the test.
 */
class SearchFunctionsTest {
    private static Store store;
    private final EsqlTranslator translator = new EsqlTranslator(EventsFixture.sources(), TranslateOptions.defaults(FunctionCases.NOW));

    @BeforeAll
    static void open() throws Exception {
        store = Store.openInMemory();
        EventsFixture.create(store);
        EventsFixture.insert(store, List.of("event.id", "event.action", "related.user"), List.of(
                Arrays.asList("a", "GetObject", List.of("Alice", "bob")),
                Arrays.asList("b", "getobject", List.of("ALICE")),
                Arrays.asList("c", null, null)));
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    private List<String> ids(Expr filter) {
        Query base = EsqlParser.parse("FROM logs-aws.cloudtrail-* | SORT event.id | KEEP event.id");
        List<Command> commands = new ArrayList<>(base.commands());
        commands.add(1, new Where(filter, Source.EMPTY));
        Translation t = translator.translate(new Query(commands, base.source()));
        return store.query(t.sql(), t.columns()).rows().stream().map(r -> (String) r.get(0)).toList();
    }

    private static Expr call(String name, Expr... args) {
        return new FunctionCall(name, List.of(args), false, Source.EMPTY);
    }

    private static Expr field(String name) {
        return new FieldRef(name, Source.EMPTY);
    }

    private static Expr text(String s) {
        return new Literal(s, LiteralType.KEYWORD, Source.EMPTY);
    }

    private static Expr flag(boolean b) {
        return new Literal(b, LiteralType.BOOLEAN, Source.EMPTY);
    }

    @Test
    void termsAreCaseSensitiveUnlessAsked() {
        assertEquals(List.of("a"), ids(call("$term", field("event.action"), text("GetObject"))));
        assertEquals(List.of("a", "b"), ids(call("$term", field("event.action"), text("GETOBJECT"), flag(true))));
        assertEquals(List.of("b"), ids(call("$term", field("related.user"), text("ALICE"))));
        assertEquals(List.of("a", "b"), ids(call("$term", field("related.user"), text("alice"), flag(true))));
        assertEquals(List.of("c"), ids(new Not(call("$term", field("related.user"), text("alice"), flag(true)), Source.EMPTY)));
    }

    @Test
    void wildcardsTakeStarQuestionMarkAndEscapes() {
        assertEquals(List.of("a"), ids(call("$wildcard", field("event.action"), text("Get?bject"))));
        assertEquals(List.of("a", "b"), ids(call("$wildcard", field("event.action"), text("get*"), flag(true))));
        assertEquals(List.of(), ids(call("$wildcard", field("event.action"), text("Get\\?bject"))));
        assertEquals(List.of("a", "b"), ids(call("$wildcard", field("related.user"), text("*LIC*"), flag(true))));
        assertEquals(List.of("c"), ids(new Not(call("$wildcard", field("event.action"), text("*")), Source.EMPTY)));
    }

    @Test
    void matchAndExistsAndIndexed() {
        assertEquals(List.of("a", "b"), ids(call("$match", field("related.user"), text("nobody ALICE"), flag(false))));
        assertEquals(List.of(), ids(call("$match", field("related.user"), text("alice bob"), flag(true))));
        assertEquals(List.of("a", "b"), ids(call("$exists", field("related.user"))));
        Expr shortOnly = call("$indexed", field("related.user"), new Literal(3, LiteralType.INTEGER, Source.EMPTY));
        assertEquals(List.of("a"), ids(call("$exists", shortOnly)));
        assertEquals(List.of(), ids(call("$term", shortOnly, text("Alice"))));
    }

    @Test
    void rangesMatchAnyValue() {
        assertEquals(List.of("a", "b"), ids(call("$range", field("related.user"), text("<"), text("B"))));
        assertEquals(List.of("a"), ids(call("$range", field("related.user"), text(">="), text("b"))));
        assertEquals(List.of("b", "c"), ids(new Not(call("$range", field("related.user"), text(">="), text("b")), Source.EMPTY)));
    }

    @Test
    void esqlTextCannotCallThem() {
        assertThrows(EsqlSyntaxException.class, () -> EsqlParser.parse("FROM logs-aws.cloudtrail-* | WHERE $term(event.action, \"x\")"));
    }
}
