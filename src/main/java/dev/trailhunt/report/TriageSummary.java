package dev.trailhunt.report;

import dev.trailhunt.hunt.HuntRun;
import dev.trailhunt.hunt.QueryRun;
import dev.trailhunt.hunt.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes the summary that opens a run of several hunts: one line per query, those with hits first (most rows
 * first), then the empty ones, then the failed and skipped; each with its row count, window and status.
 */
public final class TriageSummary {
    private TriageSummary() {}

    /** Holds one query's line. */
    private record Entry(String who, QueryRun q, int rank) {}

    /** Returns the queries that ran and found rows, in the order the summary lists them. */
    public static List<String> lines(RunResult run) {
        List<Entry> entries = new ArrayList<>();
        for (HuntRun h : run.hunts()) {
            if (!h.hunt().loaded()) {
                entries.add(new Entry(h.hunt().id(), null, 3));
            }
            for (QueryRun q : h.queries()) {
                String who = h.hunt().id() + (h.queries().size() > 1 ? " · query " + q.query().index() : "");
                int rank = switch (q.status()) {
                    case RAN -> q.rows() > 0 ? 0 : 1;
                    case FAILED -> 2;
                    case SKIPPED -> 4;
                };
                entries.add(new Entry(who, q, rank));
            }
        }
        entries.sort(Comparator.comparingInt(Entry::rank).thenComparing(e -> e.rank() == 0 ? -e.q().rows() : 0));
        long hits = entries.stream().filter(e -> e.rank() == 0).count();
        long empty = entries.stream().filter(e -> e.rank() == 1).count();
        long failed = entries.stream().filter(e -> e.rank() == 2 || e.rank() == 3).count();
        long skipped = entries.stream().filter(e -> e.rank() == 4).count();
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%d %s: %d with hits, %d empty%s%s", entries.size(), entries.size() == 1 ? "query" : "queries", hits,
                empty, failed > 0 ? ", " + failed + " failed" : "", skipped > 0 ? ", " + skipped + " skipped" : ""));
        for (Entry e : entries) {
            String who = Visible.text(e.who());
            if (e.q() == null) {
                out.add(String.format(Locale.ROOT, "  %10s  %s: could not be loaded", "failed", who));
                continue;
            }
            QueryRun q = e.q();
            out.add(switch (q.status()) {
                case RAN -> String.format(Locale.ROOT, "  %10s  %s · %s%s", q.rows() == 1 ? "1 row" : CellText.count(q.rows()) + " rows", who,
                        q.windowText(), q.message().contains(" cut the rows") ? " · cut by LIMIT" : "");
                case FAILED -> String.format(Locale.ROOT, "  %10s  %s: %s", "failed", who, Visible.text(q.message().lines().findFirst().orElse("")));
                case SKIPPED -> String.format(Locale.ROOT, "  %10s  %s: %s", "skipped", who, Visible.text(q.message()));
            });
        }
        return out;
    }
}
