package dev.trailhunt.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens a DuckDB file with the JDBC driver alone, bypassing {@link Store}: tests check the bytes an
 * ingest wrote as any DuckDB client reads them, and benchmarks measure DuckDB itself.
 */
public final class RawDuckDb {
    private RawDuckDb() {}

    /** Opens {@code db} read-only; the caller closes the connection. */
    public static Connection openReadOnly(Path db) throws SQLException {
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), props);
    }

    /** Opens {@code db} for writing, creating it when absent; the caller closes the connection. */
    public static Connection open(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
    }
}
