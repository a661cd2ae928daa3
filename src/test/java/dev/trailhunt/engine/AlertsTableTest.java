package dev.trailhunt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writes alerts to a real DuckDB store and reads them back. */
class AlertsTableTest {
    private static AlertRow row(String rule, String name, Instant at, List<String> ids, List<String> groupBy) {
        return new AlertRow(rule, name, "query", "high", 73, List.of("T1078", "T1098.001"), at, ids,
                ids.stream().map(i -> "h-" + i).toList(), groupBy);
    }

    @Test
    void alertsReadBackAsWrittenWhateverTheirText() {
        List<AlertRow> rows = List.of(
                row("r1", "quote ' double \" backslash \\ newline \n tab \t", Instant.parse("2026-11-24T00:00:00.000001Z"),
                        List.of("e1", "e2"), List.of("user.name=alice", "source.ip=")),
                row("r1", "quote ' double \" backslash \\ newline \n tab \t", Instant.parse("2026-11-24T00:05:00Z"),
                        List.of(), List.of()),
                row("r2", "astral \uD83D\uDE00 and NUL-free unicode é ß 漢", Instant.parse("1999-12-31T23:59:59.999999Z"),
                        List.of("x"), List.of("k=[\"v\"]")));
        try (Store s = Store.openInMemory()) {
            s.replaceAlerts(List.of("r1", "r2"), rows);
            assertEquals(sorted(rows), s.alerts());
        }
    }

    @Test
    void aRerunReplacesOnlyTheAlertsOfTheRulesItRan() {
        Instant t = Instant.parse("2026-11-24T00:00:00Z");
        List<AlertRow> first = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            // More than one INSERT's worth of rows.
            first.add(row(i % 2 == 0 ? "a" : "b", "rule", t.plusSeconds(i), List.of("e" + i), List.of()));
        }
        try (Store s = Store.openInMemory()) {
            s.replaceAlerts(List.of("a", "b"), first);
            assertEquals(12_000, s.alerts().size());
            AlertRow again = row("a", "rule", t, List.of("only"), List.of());
            s.replaceAlerts(List.of("a"), List.of(again));
            List<AlertRow> now = s.alerts();
            assertEquals(6_001, now.size());
            assertEquals(1, now.stream().filter(r -> r.ruleId().equals("a")).count());
            assertEquals(List.of("only"), now.stream().filter(r -> r.ruleId().equals("a")).findFirst().orElseThrow().eventIds());
        }
    }

    /** Orders rows as the table reads them for these tests' rules (one severity and risk): name, id, time. */
    private static List<AlertRow> sorted(List<AlertRow> rows) {
        List<AlertRow> out = new ArrayList<>(rows);
        out.sort(java.util.Comparator.comparing(AlertRow::ruleName).thenComparing(AlertRow::ruleId).thenComparing(AlertRow::timestamp));
        return out;
    }
}
