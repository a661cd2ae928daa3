package dev.trailhunt.model;

import java.util.List;

/**
 * Holds a query result in memory, in ES|QL's value model.
 *
 * <p>Cell values are {@code null}, {@link String}, {@link Integer}, {@link Long}, {@link Double},
 * {@link Boolean}, {@link java.time.Instant} (datetimes, UTC), or an unmodifiable {@link List} of
 * those for a multi-value with two or more elements (a one-element list is stored as its element,
 * an empty list as null, as ES|QL does).
 *
 * @param columns the columns in ES|QL order
 * @param rows the rows, each as long as {@code columns}
 */
public record ResultTable(List<ResultColumn> columns, List<List<Object>> rows) {
    public ResultTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Returns the number of rows. */
    public int size() {
        return rows.size();
    }
}
