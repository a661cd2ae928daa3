package dev.trailhunt.engine;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Runs translated Trino SQL on a Trino cluster (or Starburst, EMR Trino) through trino-jdbc, and
 * reads the rows into ES|QL's value model exactly as the DuckDB store's are read.
 *
 * <p>The session time zone is UTC, which is what {@code @timestamp} holds and what Athena uses.
 * The table name comes from the command line, never from hunt text, and is quoted as one identifier.
 */
public final class TrinoExecutor implements RemoteEngine {
    private final Connection connection;
    private final String url;

    private TrinoExecutor(Connection connection, String url) {
        this.connection = connection;
        this.url = url;
    }

    /**
     * Connects to {@code jdbc:trino://HOST:PORT/CATALOG/SCHEMA}.
     *
     * @param user the Trino user the queries run as
     * @throws StoreException in one line when the URL is not a Trino URL or the cluster cannot be reached
     */
    public static TrinoExecutor connect(String url, String user) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:trino://")) {
            throw new StoreException("--url must be a Trino JDBC URL: jdbc:trino://HOST:PORT/CATALOG/SCHEMA");
        }
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("timezone", "UTC");
        try {
            Connection c = DriverManager.getConnection(url, p);
            return new TrinoExecutor(c, url);
        } catch (SQLException e) {
            throw new StoreException("cannot connect to " + url + ": " + Store.firstLine(e), e);
        }
    }

    /** Returns the URL this executor is connected to, for provenance. */
    public String url() {
        return url;
    }

    @Override
    public ResultTable query(String sql, List<ResultColumn> columns) {
        return QueryExecutor.execute(connection, sql, columns, true);
    }

    @Override
    public List<String> columns(String table) {
        String sql = DSL.using(SQLDialect.TRINO).renderInlined(DSL.selectFrom(DSL.table(DSL.name(table))).where(DSL.falseCondition()));
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            java.sql.ResultSetMetaData md = rs.getMetaData();
            List<String> names = new java.util.ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnName(i));
            }
            return names;
        } catch (SQLException e) {
            throw new StoreException("cannot read table " + table + " on " + url + ": " + Store.firstLine(e), e);
        }
    }

    /**
     * Summarises the table for provenance and {@code --now latest}: its event count and time range,
     * read with one aggregate query on the engine.
     */
    @Override
    public StoreProfile profile(String table) {
        String sql = RemoteEngine.profileSql(table, columns(table));
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long events = rs.getLong(1);
            LocalDateTime first = QueryExecutor.wallClock(rs.getString(2));
            LocalDateTime last = QueryExecutor.wallClock(rs.getString(3));
            String version = connection.getMetaData().getDatabaseProductVersion();
            return new StoreProfile(events, instant(first), instant(last), List.of(), "trino " + version + ", table " + table);
        } catch (SQLException e) {
            throw new StoreException("cannot read table " + table + " on " + url + ": " + Store.firstLine(e), e);
        }
    }

    private static Instant instant(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing a connection that only read cannot lose data; nothing useful to report.
        }
    }
}
