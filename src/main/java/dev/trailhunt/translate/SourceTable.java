package dev.trailhunt.translate;

import java.util.List;
import java.util.Objects;

/**
 * Names a DuckDB table that an ES|QL index pattern resolves to, with its columns.
 *
 * @param table the DuckDB table name
 * @param columns the columns, in any order (FROM sorts them alphabetically)
 * @param index the one concrete index every row comes from, which METADATA _index reports, or null when unknown
 */
public record SourceTable(String table, List<SourceColumn> columns, String index) {
    public SourceTable {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
    }

    /** Names a table whose rows' concrete index is not known. */
    public SourceTable(String table, List<SourceColumn> columns) {
        this(table, columns, null);
    }
}
