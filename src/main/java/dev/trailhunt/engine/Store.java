package dev.trailhunt.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a trailhunt store: one DuckDB database file holding the {@code events} and {@code files} tables.
 *
 * <p>Every connection runs in UTC and never downloads extensions. Hunt connections are opened
 * read-only and then sandboxed: external access is disabled and the configuration locked, so that
 * hunt text can read the store and nothing else.
 */
public final class Store {
    /** Names the table of ECS events. */
    public static final String EVENTS_TABLE = "events";
    /** Names the table of loaded input files. */
    public static final String FILES_TABLE = "files";
    /**
     * Names the table of a one-off store that counts the records its byte scan left out (no query of
     * the run could select them) and their time range, which the store's profile adds to the events'.
     */
    public static final String LEFT_OUT_TABLE = "left_out";

    /** Names the oldest DuckDB release that must open stores this version creates. */
    public static final String STORAGE_COMPATIBILITY = "v1.4.0";

    private static final Pattern LOCK_PID = Pattern.compile("\\(PID (\\d+)\\)");

    /** Lists the settings every connection needs, with their values. */
    private static final String[][] SESSION_SETTINGS = {
        {"TimeZone", "UTC"}, {"autoinstall_known_extensions", "false"}, {"autoload_known_extensions", "false"}};

    /** Serialises check-then-set of settings, which connections of one process to one file share. */
    private static final Object CONFIGURATION = new Object();

    private Store() {}

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
    public static Connection openForWriting(Path db) {
        return open(db, false);
    }

    /** Opens an existing database file read-only, so that other readers can share it. */
    public static Connection openForReading(Path db) {
        if (!Files.exists(db)) {
            throw new StoreException("no store at " + db + " (run `trailhunt ingest --db " + db + " PATH...` first)");
        }
        return open(db, true);
    }

    /** Opens a private in-memory database, for tests and ad-hoc data. */
    public static Connection openInMemory() {
        return open(null, false);
    }

    /**
     * Locks a connection down for untrusted query text: no file system or network access, no
     * extension loading, and no further configuration changes.
     */
    public static void sandbox(Connection connection) {
        sandbox(connection, null, null);
    }

    /**
     * Locks a connection down for untrusted query text, as {@link #sandbox(Connection)}, and bounds
     * DuckDB's memory; beyond it DuckDB spills to {@code spillDir} (up to {@link QueryLimits#spillBytes()})
     * and then fails the query. The spill folder is the only one a sandboxed query can read, so it
     * must be a private, fresh one: never the store's own {@code .tmp} folder, which DuckDB uses by default.
     *
     * @param limits the memory limit, or null to leave DuckDB's
     * @param spillDir the private spill folder, or null for none (a query that outgrows memory fails)
     */
    public static void sandbox(Connection connection, QueryLimits limits, Path spillDir) {
        synchronized (CONFIGURATION) {
            lockDown(connection, limits, spillDir);
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
    public static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}
