package dev.trailhunt.engine;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.util.List;

/** Runs translated Trino SQL on a distributed engine: a Trino cluster ({@link TrinoExecutor}) or Amazon Athena ({@link AthenaExecutor}). */
public interface RemoteEngine extends AutoCloseable {
    /** Runs one query; its select list matches {@code columns} one to one. */
    ResultTable query(String sql, List<ResultColumn> columns);

    /** Returns the names of {@code table}'s columns, read with a query that selects no row (WHERE false; Trino rejects LIMIT 0). */
    List<String> columns(String table);

    /** Summarises {@code table} (events and time range) with one aggregate query on the engine. */
    StoreProfile profile(String table);

    @Override
    void close();

    /**
     * Renders the profile query over {@code table}: its event count and the range of {@code @timestamp}
     * over dated events only, as the DuckDB store's profile reads it (an event without a valid eventTime
     * carries its ingest time, {@code event.created}, which must not pass for the data's range or for now).
     */
    static String profileSql(String table, List<String> columns) {
        org.jooq.Field<Object> ts = org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("@timestamp"));
        org.jooq.Condition dated = columns.contains("event.created")
                ? ts.isDistinctFrom(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("event.created"))) : org.jooq.impl.DSL.noCondition();
        return org.jooq.impl.DSL.using(org.jooq.SQLDialect.TRINO).renderInlined(org.jooq.impl.DSL
                .select(org.jooq.impl.DSL.count(), org.jooq.impl.DSL.min(ts).filterWhere(dated), org.jooq.impl.DSL.max(ts).filterWhere(dated))
                .from(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(table))));
    }
}
