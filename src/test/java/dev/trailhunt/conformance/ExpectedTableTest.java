package dev.trailhunt.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedTableTest {
    @Test
    void headerKeepsDoubleColonNamesAndResolvesAliases() {
        ExpectedTable t = ExpectedTable.parse(List.of("x::long:long | COUNT(*):l | MIN(salary  * 10):i | d:date | s:string | t:txt"));
        assertEquals(List.of("x::long", "COUNT(*)", "MIN(salary  * 10)", "d", "s", "t"), t.names());
        assertEquals(List.of(SpecType.LONG, SpecType.LONG, SpecType.INTEGER, SpecType.DATETIME, SpecType.KEYWORD, SpecType.TEXT),
                t.types());
        assertEquals(List.of(), t.rows());
    }

    @Test
    void thereIsNoIntAlias() {
        assertThrows(SpecFormatException.class, () -> ExpectedTable.parse(List.of("a:int")));
    }

    @Test
    void headerCellNeedsExactlyOneSeparator() {
        assertThrows(SpecFormatException.class, () -> ExpectedTable.parse(List.of("a:b:keyword")));
        assertThrows(SpecFormatException.class, () -> ExpectedTable.parse(List.of("a")));
    }

    @Test
    void cellsFollowTheCsvSpecRules() {
        ExpectedTable t = ExpectedTable.parse(List.of(
                "k:keyword | i:integer | mv:keyword",
                "null      | NULL      | [a, b\\, c , d]",
                "          | 7         | [x]",
                "a\\,b     | -3        | [\"\"]",
                "\"p | q\" | 0         | [\"foo\", \"bar\"]"));
        assertEquals(Arrays.asList(null, null, List.of("a", "b, c", "d")), t.rows().get(0));
        assertEquals(List.of("", 7L, "x"), t.rows().get(1));
        assertEquals(List.of("a\\,b", -3L, ""), t.rows().get(2));
        assertEquals(List.of("p | q", 0L, List.of("foo", "bar")), t.rows().get(3));
    }

    @Test
    void datetimesAreParsedToMillisecondsWhateverTheirSpelling() {
        ExpectedTable t = ExpectedTable.parse(List.of("d:datetime", "1953-09-02T00:00:00Z", "1953-09-02T00:00:00.000Z", "2023-10-23T13:55:01.543Z"));
        Instant expected = Instant.parse("1953-09-02T00:00:00Z");
        assertEquals(expected, t.rows().get(0).get(0));
        assertEquals(expected, t.rows().get(1).get(0));
        assertEquals("2023-10-23T13:55:01.543Z", SpecTimes.printMillis((Instant) t.rows().get(2).get(0)));
    }

    @Test
    void typedCellsConvertByType() {
        ExpectedTable t = ExpectedTable.parse(List.of(
                "b:boolean | d:double | ip:ip | n:null",
                "true      | 1.5      | 0:0:0:0:0:0:0:1 | null",
                "false     | -0.0     | ::ffff:10.0.0.1 | whatever"));
        assertEquals(List.of(true, 1.5d, "::1"), t.rows().get(0).subList(0, 3));
        assertNull(t.rows().get(0).get(3));
        assertEquals(List.of(false, -0.0d, "10.0.0.1"), t.rows().get(1).subList(0, 3));
        assertNull(t.rows().get(1).get(3));
    }

    @Test
    void booleansAreStrict() {
        assertThrows(SpecFormatException.class, () -> ExpectedTable.parse(List.of("b:boolean", "TRUE")));
    }
}
