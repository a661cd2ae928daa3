package dev.trailhunt.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBResultSetMetaData;
import org.duckdb.StatementReturnType;

/**
 * Runs a hunter's own DuckDB SQL on a sandboxed store connection: exactly one statement, and it must be a query.
 */
public final class SandboxedSql {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxedSql() {}

    /**
     * Runs one query and returns at most {@code maxRows} rows in ES|QL's value model.
     *
     * @throws SqlRejectedException when the text is not a single query or DuckDB rejects it
     */
    public static ResultTable run(Connection sandboxed, String sql, int maxRows) {
        String text = withoutTrailingSemicolons(sql);
        requireOneQuery(sandboxed, text);
        PreparedStatement ps;
        try {
            ps = sandboxed.prepareStatement(text);
        } catch (SQLException e) {
            throw new SqlRejectedException("DuckDB rejected the SQL: " + Store.firstLine(e), e);
        }
        try (ps) {
            ResultSetMetaData meta = ps.getMetaData();
            if (meta.unwrap(DuckDBResultSetMetaData.class).getReturnType() != StatementReturnType.QUERY_RESULT) {
                throw new SqlRejectedException("only a query (SELECT, WITH, FROM …) may run on the store; this statement changes something");
            }
            List<ResultColumn> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(new ResultColumn(meta.getColumnLabel(i), typeOf(meta.getColumnTypeName(i))));
            }
            ps.setMaxRows(maxRows);
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && rows.size() < maxRows) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(multiValue(rs.getObject(i)));
                    }
                    rows.add(java.util.Collections.unmodifiableList(row));
                }
            }
            return new ResultTable(columns, rows);
        } catch (SQLException e) {
            throw new SqlRejectedException("the SQL failed: " + Store.firstLine(e), e);
        }
    }

    /**
     * Asks DuckDB's own parser, without running anything, whether the text is exactly one SELECT:
     * the JDBC driver's prepare runs every statement but the last, so "COPY …; SELECT 1" must be
     * refused before it is prepared.
     */
    private static void requireOneQuery(Connection sandboxed, String sql) {
        String json;
        try (PreparedStatement ps = sandboxed.prepareStatement("SELECT json_serialize_sql(CAST(? AS VARCHAR))")) {
            ps.setString(1, sql);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                json = rs.getString(1);
            }
        } catch (SQLException e) {
            throw new SqlRejectedException("cannot check the SQL before running it: " + Store.firstLine(e), e);
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SqlRejectedException("cannot check the SQL before running it: DuckDB's parser said " + json, e);
        }
        if (parsed.path("error").asBoolean(true)) {
            if ("not implemented".equals(parsed.path("error_type").asText())) {
                throw new SqlRejectedException("only a query (SELECT, WITH, FROM …) may run on the store; this SQL holds another kind of statement");
            }
            throw new SqlRejectedException("DuckDB rejected the SQL: " + parsed.path("error_message").asText());
        }
        int statements = parsed.path("statements").size();
        if (statements != 1) {
            throw new SqlRejectedException("only one statement may run on the store; this SQL has " + statements);
        }
    }

    private static String withoutTrailingSemicolons(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.isEmpty()) {
            throw new SqlRejectedException("the SQL is empty");
        }
        return s;
    }

    /** Maps a DuckDB type name to the ES|QL type a hunter would see for it. */
    static ValueType typeOf(String duckdbType) {
        String t = duckdbType.toUpperCase(Locale.ROOT);
        if (t.endsWith("[]")) {
            return typeOf(t.substring(0, t.length() - 2));
        }
        if (t.startsWith("DECIMAL")) {
            return ValueType.DOUBLE;
        }
        if (t.startsWith("TIMESTAMP") || t.equals("DATE")) {
            return ValueType.DATETIME;
        }
        return switch (t) {
            case "VARCHAR" -> ValueType.KEYWORD;
            case "TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT" -> ValueType.INTEGER;
            case "BIGINT", "UINTEGER", "HUGEINT" -> ValueType.LONG;
            case "UBIGINT" -> ValueType.UNSIGNED_LONG;
            case "FLOAT", "DOUBLE" -> ValueType.DOUBLE;
            case "BOOLEAN" -> ValueType.BOOLEAN;
            case "INET" -> ValueType.IP;
            case "\"NULL\"", "NULL" -> ValueType.NULL;
            default -> ValueType.UNSUPPORTED;
        };
    }

    private static Object multiValue(Object v) throws SQLException {
        if (v instanceof Array a) {
            Object[] items = (Object[]) a.getArray();
            List<Object> list = new ArrayList<>();
            for (Object o : Arrays.asList(items)) {
                if (o != null) {
                    list.add(scalar(o));
                }
            }
            // ES|QL shows a one-element multi-value as its element and an empty one as null.
            return list.isEmpty() ? null : list.size() == 1 ? list.get(0) : List.copyOf(list);
        }
        return v == null ? null : scalar(v);
    }

    private static Object scalar(Object v) {
        if (v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Double || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Short s) {
            return (int) s;
        }
        if (v instanceof Byte b) {
            return (int) b;
        }
        if (v instanceof Float f) {
            return (double) f;
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof java.math.BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b.toString();
        }
        if (v instanceof Timestamp ts) {
            // DuckDB's JDBC driver builds Timestamps from local fields; the store runs in UTC.
            return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (v instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        if (v instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (v instanceof Instant i) {
            return i;
        }
        return v.toString();
    }
}
