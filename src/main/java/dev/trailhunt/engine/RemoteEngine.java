package dev.trailhunt.engine;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.util.List;

/** Runs translated Trino SQL on a distributed engine: a Trino cluster ({@link TrinoExecutor}) or Amazon Athena ({@link AthenaExecutor}). */
public interface RemoteEngine extends AutoCloseable {
    /** Runs one query; its select list matches {@code columns} one to one. */
    ResultTable query(String sql, List<ResultColumn> columns);

    /** Returns the names of {@code table}'s columns, read with a query that reads no rows. */
    List<String> columns(String table);

    /** Summarises {@code table} (events and time range) with one aggregate query on the engine. */
    StoreProfile profile(String table);

    @Override
    void close();
}
