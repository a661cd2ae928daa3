package dev.trailhunt.hunt;

import dev.trailhunt.model.ResultTable;
import java.util.List;
import java.util.Objects;

/**
 * Holds what happened to one query of a hunt.
 *
 * @param query the query
 * @param status whether it ran, was skipped or failed
 * @param sql the DuckDB SQL that ran (empty when none)
 * @param table the result (null unless it ran)
 * @param message the skip reason or the one-line error; for a query that ran, a note on its result (rows left out by the cap), else empty
 * @param windows the {@code @timestamp} conditions relative to now that the query applies
 */
public record QueryRun(HuntQuery query, Status status, String sql, ResultTable table, String message, List<String> windows) {
    /** Names the outcome of a query. */
    public enum Status { RAN, SKIPPED, FAILED }

    public QueryRun {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(status, "status");
        sql = Objects.requireNonNullElse(sql, "");
        message = Objects.requireNonNullElse(message, "");
        windows = List.copyOf(windows);
    }

    /** Returns the number of result rows, 0 unless the query ran. */
    public int rows() {
        return table == null ? 0 : table.size();
    }

    /** Describes the window for a hunter, e.g. {@code @timestamp > now - 7 days}, or says there is none. */
    public String windowText() {
        return windows.isEmpty() ? "no time window (all events)" : String.join(" and ", windows);
    }
}
