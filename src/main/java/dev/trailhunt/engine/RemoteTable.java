package dev.trailhunt.engine;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.util.List;
import java.util.Set;

/**
 * Names the ECS Parquet table on a remote engine (Trino or Athena), with its columns read once from
 * the engine, as an {@link EventTable} that detection rules query.
 */
public final class RemoteTable implements EventTable {
    private final RemoteEngine engine;
    private final String table;
    private final Set<String> columns;

    /** Reads the columns of {@code table} on {@code engine} (one query that reads no rows). */
    public RemoteTable(RemoteEngine engine, String table) {
        this.engine = engine;
        this.table = table;
        this.columns = Set.copyOf(engine.columns(table));
    }

    @Override
    public SqlDialect sqlDialect() {
        return SqlDialect.TRINO;
    }

    @Override
    public String eventsTable() {
        return table;
    }

    @Override
    public Set<String> eventColumns() {
        return columns;
    }

    @Override
    public ResultTable query(String sql, List<ResultColumn> columns) {
        return engine.query(sql, columns);
    }
}
