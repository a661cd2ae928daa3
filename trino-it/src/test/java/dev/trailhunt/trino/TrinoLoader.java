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
 * {@code export --parquet} writes them, through INSERTs that unnest a JSON array of rows. The source
 * may also be a view over the Parquet files {@code export --parquet} wrote, whose Hive partition
 * columns ({@code dt}, and {@code account}, {@code region} when partitioned so) then come along as they are.
 */
final class TrinoLoader {
    /** Keeps each INSERT well under Trino's default query.max-length of 1,000,000 characters. */
    private static final int MAX_STATEMENT_CHARS = 900_000;

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
        // A store has no dt column: it is derived here as export --parquet derives it; Parquet read back has its own.
        boolean derivedDay = !names.contains("dt");
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(quote(table)).append(" (");
        for (int i = 0; i < names.size(); i++) {
            ddl.append(i > 0 ? ", " : "").append(quote(names.get(i))).append(' ').append(trinoType(types.get(i)));
        }
        ddl.append(derivedDay ? ", \"dt\" varchar)" : ")");
        try (Statement st = trino.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + quote(table));
            st.execute(ddl.toString());
        }
        // One string literal of JSON rows per statement, cast to an ARRAY(ROW(...)) and unnested: Trino
        // parses one literal quickly, where a VALUES list of thousands of expressions takes minutes to plan.
        // Timestamps travel as text (JSON casts to no timestamp type) and are cast back in the SELECT.
        StringBuilder rowType = new StringBuilder("ARRAY(ROW(");
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            boolean ts = types.get(i).equalsIgnoreCase("TIMESTAMP");
            rowType.append(i > 0 ? ", " : "").append(quote(names.get(i))).append(' ').append(ts ? "varchar" : trinoType(types.get(i)));
            select.append(i > 0 ? ", " : "").append(ts ? "CAST(r." + quote(names.get(i)) + " AS timestamp(6))" : "r." + quote(names.get(i)));
        }
        rowType.append(derivedDay ? ", \"dt\" varchar))" : "))");
        select.append(derivedDay ? ", r.\"dt\"" : "");
        String head = "INSERT INTO " + quote(table) + " SELECT " + select + " FROM UNNEST(CAST(json_parse('";
        String tail = "') AS " + rowType + ")) AS r";
        int rows = 0;
        StringBuilder batch = new StringBuilder();
        int inBatch = 0;
        try (Statement st = duckdb.createStatement();
                ResultSet rs = st.executeQuery(derivedDay ? "SELECT *, strftime(\"@timestamp\", '%Y-%m-%d') FROM events" : "SELECT * FROM events")) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder("{");
                for (int i = 1; i <= n; i++) {
                    String name = i <= names.size() ? names.get(i - 1) : "dt";
                    row.append(i > 1 ? "," : "").append(json(name)).append(':').append(jsonValue(rs.getObject(i)));
                }
                row.append('}');
                String escaped = row.toString().replace("'", "''");
                if (inBatch > 0 && head.length() + batch.length() + escaped.length() + tail.length() + 2 > MAX_STATEMENT_CHARS) {
                    execute(trino, head + "[" + batch + "]" + tail);
                    batch = new StringBuilder();
                    inBatch = 0;
                }
                batch.append(inBatch > 0 ? "," : "").append(escaped);
                inBatch++;
                rows++;
            }
        }
        if (inBatch > 0) {
            execute(trino, head + "[" + batch + "]" + tail);
        }
        return rows;
    }

    private static String jsonValue(Object v) throws SQLException {
        if (v == null) {
            return "null";
        }
        if (v instanceof Array a) {
            StringBuilder b = new StringBuilder("[");
            Object[] items = (Object[]) a.getArray();
            for (int i = 0; i < items.length; i++) {
                b.append(i > 0 ? "," : "").append(jsonValue(items[i]));
            }
            return b.append(']').toString();
        }
        if (v instanceof Timestamp t) {
            return json(timestampText(t.toLocalDateTime()));
        }
        if (v instanceof LocalDateTime t) {
            return json(timestampText(t));
        }
        if (v instanceof Boolean || v instanceof Number) {
            return v.toString();
        }
        return json(v.toString());
    }

    /** Quotes a JSON string, escaping what JSON requires. */
    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String timestampText(LocalDateTime t) {
        return String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d.%06d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000);
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

    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
