package dev.trailhunt.engine;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Summarises a store for run context and provenance: event count, time range, input files and DuckDB version.
 *
 * @param events the number of events
 * @param first the oldest {@code @timestamp}, or null when there are no events
 * @param last the newest {@code @timestamp}, or null when there are no events
 * @param files the input files, ordered by path
 * @param duckdbVersion the DuckDB library version, e.g. {@code v1.5.6}
 * @param geoip the GeoIP/ASN databases that enriched the events, one description each; empty: no GeoIP data
 */
public record StoreProfile(long events, Instant first, Instant last, List<InputFile> files, String duckdbVersion,
        List<String> geoip) {
    public StoreProfile {
        files = List.copyOf(files);
        geoip = List.copyOf(geoip);
        Objects.requireNonNull(duckdbVersion, "duckdbVersion");
    }

    /** Creates a profile of a store no GeoIP database enriched. */
    public StoreProfile(long events, Instant first, Instant last, List<InputFile> files, String duckdbVersion) {
        this(events, first, last, files, duckdbVersion, List.of());
    }

    private static final DSLContext SQL = DSL.using(SQLDialect.DUCKDB, new Settings().withRenderFormatted(false));

    /** Reads the profile of the store behind a connection; a store without a files table has no files. */
    static StoreProfile read(Connection connection) {
        try {
            if (!hasTable(connection, Store.EVENTS_TABLE)) {
                throw new StoreException("the store has no " + Store.EVENTS_TABLE + " table; is it a trailhunt store?");
            }
            Field<Object> ts = field(name("@timestamp"));
            // Events without a valid eventTime carry the ingest time (their event.created), as Elastic
            // dates them; the ingest time must not pass for the data's time range or for now.
            org.jooq.Condition dated = hasColumn(connection, Store.EVENTS_TABLE, "event.created")
                    ? ts.isDistinctFrom(field(name("event.created"))) : org.jooq.impl.DSL.noCondition();
            String rangeSql = SQL.select(count(), epochMicros(min(ts).filterWhere(dated)), epochMicros(max(ts).filterWhere(dated)))
                    .from(table(name(Store.EVENTS_TABLE))).getSQL(org.jooq.conf.ParamType.INLINED);
            long events;
            Instant first = null;
            Instant last = null;
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(rangeSql)) {
                rs.next();
                events = rs.getLong(1);
                long lo = rs.getLong(2);
                if (!rs.wasNull()) {
                    first = microsToInstant(lo);
                    last = microsToInstant(rs.getLong(3));
                }
            }
            if (hasTable(connection, Store.LEFT_OUT_TABLE)) {
                // A one-off store: the records its byte scan left out still count and date the data.
                String leftOutSql = SQL.select(DSL.sum(field(name("records"), Long.class)),
                                epochMicros(min(field(name("first")))), epochMicros(max(field(name("last")))))
                        .from(table(name(Store.LEFT_OUT_TABLE))).getSQL(org.jooq.conf.ParamType.INLINED);
                try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(leftOutSql)) {
                    rs.next();
                    events += rs.getLong(1);
                    long lo = rs.getLong(2);
                    if (!rs.wasNull()) {
                        Instant a = microsToInstant(lo);
                        Instant b = microsToInstant(rs.getLong(3));
                        first = first == null || a.isBefore(first) ? a : first;
                        last = last == null || b.isAfter(last) ? b : last;
                    }
                }
            }
            List<String> geoip = hasTable(connection, Store.GEOIP_TABLE) ? GeoEnrichment.describe(connection) : List.of();
            return new StoreProfile(events, first, last, files(connection), duckdbVersion(connection), geoip);
        } catch (SQLException e) {
            throw new StoreException("cannot read the store: " + Store.firstLine(e), e);
        }
    }

    /** Returns the profile of a database that holds no store, e.g. for explaining a hunt without data. */
    static StoreProfile withoutStore(Connection connection) {
        try {
            return new StoreProfile(0, null, null, List.of(), duckdbVersion(connection));
        } catch (SQLException e) {
            throw new StoreException("cannot read the DuckDB version: " + Store.firstLine(e), e);
        }
    }

    /** Tells whether the store holds any event. */
    public boolean hasEvents() {
        return events > 0 && last != null;
    }

    private static Field<Long> epochMicros(Field<?> f) {
        return DSL.function(name("epoch_us"), Long.class, f);
    }

    private static Instant microsToInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    private static List<InputFile> files(Connection connection) throws SQLException {
        List<InputFile> out = new ArrayList<>();
        if (!hasTable(connection, Store.FILES_TABLE)) {
            return out;
        }
        String sql = SQL.select(field(name("path")), field(name("size")), field(name("sha256")), field(name("format")),
                        field(name("events")), field(name("status")), field(name("reason")))
                .from(table(name(Store.FILES_TABLE)))
                .orderBy(field(name("path")), field(name("sha256")))
                .getSQL();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new InputFile(str(rs, 1), rs.getLong(2), str(rs, 3), str(rs, 4), rs.getLong(5), str(rs, 6), str(rs, 7)));
            }
        }
        return out;
    }

    private static String str(ResultSet rs, int i) throws SQLException {
        String s = rs.getString(i);
        return s == null ? "" : s;
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        String sql = SQL.selectCount().from(table(name("information_schema", "tables")))
                .where(field(name("table_name")).eq(DSL.inline(table)))
                .getSQL();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        String sql = SQL.selectCount().from(table(name("information_schema", "columns")))
                .where(field(name("table_name")).eq(DSL.inline(table)))
                .and(field(name("column_name")).eq(DSL.inline(column)))
                .getSQL();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static String duckdbVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
