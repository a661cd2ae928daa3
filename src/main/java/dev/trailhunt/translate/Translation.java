package dev.trailhunt.translate;

import dev.trailhunt.model.ResultColumn;
import java.util.List;
import java.util.Objects;
import org.jooq.Select;

/**
 * Holds the result of translating one ES|QL query.
 *
 * @param select the jOOQ query model
 * @param sql the exact SQL that runs, in the translator's dialect (DuckDB or Trino), with literals inlined by jOOQ
 * @param columns the ES|QL result columns, in order, matching the SQL's select list
 */
public record Translation(Select<?> select, String sql, List<ResultColumn> columns) {
    public Translation {
        Objects.requireNonNull(select, "select");
        Objects.requireNonNull(sql, "sql");
        columns = List.copyOf(columns);
    }
}
