package dev.trailhunt.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

/**
 * Writes a store's events as ECS Parquet, Hive-partitioned by the UTC day of {@code @timestamp}
 * ({@code dt=YYYY-MM-DD/}), with DuckDB's {@code COPY … (FORMAT parquet, PARTITION_BY (dt))}, and
 * prints the CREATE TABLE statements that let Athena and Trino read that layout.
 *
 * <p>The columns keep their ECS names (one quoted identifier each, dots included) and DuckDB types,
 * so the Trino translation reads the same fields the DuckDB one does. Rows are written in
 * {@code @timestamp}, {@code event.id} order so that row groups cover narrow time ranges.
 */
public final class ParquetExport {
    /** The partition column: the UTC day of {@code @timestamp} as {@code YYYY-MM-DD}. */
    public static final String PARTITION = "dt";

    private static final DSLContext SQL = DSL.using(SQLDialect.DUCKDB);

    private ParquetExport() {}

    /** Writes every event of the store behind {@code connection} under {@code dir}; returns the columns written. */
    static List<StoreColumn> write(Connection connection, Path dir) {
        List<StoreColumn> columns;
        try {
            columns = StoreSchema.columnsOf(connection, Store.EVENTS_TABLE);
        } catch (SQLException e) {
            throw new StoreException("cannot read the store's columns: " + Store.firstLine(e), e);
        }
        if (columns.isEmpty()) {
            throw new StoreException("the store has no " + Store.EVENTS_TABLE + " table; is it a trailhunt store?");
        }
        List<SelectField<?>> fields = new ArrayList<>();
        for (StoreColumn c : columns) {
            fields.add(DSL.field(DSL.name(c.name())));
        }
        Field<Object> ts = DSL.field(DSL.name("@timestamp"));
        fields.add(DSL.function("strftime", String.class, ts, DSL.inline("%Y-%m-%d")).as(PARTITION));
        String select = SQL.renderInlined(DSL.select(fields).from(DSL.table(DSL.name(Store.EVENTS_TABLE)))
                .orderBy(ts, DSL.field(DSL.name("event.id"))));
        // The folder is the operator's, never hunt text; jOOQ escapes it as a string literal.
        String target = SQL.renderInlined(DSL.inline(dir.toAbsolutePath().toString()));
        String copy = "COPY (" + select + ") TO " + target
                + " (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (" + PARTITION + "), OVERWRITE_OR_IGNORE true, FILENAME_PATTERN 'events_{uuid}')";
        try (Statement st = connection.createStatement()) {
            st.execute(copy);
        } catch (SQLException e) {
            throw new StoreException("cannot write Parquet to " + dir + ": " + Store.firstLine(e), e);
        }
        return columns;
    }

    /**
     * Returns Athena's (Glue's) CREATE EXTERNAL TABLE over the layout at {@code location} (an s3:// folder),
     * with partition projection on {@code dt} so that no partition needs adding as days arrive.
     */
    public static String athenaDdl(String table, String location, List<StoreColumn> columns) {
        StringBuilder b = new StringBuilder("CREATE EXTERNAL TABLE `").append(table).append("` (\n");
        for (int i = 0; i < columns.size(); i++) {
            StoreColumn c = columns.get(i);
            b.append("  `").append(c.name()).append("` ").append(hiveType(c.duckdbType())).append(i + 1 < columns.size() ? ",\n" : "\n");
        }
        String loc = location.endsWith("/") ? location : location + "/";
        return b.append(")\nPARTITIONED BY (`").append(PARTITION).append("` string)\n")
                .append("STORED AS PARQUET\n")
                .append("LOCATION '").append(loc).append("'\n")
                .append("TBLPROPERTIES (\n")
                .append("  'projection.enabled'='true',\n")
                .append("  'projection.dt.type'='date',\n")
                .append("  'projection.dt.format'='yyyy-MM-dd',\n")
                .append("  'projection.dt.interval'='1',\n")
                .append("  'projection.dt.interval.unit'='DAYS',\n")
                .append("  'projection.dt.range'='2013-11-01,NOW',\n")
                .append("  'storage.location.template'='").append(loc).append("dt=${dt}/');\n").toString();
    }

    /** Returns the CREATE TABLE for Trino's Hive connector over the layout at {@code location}. */
    public static String trinoDdl(String table, String location, List<StoreColumn> columns) {
        StringBuilder b = new StringBuilder("CREATE TABLE \"").append(table).append("\" (\n");
        for (StoreColumn c : columns) {
            b.append("  ").append(c.quoted()).append(' ').append(trinoType(c.duckdbType())).append(",\n");
        }
        return b.append("  \"").append(PARTITION).append("\" varchar\n)\nWITH (\n")
                .append("  format = 'PARQUET',\n")
                .append("  external_location = '").append(location).append("',\n")
                .append("  partitioned_by = ARRAY['").append(PARTITION).append("']\n);\n")
                .append("CALL system.sync_partition_metadata(current_schema, '").append(table).append("', 'ADD');\n").toString();
    }

    /** Maps a store column type to the Hive DDL type of its Parquet column. */
    static String hiveType(String duckdbType) {
        String t = duckdbType.toUpperCase(Locale.ROOT);
        if (t.endsWith("[]")) {
            return "array<" + hiveType(t.substring(0, t.length() - 2)) + ">";
        }
        return switch (t) {
            case "VARCHAR" -> "string";
            case "BOOLEAN" -> "boolean";
            case "BIGINT" -> "bigint";
            case "INTEGER" -> "int";
            case "DOUBLE" -> "double";
            case "TIMESTAMP" -> "timestamp";
            default -> throw new IllegalArgumentException("no Hive type for " + duckdbType);
        };
    }

    /** Maps a store column type to the Trino type of its Parquet column. */
    public static String trinoType(String duckdbType) {
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
}
