package dev.trailhunt.engine;

import java.nio.file.Path;
import dev.trailhunt.model.PartitionLayout;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

/**
 * Writes a store's events as ECS Parquet, Hive-partitioned as a {@link PartitionLayout} says: by the
 * UTC day of {@code @timestamp} ({@code dt=YYYY-MM-DD/}), optionally then by account and region
 * ({@code dt=…/account=…/region=…/}), with DuckDB's {@code COPY … (FORMAT parquet, PARTITION_BY …)},
 * and prints the CREATE TABLE statements that let Athena and Trino read that layout.
 *
 * <p>The columns keep their ECS names (one quoted identifier each, dots included) and DuckDB types,
 * so the Trino translation reads the same fields the DuckDB one does. Rows are written in
 * {@code @timestamp}, {@code event.id} order so that row groups cover narrow time ranges.
 */
public final class ParquetExport {
    /** The partition column: the UTC day of {@code @timestamp} as {@code YYYY-MM-DD}. */
    public static final String PARTITION = PartitionLayout.DAY;

    private static final DSLContext SQL = DSL.using(SQLDialect.DUCKDB);

    /**
     * Describes what an export wrote.
     *
     * @param columns the event columns, in store order (the partition columns come after them)
     * @param layout the partitions
     * @param values for the account and region partitions, the values written, sorted (Athena's enum projection lists them)
     */
    public record Written(List<StoreColumn> columns, PartitionLayout layout, Map<String, List<String>> values) {}

    private ParquetExport() {}

    /** Writes every event of the store behind {@code connection} under {@code dir}; returns what was written. */
    static Written write(Connection connection, Path dir, PartitionLayout layout) {
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
        Map<String, Field<String>> partitions = partitionValues(layout, columns);
        partitions.forEach((name, value) -> fields.add(value.as(name)));
        Field<Object> ts = DSL.field(DSL.name("@timestamp"));
        String select = SQL.renderInlined(DSL.select(fields).from(DSL.table(DSL.name(Store.EVENTS_TABLE)))
                .orderBy(ts, DSL.field(DSL.name("event.id"))));
        // The folder is the operator's, never hunt text; jOOQ escapes it as a string literal.
        String target = SQL.renderInlined(DSL.inline(dir.toAbsolutePath().toString()));
        String copy = "COPY (" + select + ") TO " + target
                + " (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (" + String.join(", ", layout.columns())
                + "), OVERWRITE_OR_IGNORE true, FILENAME_PATTERN 'events_{uuid}')";
        Map<String, List<String>> values = new LinkedHashMap<>();
        try (Statement st = connection.createStatement()) {
            st.execute(copy);
            for (Map.Entry<String, Field<String>> p : partitions.entrySet()) {
                if (p.getKey().equals(PartitionLayout.DAY)) {
                    continue;
                }
                List<String> seen = new ArrayList<>();
                try (ResultSet rs = st.executeQuery(SQL.renderInlined(DSL.selectDistinct(p.getValue())
                        .from(DSL.table(DSL.name(Store.EVENTS_TABLE))).orderBy(DSL.inline(1))))) {
                    while (rs.next()) {
                        seen.add(rs.getString(1));
                    }
                }
                values.put(p.getKey(), List.copyOf(seen));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot write Parquet to " + dir + ": " + Store.firstLine(e), e);
        }
        return new Written(columns, layout, values);
    }

    /**
     * Returns each partition column's value: the UTC day, and the account or region when it is a plain
     * name ({@link PartitionLayout#isPlain}'s pattern, checked by DuckDB), else {@link PartitionLayout#OTHER}.
     */
    private static Map<String, Field<String>> partitionValues(PartitionLayout layout, List<StoreColumn> columns) {
        Map<String, Field<String>> out = new LinkedHashMap<>();
        out.put(PartitionLayout.DAY, DSL.function("strftime", String.class, DSL.field(DSL.name("@timestamp")), DSL.inline("%Y-%m-%d")));
        Map<String, String> byPartition = new LinkedHashMap<>();
        layout.fieldPartitions().forEach((field, column) -> byPartition.put(column, field));
        for (Map.Entry<String, String> p : byPartition.entrySet()) {
            boolean present = columns.stream().anyMatch(c -> c.name().equals(p.getValue()));
            Field<String> v = DSL.field(DSL.name(p.getValue()), String.class);
            out.put(p.getKey(), present
                    ? DSL.when(DSL.condition("regexp_full_match({0}, {1})", v, DSL.inline(PartitionLayout.PLAIN_PATTERN)), v)
                            .otherwise(DSL.inline(PartitionLayout.OTHER))
                    : DSL.inline(PartitionLayout.OTHER));
        }
        return out;
    }

    /**
     * Returns Athena's (Glue's) CREATE EXTERNAL TABLE over the layout at {@code location} (an s3:// folder),
     * with partition projection so that no partition needs adding as days arrive: {@code dt} as a date,
     * account and region as enums of the values written (Athena's {@code injected} type would make every
     * query name an account and a region, which hunts over all of them do not).
     */
    public static String athenaDdl(String table, String location, Written written) {
        List<StoreColumn> columns = written.columns();
        StringBuilder b = new StringBuilder("CREATE EXTERNAL TABLE `").append(table).append("` (\n");
        for (int i = 0; i < columns.size(); i++) {
            StoreColumn c = columns.get(i);
            b.append("  `").append(c.name()).append("` ").append(hiveType(c.duckdbType())).append(i + 1 < columns.size() ? ",\n" : "\n");
        }
        String loc = location.endsWith("/") ? location : location + "/";
        List<String> parts = written.layout().columns();
        b.append(")\nPARTITIONED BY (");
        for (int i = 0; i < parts.size(); i++) {
            b.append(i > 0 ? ", `" : "`").append(parts.get(i)).append("` string");
        }
        b.append(")\nSTORED AS PARQUET\n")
                .append("LOCATION '").append(loc).append("'\n")
                .append("TBLPROPERTIES (\n")
                .append("  'projection.enabled'='true',\n")
                .append("  'projection.dt.type'='date',\n")
                .append("  'projection.dt.format'='yyyy-MM-dd',\n")
                .append("  'projection.dt.interval'='1',\n")
                .append("  'projection.dt.interval.unit'='DAYS',\n")
                .append("  'projection.dt.range'='2013-11-01,NOW',\n");
        StringBuilder template = new StringBuilder(loc);
        for (String p : parts) {
            template.append(p).append("=${").append(p).append("}/");
            if (!p.equals(PartitionLayout.DAY)) {
                b.append("  'projection.").append(p).append(".type'='enum',\n")
                        .append("  'projection.").append(p).append(".values'='")
                        .append(String.join(",", written.values().getOrDefault(p, List.of(PartitionLayout.OTHER)))).append("',\n");
            }
        }
        return b.append("  'storage.location.template'='").append(template).append("');\n").toString();
    }

    /** Returns the CREATE TABLE for Trino's Hive connector over the layout at {@code location}. */
    public static String trinoDdl(String table, String location, Written written) {
        StringBuilder b = new StringBuilder("CREATE TABLE \"").append(table).append("\" (\n");
        for (StoreColumn c : written.columns()) {
            b.append("  ").append(c.quoted()).append(' ').append(trinoType(c.duckdbType())).append(",\n");
        }
        List<String> parts = written.layout().columns();
        // The Hive connector wants the partition columns last, in folder order.
        for (int i = 0; i < parts.size(); i++) {
            b.append("  \"").append(parts.get(i)).append("\" varchar").append(i + 1 < parts.size() ? ",\n" : "\n");
        }
        return b.append(")\nWITH (\n")
                .append("  format = 'PARQUET',\n")
                .append("  external_location = '").append(location).append("',\n")
                .append("  partitioned_by = ARRAY['").append(String.join("', '", parts)).append("']\n);\n")
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
