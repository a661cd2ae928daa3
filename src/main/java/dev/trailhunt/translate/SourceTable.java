package dev.trailhunt.translate;

import java.util.List;
import java.util.Objects;

/**
 * Names a DuckDB table that an ES|QL index pattern resolves to, with its columns.
 *
 * @param table the DuckDB table name
 * @param columns the columns, in any order (FROM sorts them alphabetically)
 */
public record SourceTable(String table, List<SourceColumn> columns) {
    public SourceTable {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
    }
}
