package dev.trailhunt.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.ValueType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowOrderTest {
    private static final List<ResultColumn> COLS = List.of(new ResultColumn("n", ValueType.LONG), new ResultColumn("who", ValueType.KEYWORD));

    private static List<Object> row(Object... v) {
        return Arrays.asList(v);
    }

    @Test
    void tiesOfTheSortKeyAreBrokenByAllColumns() {
        ResultTable t = new ResultTable(COLS, List.of(row(2L, "zed"), row(1L, "bob"), row(2L, "amy"), row(1L, null)));
        ResultTable sorted = RowOrder.total(t, QueryShape.of("from x | stats n = count(*) by who | sort n desc"));
        assertEquals(List.of(row(2L, "amy"), row(2L, "zed"), row(1L, "bob"), row(1L, null)), sorted.rows());
    }

    @Test
    void unsortedQueriesAreOrderedByEveryColumnWithNullsLast() {
        ResultTable t = new ResultTable(COLS, List.of(row(null, "b"), row(10L, "a"), row(9L, "c")));
        assertEquals(List.of(row(9L, "c"), row(10L, "a"), row(null, "b")),
                RowOrder.total(t, QueryShape.of("from x | stats n = count(*) by who")).rows());
    }

    @Test
    void descendingPutsNullsFirstAsEsql() {
        ResultTable t = new ResultTable(COLS, List.of(row(1L, "a"), row(null, "b")));
        assertEquals(List.of(row(null, "b"), row(1L, "a")), RowOrder.total(t, QueryShape.of("from x | sort n desc")).rows());
    }

    @Test
    void sortByAnExpressionKeepsTheEngineOrder() {
        ResultTable t = new ResultTable(COLS, List.of(row(2L, "b"), row(1L, "a")));
        assertSame(t, RowOrder.total(t, QueryShape.of("from x | sort length(who)")));
    }

    @Test
    void addressesSortByValueNotText() {
        List<ResultColumn> cols = List.of(new ResultColumn("source.ip", ValueType.IP));
        ResultTable t = new ResultTable(cols, List.of(row("10.0.0.9"), row("::1"), row("9.1.1.1"), row("10.0.0.10")));
        // IPv4 maps into ::ffff:0:0/96, above ::1, as Elasticsearch's ip doc values order them.
        assertEquals(List.of(row("::1"), row("9.1.1.1"), row("10.0.0.9"), row("10.0.0.10")),
                RowOrder.total(t, QueryShape.of("from x | keep source.ip")).rows());
    }

    @Test
    void textComparesByCodePointLikeUtf8Bytes() {
        // U+FF21 (fullwidth A) sorts before U+1F600 in UTF-8 byte order, although UTF-16 puts the surrogate first.
        assertEquals(-1, Integer.signum(RowOrder.compareValues("\uFF21", "\uD83D\uDE00")));
    }
}
