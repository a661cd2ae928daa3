package dev.trailhunt.translate;

import dev.trailhunt.model.PartitionLayout;
import java.util.List;
import java.util.Objects;

/**
 * Names a table that an ES|QL index pattern resolves to, with its columns.
 *
 * @param table the table name (DuckDB's {@code events}, or the ECS Parquet table on Trino and Athena)
 * @param columns the columns, in any order (FROM sorts them alphabetically)
 * @param index the one concrete index every row comes from, which METADATA _index reports, or null when unknown
 * @param partitions the Hive partitions (the UTC day of {@code @timestamp}, optionally account and region),
 *     which the query's time window and its pinned account or region prune, or null when the table has none
 */
public record SourceTable(String table, List<SourceColumn> columns, String index, PartitionLayout partitions) {
    public SourceTable {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
    }

    /** Names an unpartitioned table whose rows come from {@code index}. */
    public SourceTable(String table, List<SourceColumn> columns, String index) {
        this(table, columns, index, null);
    }

    /** Names an unpartitioned table whose rows' concrete index is not known. */
    public SourceTable(String table, List<SourceColumn> columns) {
        this(table, columns, null, null);
    }
}
