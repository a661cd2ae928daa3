package dev.trailhunt.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.esql.ast.Row;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.esql.parser.EsqlText;
import dev.trailhunt.model.TimeBound;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proves that generated ES|QL reads back exactly the values put in it, and how --from/--to resolve. */
class EsqlTextTest {
    @Test
    void everyStringReadsBackAsItself() {
        for (String v : List.of("plain", "a\"b", "back\\slash", "x\" OR true OR \"", "line\nbreak\r\ttab", "\"\"\"", "|", "// not a comment", "ünïcødé ✗", "\u0001")) {
            Row row = (Row) EsqlParser.parse("row a = " + EsqlText.string(v)).commands().get(0);
            assertEquals(v, ((Literal) row.fields().get(0).expr()).value(), v);
        }
    }

    @Test
    void boundsResolveAgainstNowAndGivenNowHidesLaterEvents() {
        ResolvedNow now = new ResolvedNow(Instant.parse("2023-07-10T12:00:00Z"), "given");
        NowSpec given = NowSpec.parse("2023-07-10T12:00:00Z");
        TimeBound b = new BoundSpec("-36h", "2023-07-10").resolve(given, now);
        assertEquals(Instant.parse("2023-07-09T00:00:00Z"), b.from());
        assertEquals(Instant.parse("2023-07-10T12:00:00Z"), b.until());
        assertEquals(true, b.untilInclusive());
        assertEquals("2023-07-09T00:00:00Z ≤ @timestamp ≤ 2023-07-10T12:00:00Z", b.text());
        TimeBound latest = new BoundSpec(null, "2023-07-10T11:00:00+02:00").resolve(NowSpec.latest(), now);
        assertEquals("@timestamp < 2023-07-10T09:00:00Z", latest.text());
        assertEquals(TimeBound.NONE, BoundSpec.NONE.resolve(NowSpec.latest(), now));
        assertThrows(IllegalArgumentException.class, () -> new BoundSpec("last week", null));
        assertThrows(HuntException.class, () -> new BoundSpec("2023-07-11", null).resolve(given, now));
    }
}
