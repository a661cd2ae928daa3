package dev.trailhunt.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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

    private AlertsTable() {}

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
