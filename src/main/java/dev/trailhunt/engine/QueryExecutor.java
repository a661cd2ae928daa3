package dev.trailhunt.engine;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs translated SQL on DuckDB and reads the rows into ES|QL's value model.
 *
 * <p>The SQL's select list must match {@code columns} one to one; each cell is converted by the
 * column's ES|QL type, and a LIST cell becomes a multi-value (one element: the element itself;
 * empty: null), as ES|QL reports them.
 */
final class QueryExecutor {
    private QueryExecutor() {}

    /** Executes one query and returns its rows typed by {@code columns}. */
    static ResultTable execute(Connection connection, String sql, List<ResultColumn> columns) {
        return execute(connection, sql, columns, false);
    }

    /**
     * Executes one query and returns its rows typed by {@code columns}.
     *
     * @param timestampsAsText whether datetimes are read from their text, for drivers (trino-jdbc 435)
     *     that cannot give a {@code LocalDateTime}
     */
    static ResultTable execute(Connection connection, String sql, List<ResultColumn> columns, boolean timestampsAsText) {
        try (Statement st = connection.createStatement(); QueryGuard.Watch w = QueryGuard.watch(st);
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            if (n != columns.size()) {
                throw new IllegalStateException("query returns " + n + " columns, expected " + columns.size());
            }
            List<List<Object>> rows = new ArrayList<>();
            try {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        row.add(cell(rs, i + 1, columns.get(i), timestampsAsText));
                    }
                    rows.add(Collections.unmodifiableList(row));
                }
            } catch (OutOfMemoryError e) {
                rows = null;
                throw QueryGuard.heapExhausted(e);
            }
            return new ResultTable(columns, rows);
        } catch (SQLException e) {
            QueryLimitException limit = QueryGuard.limitFor(e);
            throw limit != null ? limit : new QueryException("query failed: " + reason(e), e);
        }
    }

    /** Returns DuckDB's own error line; the JDBC driver puts a generic line before it. */
    private static String reason(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        for (String line : m.split("\n")) {
            if (line.startsWith("Error: ")) {
                return line.substring("Error: ".length()).trim();
            }
        }
        return Store.firstLine(e);
    }

    /**
     * Reads one cell; a value the driver or Java cannot represent (a time past 24:00, a datetime out
     * of Java's range) fails the query with the column's name instead of escaping as a crash.
     */
    private static Object cell(ResultSet rs, int index, ResultColumn column, boolean timestampsAsText) throws SQLException {
        try {
            return cell(rs, index, column.type(), timestampsAsText);
        } catch (RuntimeException e) {
            throw new QueryException("query failed: column " + column.name() + " holds a value trailhunt cannot read as "
                    + column.type().esqlName() + ": " + e.getMessage(), e);
        }
    }

    private static Object cell(ResultSet rs, int index, ValueType type, boolean timestampsAsText) throws SQLException {
        Object raw = type == ValueType.DATETIME || type == ValueType.DATE_NANOS
                ? datetimeOrArray(rs, index, timestampsAsText)
                : rs.getObject(index);
        if (raw == null) {
            return null;
        }
        if (raw instanceof Array array) {
            Object[] values = (Object[]) array.getArray();
            List<Object> out = new ArrayList<>(values.length);
            for (Object v : values) {
                if (v != null) {
                    out.add(convert(v, type));
                }
            }
            if (out.isEmpty()) {
                return null;
            }
            return out.size() == 1 ? out.get(0) : Collections.unmodifiableList(out);
        }
        return convert(raw, type);
    }

    private static Object datetimeOrArray(ResultSet rs, int index, boolean timestampsAsText) throws SQLException {
        Object raw = rs.getObject(index);
        if (raw == null || raw instanceof Array) {
            return raw;
        }
        if (timestampsAsText) {
            // trino-jdbc 435 cannot give a LocalDateTime; its text is the exact wall clock, at any precision.
            return wallClock(rs.getString(index));
        }
        return rs.getObject(index, LocalDateTime.class);
    }

    /** Reads a timestamp's text, {@code 2026-11-26 23:55:19.123456}, as Trino prints it. */
    static LocalDateTime wallClock(String text) {
        return text == null ? null : LocalDateTime.parse(text.replace(' ', 'T'));
    }

    private static Object convert(Object v, ValueType type) {
        switch (type) {
            case INTEGER:
                return ((Number) v).intValue();
            case LONG:
            case UNSIGNED_LONG:
                return v instanceof BigInteger b ? b.longValue() : ((Number) v).longValue();
            case DOUBLE:
                return v instanceof BigDecimal d ? d.doubleValue() : ((Number) v).doubleValue();
            case BOOLEAN:
                return v;
            case DATETIME:
            case DATE_NANOS:
                return instant(v);
            case NULL:
                return null;
            default:
                return v.toString();
        }
    }

    private static Instant instant(Object v) {
        if (v instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        if (v instanceof Timestamp ts) {
            // DuckDB builds list elements from the wall-clock fields, so read them back the same way.
            return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (v instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("not a datetime: " + v.getClass().getName());
    }
}
