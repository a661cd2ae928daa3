package dev.trailhunt.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** Writes alerts as the JSON array {@link #INSERT_JSON} reads; the time as a UTC timestamp's text. */
    private static String json(List<AlertRow> rows) {
        ArrayNode out = JSON.createArrayNode();
        for (AlertRow r : rows) {
            ObjectNode o = out.addObject();
            o.put("rule_id", r.ruleId());
            o.put("rule_name", r.ruleName());
            o.put("rule_type", r.ruleType());
            o.put("severity", r.severity());
            o.put("risk_score", r.riskScore());
            r.techniques().forEach(o.putArray("techniques")::add);
            o.put("at", text(r.timestamp()));
            r.eventIds().forEach(o.putArray("event_ids")::add);
            r.eventHashes().forEach(o.putArray("event_hashes")::add);
            r.groupBy().forEach(o.putArray("group_by")::add);
            AlertRow.Suppression sup = r.suppression();
            if (sup != null) {
                o.put("suppression_docs_count", sup.docsCount());
                o.put("suppression_start", text(sup.start()));
                o.put("suppression_end", text(sup.end()));
                sup.terms().forEach(o.putArray("suppression_terms")::add);
            }
        }
        return out.toString();
    }

    /** Renders an instant as the UTC timestamp text DuckDB casts, seconds and microseconds always written. */
    private static String text(java.time.Instant at) {
        return at == null ? null : TIMESTAMP_TEXT.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    private static final java.time.format.DateTimeFormatter TIMESTAMP_TEXT =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", java.util.Locale.ROOT);

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

    /** Bounds the rule ids (and so the parameters) of one DELETE statement. */
    private static final int CHUNK_ROWS = 200;
    /** Bounds the alerts of one INSERT, so that its JSON text stays a few megabytes. */
    private static final int CHUNK_JSON_ROWS = 5000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Inserts the alerts of one JSON array parameter, each an object with the fields of {@link #json}. */
    private static final String INSERT_JSON = """
            INSERT INTO alerts
            SELECT a.rule_id, a.rule_name, a.rule_type, a.severity, a.risk_score, a.techniques, CAST(a.at AS TIMESTAMP),
                   a.event_ids, a.event_hashes, a.group_by, a.suppression_docs_count,
                   CAST(a.suppression_start AS TIMESTAMP), CAST(a.suppression_end AS TIMESTAMP), a.suppression_terms
            FROM (SELECT unnest(from_json(?, '[{"rule_id": "VARCHAR", "rule_name": "VARCHAR", "rule_type": "VARCHAR",
                    "severity": "VARCHAR", "risk_score": "INTEGER", "techniques": ["VARCHAR"], "at": "VARCHAR",
                    "event_ids": ["VARCHAR"], "event_hashes": ["VARCHAR"], "group_by": ["VARCHAR"],
                    "suppression_docs_count": "BIGINT", "suppression_start": "VARCHAR", "suppression_end": "VARCHAR",
                    "suppression_terms": ["VARCHAR"]}]')) AS a)
            """;

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
            // One statement per chunk of alerts, its rows one JSON parameter that DuckDB unpacks: a VALUES list of 200 rows took
            // ~0.25 ms a row to prepare and bind (2,320 alerts: ~0.6 s, JFR native samples on a 1M-event store).
            for (int from = 0; from < rows.size(); from += CHUNK_JSON_ROWS) {
                List<AlertRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK_JSON_ROWS));
                try (PreparedStatement ins = connection.prepareStatement(INSERT_JSON)) {
                    ins.setString(1, json(chunk));
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
