package dev.trailhunt.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipeTableTokenizerTest {
    private static List<String> cells(String line) {
        List<List<String>> rows = PipeTableTokenizer.rows(List.of(line));
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    @Test
    void splitsOnPipesAndKeepsSpaces() {
        assertEquals(List.of("a ", " b c ", " d"), cells("a | b c | d"));
    }

    @Test
    void emptyCellIsNull() {
        assertEquals(Arrays.asList("a", null, "b", null), cells("a||b|"));
    }

    @Test
    void quotesAreDroppedWhereverTheyAppear() {
        assertEquals(List.of("[foo, bar]"), cells("[\"foo\", \"bar\"]"));
        assertEquals(List.of("foo, zoo, bar"), cells("\"foo, zoo, bar\""));
        assertEquals(List.of("ab c"), cells("a\"b\" c"));
    }

    @Test
    void quotedSectionsHideDelimitersAndDoubleQuotesAreLiteral() {
        assertEquals(List.of("a|b", " say \"hi\""), cells("\"a|b\"| \"say \"\"hi\"\"\""));
    }

    @Test
    void emptyQuotesGiveNoCharacters() {
        assertEquals(Arrays.asList(null, " x"), cells("\"\"| x"));
    }

    @Test
    void quotedLineBreakContinuesTheCell() {
        List<List<String>> rows = PipeTableTokenizer.rows(List.of("\"one", "two\" | 3", "4 | 5"));
        assertEquals(List.of(List.of("one\ntwo ", " 3"), List.of("4 ", " 5")), rows);
    }

    @Test
    void unclosedQuoteAtTheEndIsAnError() {
        assertThrows(SpecFormatException.class, () -> PipeTableTokenizer.rows(List.of("\"open | 1")));
    }

    @Test
    void singleQuotesAreOrdinary() {
        assertEquals(List.of("'Georgi  ' ", " 1"), cells("'Georgi  ' | 1"));
    }
}
