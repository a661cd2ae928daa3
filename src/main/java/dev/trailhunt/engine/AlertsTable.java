package dev.trailhunt.engine;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the {@code alerts} table: one row per alert a detection rule raised, readable by SQL hunts and reports.
 *
 * <p>A rerun replaces the alerts of the rules it ran, in one transaction, so that the table never mixes two runs of a rule.
 */
final class AlertsTable {
    /** Lists the columns in table order. */
    static final String DDL = """
            CREATE TABLE IF NOT EXISTS alerts (
              "rule_id" VARCHAR,
              "rule_name" VARCHAR,
              "rule_type" VARCHAR,
              "severity" VARCHAR,
              "risk_score" INTEGER,
              "techniques" VARCHAR[],
              "@timestamp" TIMESTAMP,
              "event_ids" VARCHAR[],
              "event_hashes" VARCHAR[],
              "group_by" VARCHAR[]
            )""";

    private static final int COLUMNS = 10;

    /**
     * Reads every alert, most severe rule first, in a total order (the same table gives the same list): severity,
     * risk score, rule name and id, then time, events and group.
     */
    private static final String READ = """
            SELECT "rule_id", "rule_name", "rule_type", "severity", "risk_score", "techniques", "@timestamp",
                   "event_ids", "event_hashes", "group_by"
            FROM alerts
            ORDER BY CASE "severity" WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END,
                     "risk_score" DESC, "rule_name", "rule_id", "@timestamp", "event_hashes", "event_ids", "group_by", "rule_type",
                     "severity", "techniques"
            """;

    private AlertsTable() {}

    /** Reads the table's rows in a total order; none when {@code detect} never wrote the table. */
    static List<AlertRow> read(Connection connection) throws SQLException {
        if (StoreSchema.columnsOf(connection, "alerts").size() != COLUMNS) {
            return List.of();
        }
        List<AlertRow> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(READ)) {
            while (rs.next()) {
                LocalDateTime at = rs.getObject(7, LocalDateTime.class);
                out.add(new AlertRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), strings(rs.getArray(6)),
                        at == null ? null : at.toInstant(ZoneOffset.UTC), strings(rs.getArray(8)), strings(rs.getArray(9)), strings(rs.getArray(10))));
            }
        }
        return out;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(o == null ? "" : o.toString());
        }
        return out;
    }

    /** Replaces the alerts of {@code ruleIds} with {@code rows}, in the column order of {@link #DDL}. */
    static void replace(Connection connection, List<String> ruleIds, List<AlertRow> rows) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement st = connection.createStatement()) {
                // Alerts are derived data: a table of an earlier layout is replaced, not mixed with this one.
                if (!StoreSchema.columnsOf(connection, "alerts").isEmpty() && StoreSchema.columnsOf(connection, "alerts").size() != COLUMNS) {
                    st.execute("DROP TABLE alerts");
                }
                st.execute(DDL);
            }
            try (PreparedStatement del = connection.prepareStatement("DELETE FROM alerts WHERE rule_id = ?")) {
                for (String id : ruleIds) {
                    del.setString(1, id);
                    del.addBatch();
                }
                del.executeBatch();
            }
            try (PreparedStatement ins = connection.prepareStatement("INSERT INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AlertRow r : rows) {
                    ins.setString(1, r.ruleId());
                    ins.setString(2, r.ruleName());
                    ins.setString(3, r.ruleType());
                    ins.setString(4, r.severity());
                    ins.setInt(5, r.riskScore());
                    ins.setObject(6, connection.createArrayOf("VARCHAR", r.techniques().toArray()));
                    ins.setObject(7, LocalDateTime.ofInstant(r.timestamp(), ZoneOffset.UTC));
                    ins.setObject(8, connection.createArrayOf("VARCHAR", r.eventIds().toArray()));
                    ins.setObject(9, connection.createArrayOf("VARCHAR", r.eventHashes().toArray()));
                    ins.setObject(10, connection.createArrayOf("VARCHAR", r.groupBy().toArray()));
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }
}
