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
              "group_by" VARCHAR[],
              "suppression_docs_count" BIGINT,
              "suppression_start" TIMESTAMP,
              "suppression_end" TIMESTAMP,
              "suppression_terms" VARCHAR[]
            )""";

    private static final int COLUMNS = 14;

    /** Counts the columns of the table before alert suppression added its four; such a table is read and migrated, not lost. */
    private static final int COLUMNS_BEFORE_SUPPRESSION = 10;

    /** Adds the suppression columns to a table of the earlier layout, keeping its rows (their suppression is null). */
    private static final List<String> MIGRATE = List.of(
            "ALTER TABLE alerts ADD COLUMN \"suppression_docs_count\" BIGINT",
            "ALTER TABLE alerts ADD COLUMN \"suppression_start\" TIMESTAMP",
            "ALTER TABLE alerts ADD COLUMN \"suppression_end\" TIMESTAMP",
            "ALTER TABLE alerts ADD COLUMN \"suppression_terms\" VARCHAR[]");

    /**
     * Reads every alert, most severe rule first, in a total order (the same table gives the same list): severity,
     * risk score, rule name and id, then time, events and group.
     */
    private static final String READ = """
            SELECT "rule_id", "rule_name", "rule_type", "severity", "risk_score", "techniques", "@timestamp",
                   "event_ids", "event_hashes", "group_by", %s
            FROM alerts
            ORDER BY CASE "severity" WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END,
                     "risk_score" DESC, "rule_name", "rule_id", "@timestamp", "event_hashes", "event_ids", "group_by", "rule_type",
                     "severity", "techniques"
            """;

    private AlertsTable() {}

    /** Reads the table's rows in a total order; none when {@code detect} never wrote the table. */
    static List<AlertRow> read(Connection connection) throws SQLException {
        int columns = StoreSchema.columnsOf(connection, "alerts").size();
        if (columns != COLUMNS && columns != COLUMNS_BEFORE_SUPPRESSION) {
            return List.of();
        }
        // A store written before suppression existed is read as it is: its alerts have no suppression.
        String suppression = columns == COLUMNS ? "\"suppression_docs_count\", \"suppression_start\", \"suppression_end\", \"suppression_terms\""
                : "NULL, NULL, NULL, NULL";
        List<AlertRow> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(READ.formatted(suppression))) {
            while (rs.next()) {
                long docs = rs.getLong(11);
                AlertRow.Suppression s = rs.wasNull() ? null
                        : new AlertRow.Suppression(docs, instant(rs.getObject(12, LocalDateTime.class)), instant(rs.getObject(13, LocalDateTime.class)),
                                strings(rs.getArray(14)));
                out.add(new AlertRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), strings(rs.getArray(6)),
                        instant(rs.getObject(7, LocalDateTime.class)), strings(rs.getArray(8)), strings(rs.getArray(9)), strings(rs.getArray(10)), s));
            }
        }
        return out;
    }

    private static java.time.Instant instant(LocalDateTime at) {
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
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

    /** Bounds the rows (and so the parameters) of one INSERT or DELETE statement. */
    private static final int CHUNK_ROWS = 200;

    /** Replaces the alerts of {@code ruleIds} with {@code rows}, in the column order of {@link #DDL}. */
    static void replace(Connection connection, List<String> ruleIds, List<AlertRow> rows) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement st = connection.createStatement()) {
                int columns = StoreSchema.columnsOf(connection, "alerts").size();
                if (columns == COLUMNS_BEFORE_SUPPRESSION) {
                    // The other rules' alerts stay: the table gains the suppression columns, null for its rows.
                    for (String alter : MIGRATE) {
                        st.execute(alter);
                    }
                } else if (columns != 0 && columns != COLUMNS) {
                    // Alerts are derived data: a table of an unknown layout is replaced, not mixed with this one.
                    st.execute("DROP TABLE alerts");
                }
                st.execute(DDL);
            }
            // One statement per chunk of rows: duckdb_jdbc's executeBatch runs each row as its own statement
            // (2,320 alerts took ~1.2 s that way, measured with JFR's native samples on a 1M-event store).
            for (int from = 0; from < ruleIds.size(); from += CHUNK_ROWS) {
                List<String> ids = ruleIds.subList(from, Math.min(ruleIds.size(), from + CHUNK_ROWS));
                try (PreparedStatement del = connection.prepareStatement("DELETE FROM alerts WHERE rule_id IN ("
                        + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")")) {
                    for (int i = 0; i < ids.size(); i++) {
                        del.setString(i + 1, ids.get(i));
                    }
                    del.executeUpdate();
                }
            }
            for (int from = 0; from < rows.size(); from += CHUNK_ROWS) {
                List<AlertRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK_ROWS));
                String values = String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
                try (PreparedStatement ins = connection.prepareStatement("INSERT INTO alerts VALUES " + values)) {
                    int p = 1;
                    for (AlertRow r : chunk) {
                        ins.setString(p++, r.ruleId());
                        ins.setString(p++, r.ruleName());
                        ins.setString(p++, r.ruleType());
                        ins.setString(p++, r.severity());
                        ins.setInt(p++, r.riskScore());
                        ins.setObject(p++, connection.createArrayOf("VARCHAR", r.techniques().toArray()));
                        ins.setObject(p++, LocalDateTime.ofInstant(r.timestamp(), ZoneOffset.UTC));
                        ins.setObject(p++, connection.createArrayOf("VARCHAR", r.eventIds().toArray()));
                        ins.setObject(p++, connection.createArrayOf("VARCHAR", r.eventHashes().toArray()));
                        ins.setObject(p++, connection.createArrayOf("VARCHAR", r.groupBy().toArray()));
                        AlertRow.Suppression s = r.suppression();
                        if (s == null) {
                            ins.setNull(p++, java.sql.Types.BIGINT);
                            ins.setNull(p++, java.sql.Types.TIMESTAMP);
                            ins.setNull(p++, java.sql.Types.TIMESTAMP);
                            ins.setNull(p++, java.sql.Types.ARRAY);
                        } else {
                            ins.setLong(p++, s.docsCount());
                            ins.setObject(p++, LocalDateTime.ofInstant(s.start(), ZoneOffset.UTC));
                            ins.setObject(p++, LocalDateTime.ofInstant(s.end(), ZoneOffset.UTC));
                            ins.setObject(p++, connection.createArrayOf("VARCHAR", s.terms().toArray()));
                        }
                    }
                    ins.executeUpdate();
                }
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
