package dev.trailhunt.hunt;

import java.util.List;

/**
 * Holds the outcome of every query of one hunt.
 *
 * @param hunt the hunt
 * @param queries one entry per query, in file order
 */
public record HuntRun(HuntDefinition hunt, List<QueryRun> queries) {
    public HuntRun {
        queries = List.copyOf(queries);
    }

    /** Returns the total rows over the queries that ran. */
    public int rows() {
        return queries.stream().mapToInt(QueryRun::rows).sum();
    }

    /** Tells whether the hunt file could not be loaded or some query failed to parse, translate or execute. */
    public boolean failed() {
        return !hunt.loaded() || queries.stream().anyMatch(q -> q.status() == QueryRun.Status.FAILED);
    }
}
