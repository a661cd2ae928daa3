package dev.trailhunt.trino;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Copies a DuckDB store's events into a Trino memory table with the ECS Parquet layout's columns and
 * types (the same names, one quoted identifier each, plus the {@code dt} partition column), as
 * {@code export --parquet} writes them, through multi-row INSERT statements of literals.
 */
final class TrinoLoader {
    /** Keeps each INSERT well under Trino's default query.max-length of 1,000,000 characters. */
    private static final int MAX_STATEMENT_CHARS = 600_000;

    private TrinoLoader() {}

    /** Loads every event of {@code duckdb}'s events table into {@code table}; returns the number of rows. */
    static int load(Connection duckdb, Connection trino, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (Statement st = duckdb.createStatement();
                ResultSet rs = st.executeQuery("SELECT column_name, data_type FROM information_schema.columns "
                        + "WHERE table_name = 'events' ORDER BY ordinal_position")) {
            while (rs.next()) {
                names.add(rs.getString(1));
                types.add(rs.getString(2));
            }
        }
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(quote(table)).append(" (");
        for (int i = 0; i < names.size(); i++) {
            ddl.append(quote(names.get(i))).append(' ').append(trinoType(types.get(i))).append(", ");
        }
        ddl.append("\"dt\" varchar)");
        try (Statement st = trino.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + quote(table));
            st.execute(ddl.toString());
        }
        String insert = "INSERT INTO " + quote(table) + " VALUES ";
        StringBuilder batch = new StringBuilder(insert);
        int rows = 0;
        int inBatch = 0;
        try (Statement st = duckdb.createStatement();
                ResultSet rs = st.executeQuery("SELECT *, strftime(\"@timestamp\", '%Y-%m-%d') FROM events")) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder("(");
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? ", " : "").append(literal(rs.getObject(i), i <= types.size() ? types.get(i - 1) : "VARCHAR"));
                }
                row.append(')');
                if (inBatch > 0 && batch.length() + row.length() > MAX_STATEMENT_CHARS) {
                    execute(trino, batch.toString());
                    batch = new StringBuilder(insert);
                    inBatch = 0;
                }
                batch.append(inBatch > 0 ? ", " : "").append(row);
                inBatch++;
                rows++;
            }
        }
        if (inBatch > 0) {
            execute(trino, batch.toString());
        }
        return rows;
    }

    private static void execute(Connection trino, String sql) throws SQLException {
        try (Statement st = trino.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    static String trinoType(String duckdbType) {
        String t = duckdbType.toUpperCase(Locale.ROOT);
        if (t.endsWith("[]")) {
            return "array(" + trinoType(t.substring(0, t.length() - 2)) + ")";
        }
        return switch (t) {
            case "VARCHAR" -> "varchar";
            case "BOOLEAN" -> "boolean";
            case "BIGINT" -> "bigint";
            case "INTEGER" -> "integer";
            case "DOUBLE" -> "double";
            case "TIMESTAMP" -> "timestamp(6)";
            default -> throw new IllegalArgumentException("no Trino type for " + duckdbType);
        };
    }

    private static String literal(Object v, String duckdbType) throws SQLException {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Array a) {
            Object[] items = (Object[]) a.getArray();
            String element = duckdbType.substring(0, duckdbType.length() - 2);
            if (items.length == 0) {
                return "CAST(ARRAY[] AS " + trinoType(duckdbType) + ")";
            }
            StringBuilder b = new StringBuilder("ARRAY[");
            for (int i = 0; i < items.length; i++) {
                b.append(i > 0 ? ", " : "").append(literal(items[i], element));
            }
            return b.append(']').toString();
        }
        if (v instanceof Boolean bool) {
            return bool ? "true" : "false";
        }
        if (v instanceof Timestamp ts) {
            return timestamp(ts.toLocalDateTime());
        }
        if (v instanceof LocalDateTime t) {
            return timestamp(t);
        }
        if (v instanceof Double || v instanceof Float) {
            return "DOUBLE '" + v + "'";
        }
        if (v instanceof Number) {
            return v.toString();
        }
        return "'" + v.toString().replace("'", "''") + "'";
    }

    private static String timestamp(LocalDateTime t) {
        return String.format(Locale.ROOT, "TIMESTAMP '%04d-%02d-%02d %02d:%02d:%02d.%06d'", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000);
    }

    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
