package dev.trailhunt.hunt;

import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.model.ResultTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the rows of a run: for each aggregated row of an ES|QL query, the ES|QL that lists the events
 * behind it ({@link EventsBehind}), optionally run on the same store, now and time bound.
 */
public final class Pivots {
    /** Caps the rows opened per query, so that a thousand-row answer does not run a thousand queries. */
    public static final int MAX_ROWS = 20;

    private Pivots() {}

    /**
     * Holds the events behind one row, or why they cannot be listed.
     *
     * @param hunt the hunt id
     * @param query the query's 1-based index in its hunt
     * @param row the row's 1-based number in the result
     * @param esql the ES|QL that lists the events, or empty when none can
     * @param events what it listed when run, else null
     * @param problem why no ES|QL or no events, else empty
     */
    public record Pivot(String hunt, int query, int row, String esql, QueryRun events, String problem) {}

    /**
     * Derives the events behind the rows of a query that ran.
     *
     * @return one pivot per row (up to {@code max}); one pivot with row 0 and a note when the rows are events already
     *     or the derivation is unsupported; nothing for DuckDB SQL or an empty result
     */
    public static List<Pivot> derive(HuntRun hunt, QueryRun q, int max) {
        if (q.status() != QueryRun.Status.RAN || q.query().language() != QueryLanguage.ESQL || q.rows() == 0) {
            return List.of();
        }
        String id = hunt.hunt().id();
        int index = q.query().index();
        EventsBehind behind;
        try {
            Query parsed = TranslatingCompiler.parse(q.query().text());
            behind = EventsBehind.of(q.query().text(), parsed, q.table().columns());
        } catch (HuntException e) {
            return List.of(new Pivot(id, index, 0, "", null, e.getMessage()));
        }
        if (behind == null) {
            return List.of(new Pivot(id, index, 0, "", null, "the rows are events already: the query has no STATS"));
        }
        List<Pivot> out = new ArrayList<>();
        ResultTable t = q.table();
        for (int r = 0; r < Math.min(max, t.size()); r++) {
            try {
                out.add(new Pivot(id, index, r + 1, behind.forRow(t, r), null, ""));
            } catch (HuntException e) {
                out.add(new Pivot(id, index, r + 1, "", null, e.getMessage()));
            }
        }
        return out;
    }

    /** Derives and runs the events behind every row of a run, up to {@link #MAX_ROWS} rows per query. */
    public static List<Pivot> run(HuntRunner runner, RunResult run) {
        List<Pivot> out = new ArrayList<>();
        for (HuntRun h : run.hunts()) {
            for (QueryRun q : h.queries()) {
                for (Pivot p : derive(h, q, MAX_ROWS)) {
                    if (p.esql().isEmpty()) {
                        out.add(p);
                        continue;
                    }
                    QueryRun events = runner.run(HuntDefinition.adHoc(QueryLanguage.ESQL, p.esql())).queries().get(0);
                    out.add(new Pivot(p.hunt(), p.query(), p.row(), p.esql(), events,
                            events.status() == QueryRun.Status.RAN ? "" : events.message()));
                }
            }
        }
        return out;
    }
}
