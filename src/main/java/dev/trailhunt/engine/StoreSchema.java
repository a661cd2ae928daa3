package dev.trailhunt.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Defines the store's tables: {@code events} (ECS columns plus provenance) and {@code files}.
 *
 * <p>The DDL is produced from the column list so that {@code sql/schema.sql} and the code never
 * drift; a test regenerates the file and compares it.
 */
public final class StoreSchema {
    /** Lists the columns of the {@code files} table, the record of every input the store has seen. */
    public static final List<StoreColumn> FILE_COLUMNS = List.of(
            new StoreColumn("path", "VARCHAR"),
            new StoreColumn("size", "BIGINT"),
            new StoreColumn("sha256", "VARCHAR"),
            new StoreColumn("compression", "VARCHAR"),
            new StoreColumn("format", "VARCHAR"),
            new StoreColumn("events", "BIGINT"),
            new StoreColumn("status", "VARCHAR"),
            new StoreColumn("reason", "VARCHAR"));

    /**
     * Names the columns stored with zstd instead of DuckDB's automatic choice. {@code event.original}
     * (~1.3 KB of JSON per event) cost the single loading thread ~11 us per event under the automatic
     * DICT_FSST analysis and ~3.5 us with zstd (200k generated events: loader 5.8 -> 4.5 CPU-s), and
     * the store shrank from 209 to 70 MB; DuckDB 1.2 and later read zstd segments.
     */
    static final java.util.Set<String> ZSTD_COLUMNS = java.util.Set.of("event.original");

    private StoreSchema() {}

    /** Renders the DDL creating both tables (the text of {@code sql/schema.sql}), statements ending in semicolons. */
    public static String ddl(List<StoreColumn> eventColumns) {
        return "-- trailhunt store schema (DuckDB). Generated from the code; SchemaSqlTest keeps this file in sync.\n"
                + "-- events: one row per CloudTrail record, columns named by their ECS field names;\n"
                + "-- log.file.path/log.offset say where the record came from, event.hash = sha256(event.original).\n"
                + "-- files: one row per input file (or zip entry) the store has seen.\n"
                + table(Store.EVENTS_TABLE, eventColumns, null)
                + "\n"
                + table(Store.FILES_TABLE, FILE_COLUMNS, "path, sha256")
                + "\n-- geoip: the GeoIP/ASN databases that enriched source.geo.* / source.as.* (provenance).\n"
                + GeoEnrichment.ddl();
    }

    /** Creates the tables when absent and refuses a store whose events columns differ from {@code eventColumns}. */
    static void ensure(Connection connection, List<StoreColumn> eventColumns) {
        try {
            List<StoreColumn> existing = columnsOf(connection, Store.EVENTS_TABLE);
            if (existing.isEmpty()) {
                try (Statement st = connection.createStatement()) {
                    st.execute(ddl(eventColumns));
                }
                return;
            }
            if (!existing.equals(eventColumns)) {
                throw new StoreException("the store's events table has a different layout than this trailhunt version writes"
                        + " (" + existing.size() + " vs " + eventColumns.size() + " columns); ingest into a new --db");
            }
        } catch (SQLException e) {
            throw new StoreException("cannot prepare the store: " + Store.firstLine(e), e);
        }
    }

    /** Reads a table's columns from the catalog, in table order; empty when the table does not exist. */
    static List<StoreColumn> columnsOf(Connection connection, String table) throws SQLException {
        List<StoreColumn> out = new ArrayList<>();
        try (var ps = connection.prepareStatement(
                "SELECT column_name, data_type FROM information_schema.columns"
                        + " WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoreColumn(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    private static String table(String name, List<StoreColumn> columns, String primaryKey) {
        StringBuilder sb = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(name).append(" (\n");
        for (int i = 0; i < columns.size(); i++) {
            StoreColumn c = columns.get(i);
            sb.append("  ").append(c.quoted()).append(' ').append(c.duckdbType());
            if (ZSTD_COLUMNS.contains(c.name())) {
                sb.append(" USING COMPRESSION zstd");
            }
            sb.append(i + 1 < columns.size() || primaryKey != null ? ",\n" : "\n");
        }
        if (primaryKey != null) {
            sb.append("  PRIMARY KEY (").append(primaryKey).append(")\n");
        }
        return sb.append(");\n").toString();
    }
}
