package dev.trailhunt.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.engine.Store;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.model.ResultTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of {@link FunctionCases} through the real parser and translator on an in-memory
 * DuckDB, and fails when a registered function name has no case.
 */
class FunctionTableTest {
    private static Store store;
    private final EsqlTranslator translator = new EsqlTranslator(EventsFixture.sources(), TranslateOptions.defaults(FunctionCases.NOW));

    @BeforeAll
    static void open() throws Exception {
        store = Store.openInMemory();
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    static Stream<FunctionCases.Case> cases() {
        return FunctionCases.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAsElasticsearchDocuments(FunctionCases.Case c) {
        Translation t = translator.translate(EsqlParser.parse(c.query()));
        ResultTable result = store.query(t.sql(), t.columns());
        assertEquals(1, result.size(), c.query());
        assertEquals(List.of("r"), result.columns().stream().map(col -> col.name()).toList(), c.query());
        assertEquals(c.type(), result.columns().get(0).type(), c.query());
        assertEquals(c.expected(), result.rows().get(0).get(0), c.query());
    }

    @Test
    void everyRegisteredNameHasACase() {
        Set<String> covered = new TreeSet<>();
        FunctionCases.ALL.forEach(c -> covered.add(c.function()));
        List<String> missing = new ArrayList<>();
        for (String name : FunctionRegistry.standard().names()) {
            // Internal search functions ($term, …) cannot be written in ES|QL; KqlMatchingTest covers them.
            if (!covered.contains(name) && !name.startsWith("$")) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "registered functions without a case in FunctionCases");
        Set<String> unknown = new TreeSet<>(covered);
        unknown.removeAll(FunctionRegistry.standard().names());
        assertEquals(Set.of(), unknown, "cases for names the registry does not hold");
    }

    @Test
    void casesCallTheFunctionTheyCover() {
        for (FunctionCases.Case c : FunctionCases.ALL) {
            assertTrue(c.query().contains(c.function() + "("), c + " does not call " + c.function());
        }
    }

    @Test
    void fixedResultTypesMatchWhatTheCasesAnswer() {
        for (FunctionCases.Case c : FunctionCases.ALL) {
            FunctionDef def = FunctionRegistry.standard().lookup(c.function()).orElseThrow();
            if (def.returns().rule() == ResultType.Rule.FIXED) {
                assertEquals(def.returns().fixed(), c.type(), c + ": declared result type of " + def.name());
            }
        }
    }
}
