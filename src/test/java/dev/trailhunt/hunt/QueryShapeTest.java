package dev.trailhunt.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryShapeTest {
    @Test
    void seedHuntHasAWeekWindowAndSortKeys() {
        QueryShape s = QueryShape.of(HuntLibrary.load().resolve("secretsmanager_high_frequency_get_secret_value").get(0).queries().get(0).text());
        assertEquals(List.of("@timestamp > now - 7 days"), s.windows());
        assertTrue(s.sorted());
        assertEquals(new QueryShape.SortKey("request_counts", false, false), s.sortKeys().get(0));
        assertEquals(2, s.sortKeys().size());
    }

    @Test
    void windowsFromEveryWhereAndUnitsNormalised() {
        QueryShape s = QueryShape.of("FROM logs-* | WHERE @timestamp >= NOW() - 1 hour | where `@timestamp` < now() - 30 min");
        assertEquals(List.of("@timestamp >= now - 1 hour", "@timestamp < now - 30 minutes"), s.windows());
        assertFalse(s.sorted());
    }

    @Test
    void commentsAndStringsAreNotRead() {
        QueryShape s = QueryShape.of("""
                from logs-* // | where @timestamp > now() - 1 day
                /* | sort x */
                | where message == "| where @timestamp > now() - 2 days | sort y"
                """);
        assertEquals(List.of(), s.windows());
        assertFalse(s.sorted());
    }

    @Test
    void sortBeforeStatsDoesNotOrderTheOutput() {
        QueryShape s = QueryShape.of("from x | sort a desc | stats c = count(*) by b");
        assertFalse(s.sorted());
        QueryShape t = QueryShape.of("from x | stats c = count(*) by b | sort c desc nulls last, b | limit 5");
        assertEquals(List.of(new QueryShape.SortKey("c", true, false), new QueryShape.SortKey("b", false, false)), t.sortKeys());
        QueryShape u = QueryShape.of("from x | sort length(b) desc");
        assertTrue(u.sorted());
        assertEquals(List.of(), u.sortKeys());
    }

    @Test
    void everyElasticAwsHuntWithARelativeWindowHasItFound() {
        java.nio.file.Path aws = HuntLibraryTest.shared().resolve("corpus/elastic-hunting/aws");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(aws), "../shared absent");
        int found = 0;
        for (HuntDefinition h : HuntLibrary.load().resolve(aws.toString())) {
            for (HuntQuery q : h.queries()) {
                QueryShape s = QueryShape.of(q.text());
                if (q.text().contains("@timestamp > now() -") && !h.id().startsWith("servicequotas")) {
                    assertFalse(s.windows().isEmpty(), h.id());
                    found++;
                }
            }
        }
        assertTrue(found >= 15, "windows found: " + found);
    }
}
