package dev.trailhunt.engine;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.util.Set;

/**
 * Queries a table of ECS events on some engine: the DuckDB store's {@code events} ({@link Store}) or
 * the ECS Parquet table on Trino or Athena ({@link RemoteTable}); the narrow seam through which
 * detection rules read events wherever they live.
 */
public interface EventTable {
    /** Names the SQL an event table's engine speaks. */
    enum SqlDialect { DUCKDB, TRINO }

    /** Returns the SQL dialect queries on this table must be rendered in. */
    SqlDialect sqlDialect();

    /** Returns the table's name, as FROM names it. */
    String eventsTable();

    /** Returns the names of the table's columns (ECS fields, provenance and partition columns); empty when there is no table yet. */
    Set<String> eventColumns();

    /** Runs one query; its select list matches {@code columns} one to one. */
    ResultTable query(String sql, java.util.List<ResultColumn> columns);
}
