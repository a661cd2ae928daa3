package dev.trailhunt.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.ValueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultMatcherTest {
    private static ResultTable table(List<ResultColumn> columns, List<?>... rows) {
        List<List<Object>> copy = new ArrayList<>();
        for (List<?> row : rows) {
            copy.add(new ArrayList<>(row));
        }
        return new ResultTable(columns, copy);
    }

    private static Optional<String> diff(List<String> expected, ResultTable actual, boolean ignoreOrder) {
        return ResultMatcher.firstDifference(ExpectedTable.parse(expected), actual, ignoreOrder);
    }

    private static final List<ResultColumn> COLS = List.of(
            new ResultColumn("k", ValueType.KEYWORD), new ResultColumn("n", ValueType.INTEGER), new ResultColumn("d", ValueType.DATETIME));

    @Test
    void equalResultsMatch() {
        ResultTable actual = table(COLS,
                Arrays.asList("a", 1, Instant.parse("1986-06-26T00:00:00Z")),
                Arrays.asList(List.of("x", "y"), null, Instant.parse("1986-06-26T00:00:00.123456Z")));
        assertEquals(Optional.empty(), diff(List.of("k:keyword | n:integer | d:date",
                "a | 1 | 1986-06-26T00:00:00Z",
                "[x, y] | null | 1986-06-26T00:00:00.123Z"), actual, false));
    }

    @Test
    void columnNamesAndTypesAreStrictButIntegerSatisfiesLong() {
        ResultTable actual = table(COLS, Arrays.asList("a", 1, null));
        assertEquals(Optional.empty(), diff(List.of("k:keyword | n:long | d:datetime", "a | 1 | null"), actual, false));
        assertTrue(diff(List.of("k:text | n:integer | d:datetime", "a | 1 | null"), actual, false).orElseThrow()
                .startsWith("type of column [k]: expected text but was keyword"));
        assertTrue(diff(List.of("k:keyword | m:integer | d:datetime", "a | 1 | null"), actual, false).orElseThrow()
                .startsWith("columns: expected [k:keyword, m:integer, d:datetime]"));
        assertTrue(diff(List.of("k:keyword | n:integer", "a | 1"), actual, false).isPresent());
    }

    @Test
    void rowOrderMattersUnlessIgnored() {
        ResultTable actual = table(COLS, Arrays.asList("b", 2, null), Arrays.asList("a", 1, null));
        List<String> expected = List.of("k:keyword | n:integer | d:datetime", "a | 1 | null", "b | 2 | null");
        assertEquals("row 1 column [k]: expected \"a\" but was \"b\"", diff(expected, actual, false).orElseThrow());
        assertEquals(Optional.empty(), diff(expected, actual, true));
    }

    @Test
    void ignoreOrderSortsNullsLastAndByFirstMultiValue() {
        ResultTable actual = table(COLS,
                Arrays.asList(null, 1, null),
                Arrays.asList(List.of("b", "a"), 2, null),
                Arrays.asList("a", 3, null));
        List<String> expected = List.of("k:keyword | n:integer | d:datetime", "a | 3 | null", "[b, a] | 2 | null", "null | 1 | null");
        assertEquals(Optional.empty(), diff(expected, actual, true));
    }

    @Test
    void multiValueOrderMatters() {
        ResultTable actual = table(COLS, Arrays.asList(List.of("b", "a"), 1, null));
        assertEquals("row 1 column [k]: expected [\"a\", \"b\"] but was [\"b\", \"a\"]",
                diff(List.of("k:keyword | n:integer | d:datetime", "[a, b] | 1 | null"), actual, false).orElseThrow());
    }

    @Test
    void rowCountMustMatch() {
        ResultTable actual = table(COLS, Arrays.asList("a", 1, null));
        assertEquals("expected 2 rows but was 1; first extra row: \"b\" | 2 | null",
                diff(List.of("k:keyword | n:integer | d:datetime", "a | 1 | null", "b | 2 | null"), actual, false).orElseThrow());
        assertEquals("expected 0 rows but was 1; first extra row: \"a\" | 1 | null",
                diff(List.of("k:keyword | n:integer | d:datetime"), actual, false).orElseThrow());
    }

    @Test
    void doublesCompareExactlyAndNotWithIntegers() {
        List<ResultColumn> cols = List.of(new ResultColumn("x", ValueType.DOUBLE));
        assertEquals(Optional.empty(), diff(List.of("x:double", "2.0299999713897705"), table(cols, Arrays.asList(2.0299999713897705d)), false));
        assertTrue(diff(List.of("x:double", "2.03"), table(cols, Arrays.asList(2.0299999713897705d)), false).isPresent());
        assertTrue(diff(List.of("x:double", "2"), table(cols, Arrays.asList(2L)), false).isPresent());
    }

    @Test
    void emptyCellIsTheEmptyStringNotNull() {
        // A lone empty line is skipped like any blank line, so a one-column table writes "" instead.
        List<ResultColumn> cols = List.of(new ResultColumn("s", ValueType.KEYWORD), new ResultColumn("t", ValueType.KEYWORD));
        assertEquals(Optional.empty(), diff(List.of("s:keyword | t:keyword", " | \"\""), table(cols, Arrays.asList("", "")), false));
        assertTrue(diff(List.of("s:keyword | t:keyword", " | x"), table(cols, Arrays.asList(null, "x")), false).isPresent());
    }
}
