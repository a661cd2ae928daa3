package dev.trailhunt.hardening;

import dev.trailhunt.engine.RawDuckDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads back what an ingest stored, through a read-only DuckDB connection as any DuckDB client would. */
final class StoreContents {
    /**
     * Holds one row of the {@code files} table.
     *
     * @param path   the input path
     * @param format the detected layout
     * @param events records read
     * @param status loaded, skipped, rejected or partial
     * @param reason why it was not simply loaded
     */
    record FileRow(String path, String format, long events, String status, String reason) {}

    private StoreContents() {}

    /** Counts the stored events. */
    static long events(Path db) throws SQLException {
        return (Long) rows(db, "SELECT count(*) FROM events").get(0).get(0);
    }

    /** Returns the files table ordered by path. */
    static List<FileRow> files(Path db) throws SQLException {
        List<FileRow> out = new ArrayList<>();
        for (List<Object> r : rows(db, "SELECT path, format, events, status, reason FROM files ORDER BY path")) {
            out.add(new FileRow((String) r.get(0), (String) r.get(1), (Long) r.get(2), (String) r.get(3), (String) r.get(4)));
        }
        return out;
    }

    /** Runs a query on a read-only connection and returns all rows. */
    static List<List<Object>> rows(Path db, String sql) throws SQLException {
        try (Connection c = RawDuckDb.openReadOnly(db); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<List<Object>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof java.sql.Array a ? List.of((Object[]) a.getArray()) : v);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
