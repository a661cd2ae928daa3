package dev.trailhunt.engine;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds one open trailhunt store, a DuckDB database file with the {@code events} and {@code files}
 * tables, and offers what callers do with it: profile it, run translated or hunter-written queries,
 * load batches of events; the JDBC connection never leaves this package.
 *
 * <p>Every store runs in UTC and never downloads extensions. Stores for hunting are opened
 * read-only and then sandboxed: external access is disabled and the configuration locked, so that
 * hunt text can read the store and nothing else.
 */
public final class Store implements AutoCloseable, EventTable {
    /** Names the table of ECS events. */
    public static final String EVENTS_TABLE = "events";
    /** Names the table of loaded input files. */
    public static final String FILES_TABLE = "files";
    /**
     * Names the table of a one-off store that counts the records its byte scan left out (no query of
     * the run could select them) with a time range covering them, which the store's profile adds to the events'.
     */
    public static final String LEFT_OUT_TABLE = "left_out";
    /** Names the table of the GeoIP/ASN databases that enriched the store's events (provenance). */
    public static final String GEOIP_TABLE = "geoip";

    /** Names the table of alerts that detection rules raised. */
    public static final String ALERTS_TABLE = "alerts";

    /** Names the oldest DuckDB release that must open stores this version creates. */
    public static final String STORAGE_COMPATIBILITY = "v1.4.0";

    private static final Pattern LOCK_PID = Pattern.compile("\\(PID (\\d+)\\)");

    /** Lists the settings every connection needs, with their values. */
    private static final String[][] SESSION_SETTINGS = {
        {"TimeZone", "UTC"}, {"autoinstall_known_extensions", "false"}, {"autoload_known_extensions", "false"}};

    /** Serialises check-then-set of settings, which connections of one process to one file share. */
    private static final Object CONFIGURATION = new Object();

    private final Connection connection;
    private final Path db;
    /** Caches the events table's column names once the table exists, as {@link RemoteTable} reads its columns once. */
    private volatile java.util.Set<String> eventColumns;

    private Store(Connection connection, Path db) {
        this.connection = connection;
        this.db = db;
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_setting(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Opens the database file for writing, creating it when absent. */
    public static Store openForWriting(Path db) {
        return new Store(open(db, false), db);
    }

    /** Opens an existing database file read-only, so that other readers can share it. */
    public static Store openForReading(Path db) {
        if (!Files.exists(db)) {
            throw new StoreException("no store at " + db + " (run `trailhunt ingest --db " + db + " PATH...` first)");
        }
        return new Store(open(db, true), db);
    }

    /** Opens a private in-memory database, for explaining without a store, tests and ad-hoc data. */
    public static Store openInMemory() {
        return new Store(open(null, false), null);
    }

    /**
     * Locks this store down for untrusted query text: no file system or network access, no
     * extension loading, and no further configuration changes.
     *
     * @return this store
     */
    public Store sandbox() {
        return sandbox(null, null);
    }

    /**
     * Locks this store down for untrusted query text, as {@link #sandbox()}, and bounds DuckDB's
     * memory; beyond it DuckDB spills to {@code spillDir} (up to {@link QueryLimits#spillBytes()})
     * and then fails the query. The spill folder is the only one a sandboxed query can read, so it
     * must be a private, fresh one: never the store's own {@code .tmp} folder, which DuckDB uses by default.
     *
     * @param limits the memory limit, or null to leave DuckDB's
     * @param spillDir the private spill folder, or null for none (a query that outgrows memory fails)
     * @return this store
     */
    public Store sandbox(QueryLimits limits, Path spillDir) {
        synchronized (CONFIGURATION) {
            lockDown(connection, limits, spillDir);
        }
        return this;
    }

    /** Reads the store's profile (events, time range, files, DuckDB version); a store without a files table has no files. */
    public StoreProfile profile() {
        return StoreProfile.read(connection);
    }

    /** Returns the profile of a database that holds no store, e.g. for explaining a hunt without data. */
    public StoreProfile profileWithoutStore() {
        return StoreProfile.withoutStore(connection);
    }

    /**
     * Writes the store's events as ECS Parquet under {@code dir}, Hive-partitioned by {@code dt}
     * (see {@link ParquetExport}); returns the columns written, for the CREATE TABLE statements.
     */
    public List<StoreColumn> exportParquet(Path dir) {
        return exportParquet(dir, dev.trailhunt.model.PartitionLayout.DAYS).columns();
    }

    /**
     * Writes the store's events as ECS Parquet under {@code dir}, Hive-partitioned as {@code layout} says
     * (see {@link ParquetExport}); returns what was written, for the CREATE TABLE statements.
     */
    public ParquetExport.Written exportParquet(Path dir, dev.trailhunt.model.PartitionLayout layout) {
        return ParquetExport.write(connection, dir, layout);
    }

    /** Reads a table's columns from the catalog, in table order; empty when the table does not exist. */
    public List<StoreColumn> columns(String table) {
        try {
            return StoreSchema.columnsOf(connection, table);
        } catch (SQLException e) {
            throw new StoreException("cannot read the store's columns: " + firstLine(e), e);
        }
    }

    @Override
    public SqlDialect sqlDialect() {
        return SqlDialect.DUCKDB;
    }

    @Override
    public String eventsTable() {
        return EVENTS_TABLE;
    }

    /**
     * Returns the events table's column names, read from the catalog once the table exists; this store's
     * {@link #loader} and {@link #execute} forget them, since only they change its schema.
     */
    @Override
    public java.util.Set<String> eventColumns() {
        java.util.Set<String> cached = eventColumns;
        if (cached != null) {
            return cached;
        }
        java.util.Set<String> read = columns(EVENTS_TABLE).stream().map(StoreColumn::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        // No table yet: not cached, so that the table a loader creates is seen.
        if (!read.isEmpty()) {
            eventColumns = read;
        }
        return read;
    }

    /**
     * Opens another connection to this store's database, for a second thread: it shares the database's settings,
     * its sandbox and its limits (DuckDB keeps them per database), and is closed on its own.
     */
    public Store duplicate() {
        try {
            Connection second = connection.unwrap(org.duckdb.DuckDBConnection.class).duplicate();
            try (Statement st = second.createStatement()) {
                synchronized (CONFIGURATION) {
                    configure(second, st);
                }
            } catch (SQLException e) {
                second.close();
                throw e;
            }
            Store copy = new Store(second, db);
            copy.eventColumns = eventColumns;
            return copy;
        } catch (SQLException e) {
            throw new StoreException("cannot open a second connection to the store: " + firstLine(e), e);
        }
    }

    /**
     * Runs translated SQL and returns its rows typed by {@code columns}, which match its select list one to one.
     *
     * @throws QueryException when DuckDB fails the query or a value cannot be read
     * @throws QueryLimitException when the query hits the time or memory limit of its {@link QueryGuard}
     */
    @Override
    public ResultTable query(String sql, List<ResultColumn> columns) {
        return QueryExecutor.execute(connection, sql, columns);
    }

    /**
     * Runs a hunter's own DuckDB SQL (one query, checked and capped as {@link SandboxedSql} describes)
     * and returns at most {@code maxRows} rows, saying whether more were left out.
     *
     * @throws SqlRejectedException when the text is not a single query or DuckDB rejects it
     * @throws QueryLimitException when the query hits the time or memory limit of its {@link QueryGuard}
     */
    public SandboxedSql.Capped runSql(String sql, int maxRows) {
        return SandboxedSql.runCapped(connection, sql, maxRows);
    }

    /** Runs SQL that changes the database (DDL, INSERT, SET), such as the tables a test builds by hand. */
    public void execute(String sql) {
        eventColumns = null;
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new StoreException("cannot run the statement: " + firstLine(e), e);
        }
    }

    /**
     * Inserts rows into the named columns of a table in one batch; each value is cast to its column's
     * type, a {@link List} becomes an array of the column's element type, and an {@link Instant} a UTC timestamp.
     */
    public void insert(String table, List<String> columns, List<? extends List<?>> rows) {
        try {
            Map<String, String> types = new HashMap<>();
            for (StoreColumn c : StoreSchema.columnsOf(connection, table)) {
                types.put(c.name(), c.duckdbType());
            }
            StringJoiner names = new StringJoiner(", ");
            StringJoiner values = new StringJoiner(", ");
            List<String> columnTypes = new ArrayList<>();
            for (String name : columns) {
                String type = types.get(name);
                if (type == null) {
                    throw new StoreException("the table " + table + " has no column " + name);
                }
                columnTypes.add(type);
                names.add(new StoreColumn(name, type).quoted());
                values.add("CAST(? AS " + type + ")");
            }
            String sql = "INSERT INTO " + new StoreColumn(table, "").quoted() + " (" + names + ") VALUES (" + values + ")";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (List<?> row : rows) {
                    for (int i = 0; i < row.size(); i++) {
                        ps.setObject(i + 1, parameter(row.get(i), columnTypes.get(i)));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot insert into " + table + ": " + firstLine(e), e);
        }
    }

    private Object parameter(Object value, String columnType) throws SQLException {
        if (value instanceof Instant t) {
            return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        }
        if (value instanceof List<?> list) {
            String element = columnType.endsWith("[]") ? columnType.substring(0, columnType.length() - 2) : "VARCHAR";
            Object[] elements = new Object[list.size()];
            for (int i = 0; i < elements.length; i++) {
                elements[i] = parameter(list.get(i), element);
            }
            return connection.createArrayOf(element, elements);
        }
        return value;
    }

    /**
     * Rewrites the GeoIP/ASN {@code columns} of every event from {@code lookup}, called once per distinct
     * {@code source.ip}, in one transaction; returns {distinct addresses, events updated}.
     */
    public long[] enrichSourceIps(List<String> columns, java.util.function.Function<String, Object[]> lookup) {
        try {
            return GeoEnrichment.refresh(connection, columns, lookup);
        } catch (SQLException e) {
            throw new StoreException("cannot enrich the store: " + firstLine(e), e);
        }
    }

    /**
     * Records which databases enriched events: rows of (kind, name, type, build date, sha256);
     * {@code replace} forgets the earlier ones (every event was just refreshed).
     */
    public void recordGeoDatabases(List<List<String>> databases, boolean replace) {
        try {
            GeoEnrichment.record(connection, databases, replace);
        } catch (SQLException e) {
            throw new StoreException("cannot record the GeoIP databases: " + firstLine(e), e);
        }
    }

    /**
     * Replaces the alerts of the rules {@code ruleIds} in the {@code alerts} table (created when absent) with {@code rows}, in one transaction.
     */
    public void replaceAlerts(List<String> ruleIds, List<AlertRow> rows) {
        try {
            AlertsTable.replace(connection, ruleIds, rows);
        } catch (SQLException e) {
            throw new StoreException("cannot write the alerts: " + firstLine(e), e);
        }
    }

    /**
     * Reads the {@code alerts} table that {@code detect} wrote, most severe rule first, in a total order; empty
     * when the store has no alerts table.
     */
    public List<AlertRow> alerts() {
        try {
            return AlertsTable.read(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot read the alerts: " + firstLine(e), e);
        }
    }

    /** Tells whether {@code detect} has written the store's {@code alerts} table. */
    public boolean hasAlerts() {
        return !columns(ALERTS_TABLE).isEmpty();
    }

    /**
     * Prepares a loader of staged events for this store, which ingest opened for writing; its events
     * table holds {@code ecsColumns} plus provenance (a one-off store may hold only the columns its queries read).
     */
    public EventLoader loader(List<StoreColumn> ecsColumns) {
        eventColumns = null;
        return new EventLoader(connection, ecsColumns);
    }

    /** Closes the store; a write store's last changes reach the file here. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store " + (db == null ? "(memory)" : db.toString()) + ": " + firstLine(e), e);
        }
    }

    private static void lockDown(Connection connection, QueryLimits limits, Path spillDir) {
        try (Statement st = connection.createStatement()) {
            // Connections to a file this process already has open share one database, which an
            // earlier sandbox may have locked already; that lock is only acceptable if it is ours.
            if (Boolean.parseBoolean(setting(connection, "lock_configuration"))) {
                if (Boolean.parseBoolean(setting(connection, "enable_external_access"))) {
                    throw new StoreException("cannot sandbox the store connection: its configuration is locked with external access enabled");
                }
                return;
            }
            if (limits != null) {
                st.execute("SET memory_limit = '" + limits.memoryBytes() + "B'");
                st.execute("SET temp_directory = '" + (spillDir == null ? "" : spillDir.toAbsolutePath().toString().replace("'", "''")) + "'");
                st.execute("SET max_temp_directory_size = '" + limits.spillBytes() + "B'");
            }
            st.execute("SET enable_external_access = false");
            st.execute("SET lock_configuration = true");
        } catch (SQLException e) {
            throw new StoreException("cannot sandbox the store connection: " + firstLine(e), e);
        }
    }

    private static Connection open(Path db, boolean readOnly) {
        Properties props = new Properties();
        if (readOnly) {
            props.setProperty("duckdb.read_only", "true");
        } else if (db != null && !Files.exists(db)) {
            // DuckDB 2.0 writes storage version 69 by default, which the 1.x clients users have
            // (Python, Node, CLI) cannot open; v1.4.0 (storage 67, the LTS) keeps the store readable there.
            props.setProperty("storage_compatibility_version", STORAGE_COMPATIBILITY);
        }
        String url = db == null ? "jdbc:duckdb:" : "jdbc:duckdb:" + db.toAbsolutePath();
        try {
            Connection c = DriverManager.getConnection(url, props);
            try (Statement st = c.createStatement()) {
                synchronized (CONFIGURATION) {
                    configure(c, st);
                }
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        } catch (SQLException e) {
            throw translate(db, e);
        }
    }

    private static void configure(Connection c, Statement st) throws SQLException {
        // A second connection to a file already open in this process joins that database, perhaps
        // sandboxed and locked: set only what differs, and TimeZone globally, so that such later
        // sessions start in UTC instead of failing or using the OS zone.
        for (String[] s : SESSION_SETTINGS) {
            if (!s[1].equalsIgnoreCase(setting(c, s[0]))) {
                st.execute("SET GLOBAL " + s[0] + " = '" + s[1] + "'");
            }
        }
    }

    private static StoreException translate(Path db, SQLException e) {
        String msg = firstLine(e);
        if (msg.contains("Could not set lock")) {
            Matcher m = LOCK_PID.matcher(msg);
            String who = m.find() ? "process " + m.group(1) : "another process";
            return new StoreException("the store " + db + " is in use by " + who + "; wait for it to finish or use another --db", e);
        }
        return new StoreException("cannot open the store " + (db == null ? "(memory)" : db.toString()) + ": " + msg, e);
    }

    /** Returns the first line of a DuckDB error, without the JDBC wrapper noise. */
    static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}
