package dev.trailhunt.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Refreshes the GeoIP/ASN columns of a store's events per distinct {@code source.ip}, and records which
 * databases enriched the store in the {@code geoip} table, for provenance.
 *
 * <p>Column names are trailhunt's own constants, quoted as one identifier each; addresses and values
 * travel as parameters.
 */
final class GeoEnrichment {
    private static final String SOURCE_IP = "source.ip";
    private static final String LOOKUP_TABLE = "trailhunt_geo_lookup";
    /** The columns of the {@code geoip} table, in order. */
    static final List<StoreColumn> COLUMNS = List.of(new StoreColumn("kind", "VARCHAR"),
            new StoreColumn("name", "VARCHAR"), new StoreColumn("type", "VARCHAR"),
            new StoreColumn("build_date", "VARCHAR"), new StoreColumn("sha256", "VARCHAR"));

    private GeoEnrichment() {
    }

    /** Renders the DDL of the {@code geoip} table. */
    static String ddl() {
        StringJoiner cols = new StringJoiner(",\n  ", "CREATE TABLE IF NOT EXISTS " + Store.GEOIP_TABLE + " (\n  ", "\n);\n");
        COLUMNS.forEach(c -> cols.add(c.quoted() + " " + c.duckdbType()));
        return cols.toString();
    }

    /**
     * Looks every distinct {@code source.ip} up once and rewrites {@code columns} of all events with it
     * (nulls where the lookup knows nothing), in one transaction; returns {addresses, events updated}.
     */
    static long[] refresh(Connection c, List<String> columns, Function<String, Object[]> lookup) throws SQLException {
        Map<String, String> types = new HashMap<>();
        for (StoreColumn col : StoreSchema.columnsOf(c, Store.EVENTS_TABLE)) {
            types.put(col.name(), col.duckdbType());
        }
        List<StoreColumn> targets = new ArrayList<>();
        for (String name : columns) {
            String type = types.get(name);
            if (type == null) {
                throw new StoreException("the store's events table has no column " + name + "; ingest into a new --db");
            }
            targets.add(new StoreColumn(name, type));
        }
        String ip = new StoreColumn(SOURCE_IP, "VARCHAR").quoted();
        List<String> addresses = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT DISTINCT " + ip + " FROM " + Store.EVENTS_TABLE
                        + " WHERE " + ip + " IS NOT NULL ORDER BY 1")) {
            while (rs.next()) {
                addresses.add(rs.getString(1));
            }
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            StringJoiner def = new StringJoiner(", ", "CREATE OR REPLACE TEMP TABLE " + LOOKUP_TABLE + " (ip VARCHAR, ", ")");
            StringJoiner marks = new StringJoiner(", ", "INSERT INTO " + LOOKUP_TABLE + " VALUES (?, ", ")");
            StringJoiner sets = new StringJoiner(", ");
            for (int i = 0; i < targets.size(); i++) {
                def.add("v" + i + " " + targets.get(i).duckdbType());
                marks.add("CAST(? AS " + targets.get(i).duckdbType() + ")");
                sets.add(targets.get(i).quoted() + " = g.v" + i);
            }
            st.execute(def.toString());
            try (PreparedStatement ps = c.prepareStatement(marks.toString())) {
                for (String a : addresses) {
                    Object[] v = lookup.apply(a);
                    ps.setString(1, a);
                    for (int i = 0; i < v.length; i++) {
                        ps.setObject(i + 2, v[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            long updated = st.executeUpdate("UPDATE " + Store.EVENTS_TABLE + " SET " + sets + " FROM " + LOOKUP_TABLE
                    + " g WHERE " + Store.EVENTS_TABLE + "." + ip + " = g.ip");
            st.execute("DROP TABLE " + LOOKUP_TABLE);
            c.commit();
            return new long[] {addresses.size(), updated};
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Records the databases (kind, name, type, build date, sha256) that enriched events; {@code replace} forgets earlier ones. */
    static void record(Connection c, List<List<String>> databases, boolean replace) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(ddl());
            if (replace) {
                st.execute("DELETE FROM " + Store.GEOIP_TABLE);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + Store.GEOIP_TABLE
                + " SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM " + Store.GEOIP_TABLE + " WHERE sha256 = ?)")) {
            for (List<String> d : databases) {
                for (int i = 0; i < COLUMNS.size(); i++) {
                    ps.setString(i + 1, d.get(i));
                }
                ps.setString(COLUMNS.size() + 1, d.get(COLUMNS.size() - 1));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Describes the recorded databases, one line each ({@code name (type, built DATE, sha256 HEX)}), by kind and name. */
    static List<String> describe(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT name, type, build_date, sha256 FROM " + Store.GEOIP_TABLE
                        + " ORDER BY kind, name, sha256")) {
            while (rs.next()) {
                String date = rs.getString(3);
                out.add(rs.getString(1) + " (" + rs.getString(2) + ", built "
                        + (date == null ? "?" : date.substring(0, Math.min(10, date.length())))
                        + ", sha256 " + rs.getString(4) + ")");
            }
        }
        return out;
    }
}
