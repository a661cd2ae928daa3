package dev.trailhunt.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import org.duckdb.DuckDBResultSetMetaData;
import org.duckdb.StatementReturnType;

/**
 * Runs a hunter's own DuckDB SQL on a sandboxed store connection: exactly one statement, and it must be a query.
 *
 * <p>The query runs wrapped in an outer query that DuckDB cannot be talked out of: it applies the
 * row cap as a LIMIT (so DuckDB stops producing rows there, instead of trailhunt reading and
 * dropping them) and turns every column into a value ES|QL's model can hold: datetimes of every
 * precision and zone become epoch microseconds, and types without an ES|QL counterpart (UUID,
 * INTERVAL, STRUCT, MAP, BLOB, TIME, …) become DuckDB's own text for them. A value that still cannot
 * be shown (an infinite datetime, an integer wider than 64 bits) fails the query with the column's
 * name instead of being dropped.
 */
public final class SandboxedSql {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Lists the DuckDB types read as they come: ES|QL has a type for each. */
    private static final Set<String> NATIVE = Set.of("BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT",
            "USMALLINT", "UINTEGER", "FLOAT", "DOUBLE", "VARCHAR", "\"NULL\"", "NULL", "HUGEINT", "UHUGEINT", "UBIGINT");
    /** Lists the DuckDB types read as epoch microseconds. */
    private static final Set<String> DATETIMES = Set.of("TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS",
            "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ");

    private SandboxedSql() {}

    /** Describes how one column of the hunter's query is read. */
    private enum Kind {
        /** Read as the JDBC value. */
        AS_IS,
        /** Read as epoch microseconds, or a list of them: every precision and zone fits. */
        DATETIME,
        /** Read as days since 1970-01-01: DuckDB's dates reach years that microseconds cannot count. */
        DATE,
        /** Read as DuckDB's text for the value, or a list of texts. */
        TEXT
    }

    private record Column(ResultColumn result, Kind kind, boolean list) {}

    /**
     * Holds the rows of a capped query.
     *
     * @param table at most the cap's rows
     * @param capped whether the query had more rows than the cap
     */
    public record Capped(ResultTable table, boolean capped) {}

    /**
     * Runs one query and returns at most {@code maxRows} rows in ES|QL's value model.
     *
     * @throws SqlRejectedException when the text is not a single query or DuckDB rejects it
     * @throws QueryLimitException when the query hits the time or memory limit of its {@link QueryGuard}
     */
    static ResultTable run(Connection sandboxed, String sql, int maxRows) {
        return runCapped(sandboxed, sql, maxRows).table();
    }

    /** Runs one query as {@link #run} does and also tells whether rows beyond the cap were left out. */
    static Capped runCapped(Connection sandboxed, String sql, int maxRows) {
        String text = withoutTrailingSemicolons(sql);
        requireOneQuery(sandboxed, text);
        List<Column> columns = describe(sandboxed, text);
        List<ResultColumn> result = columns.stream().map(Column::result).toList();
        // One row past the cap tells whether the cap cut the answer, so that it is never cut silently.
        try (PreparedStatement ps = sandboxed.prepareStatement(capped(text, columns, maxRows + 1L));
                QueryGuard.Watch w = QueryGuard.watch(ps)) {
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 0; i < columns.size(); i++) {
                        row.add(cell(rs.getObject(i + 1), columns.get(i)));
                    }
                    rows.add(Collections.unmodifiableList(row));
                }
            } catch (OutOfMemoryError e) {
                rows = null;
                throw QueryGuard.heapExhausted(e);
            }
            boolean cut = rows.size() > maxRows;
            return new Capped(new ResultTable(result, cut ? rows.subList(0, maxRows) : rows), cut);
        } catch (SQLException e) {
            throw failure("the SQL failed: ", e);
        }
    }

    /** Prepares the hunter's text alone to learn its columns, refusing anything but a query. */
    private static List<Column> describe(Connection sandboxed, String text) {
        try (PreparedStatement ps = sandboxed.prepareStatement(text); QueryGuard.Watch w = QueryGuard.watch(ps)) {
            ResultSetMetaData meta = ps.getMetaData();
            if (meta.unwrap(DuckDBResultSetMetaData.class).getReturnType() != StatementReturnType.QUERY_RESULT) {
                throw new SqlRejectedException("only a query (SELECT, WITH, FROM …) may run on the store; this statement changes something");
            }
            List<Column> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(column(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
            }
            return columns;
        } catch (SQLException e) {
            throw failure("DuckDB rejected the SQL: ", e);
        }
    }

    /**
     * Wraps the hunter's query: its columns renamed by position (names may repeat), converted, and
     * capped. The text sits on lines of its own, so a trailing {@code --} comment ends there; any
     * other trick that hides the closing part leaves the parenthesis open and the SQL invalid.
     */
    private static String capped(String text, List<Column> columns, long maxRows) {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner select = new StringJoiner(", ");
        for (int i = 0; i < columns.size(); i++) {
            String c = "c" + (i + 1);
            names.add(c);
            select.add(projection(c, columns.get(i)));
        }
        return "SELECT " + select + " FROM (\n" + text + "\n) AS trailhunt_hunt(" + names + ") LIMIT " + maxRows;
    }

    private static String projection(String c, Column column) {
        return switch (column.kind()) {
            case AS_IS -> c;
            case TEXT -> "CAST(" + c + " AS VARCHAR" + (column.list() ? "[])" : ")");
            case DATETIME, DATE -> {
                String message = literal("column " + column.result().name()
                        + " holds an infinite date or time, which ES|QL cannot show; cast it to VARCHAR");
                String number = column.kind() == Kind.DATE ? "(%1$s - DATE '1970-01-01')" : "epoch_us(%1$s)";
                String one = "CASE WHEN isinf(%1$s) THEN error(" + message + ") ELSE " + number + " END";
                yield column.list()
                        ? "list_transform(" + c + ", lambda e: " + one.formatted("e") + ")"
                        : one.formatted(c);
            }
        };
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Decides how a column of a DuckDB type is read and which ES|QL type it shows as. */
    private static Column column(String label, String duckdbType) {
        String t = duckdbType.toUpperCase(Locale.ROOT);
        boolean list = t.endsWith("[]");
        String element = list ? t.substring(0, t.length() - 2) : t;
        if (NATIVE.contains(element) || element.startsWith("DECIMAL")) {
            return new Column(new ResultColumn(label, typeOf(element)), Kind.AS_IS, list);
        }
        if (DATETIMES.contains(element) || element.equals("DATE")) {
            return new Column(new ResultColumn(label, ValueType.DATETIME), element.equals("DATE") ? Kind.DATE : Kind.DATETIME, list);
        }
        // A list of lists, structs or other composites is shown as text, with no ES|QL type of its own.
        ValueType type = element.endsWith("]") ? ValueType.UNSUPPORTED : typeOf(element);
        return new Column(new ResultColumn(label, type), Kind.TEXT, list);
    }

    /**
     * Asks DuckDB's own parser, without running anything, whether the text is exactly one SELECT:
     * the JDBC driver's prepare runs every statement but the last, so "COPY …; SELECT 1" must be
     * refused before it is prepared. The parse tree is then checked for names hunts may not use.
     */
    private static void requireOneQuery(Connection sandboxed, String sql) {
        String json;
        try (PreparedStatement ps = sandboxed.prepareStatement("SELECT json_serialize_sql(CAST(? AS VARCHAR))");
                QueryGuard.Watch w = QueryGuard.watch(ps)) {
            ps.setString(1, sql);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                json = rs.getString(1);
            }
        } catch (SQLException e) {
            throw failure("cannot check the SQL before running it: ", e);
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
        HiddenFromHunts.check(parsed.path("statements"), sql);
    }

    /** Returns the failure to report: the limit that stopped the query, or DuckDB's own error line. */
    private static RuntimeException failure(String prefix, SQLException e) {
        QueryLimitException limit = QueryGuard.limitFor(e);
        return limit != null ? limit : new SqlRejectedException(prefix + Store.firstLine(e), e);
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
        if (t.startsWith("ENUM")) {
            return ValueType.KEYWORD;
        }
        if (DATETIMES.contains(t) || t.equals("DATE")) {
            return ValueType.DATETIME;
        }
        return switch (t) {
            case "VARCHAR", "JSON" -> ValueType.KEYWORD;
            case "TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT" -> ValueType.INTEGER;
            case "BIGINT", "UINTEGER", "HUGEINT", "UHUGEINT" -> ValueType.LONG;
            case "UBIGINT" -> ValueType.UNSIGNED_LONG;
            case "FLOAT", "DOUBLE" -> ValueType.DOUBLE;
            case "BOOLEAN" -> ValueType.BOOLEAN;
            case "INET" -> ValueType.IP;
            case "\"NULL\"", "NULL" -> ValueType.NULL;
            default -> ValueType.UNSUPPORTED;
        };
    }

    private static Object cell(Object v, Column column) throws SQLException {
        if (v instanceof Array a) {
            List<Object> list = new ArrayList<>();
            for (Object o : (Object[]) a.getArray()) {
                if (o != null) {
                    list.add(scalar(o, column));
                }
            }
            // ES|QL shows a one-element multi-value as its element and an empty one as null.
            return list.isEmpty() ? null : list.size() == 1 ? list.get(0) : List.copyOf(list);
        }
        return v == null ? null : scalar(v, column);
    }

    private static Object scalar(Object v, Column column) {
        if (column.kind() == Kind.DATETIME && v instanceof Number micros) {
            long us = micros.longValue();
            return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
        }
        if (column.kind() == Kind.DATE && v instanceof Number days) {
            return Instant.ofEpochSecond(days.longValue() * 86_400L);
        }
        if (v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Double || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v instanceof Float f) {
            return (double) f;
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof BigInteger b) {
            if (b.bitLength() < 64) {
                return b.longValue();
            }
            throw new SqlRejectedException("column " + column.result().name() + " holds " + b
                    + ", more than a 64-bit integer holds; cast it in the SQL, e.g. to DOUBLE or VARCHAR");
        }
        // Every other type was cast to text by the wrapping query; a driver surprise is still shown, never thrown.
        return String.valueOf(v);
    }
}
