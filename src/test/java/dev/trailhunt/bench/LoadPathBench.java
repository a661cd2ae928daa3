package dev.trailhunt.bench;

import dev.trailhunt.engine.RawDuckDb;
import dev.trailhunt.model.EcsColumn;
import dev.trailhunt.model.EcsSchema;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Compares ways of moving mapped rows into DuckDB; run by hand, never by surefire. */
public final class LoadPathBench {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("lpb");
        List<EcsColumn> cols = EcsSchema.columns();
        Object[][] rows = new Object[10_000][];
        for (int i = 0; i < rows.length; i++) rows[i] = row(cols, i);
        StringBuilder ddl = new StringBuilder("CREATE TABLE events (");
        for (int i = 0; i < cols.size(); i++) ddl.append(i == 0 ? "" : ", ").append('"').append(cols.get(i).name()).append("\" ").append(cols.get(i).duckdbType());
        ddl.append(")");
        try (Connection c = RawDuckDb.open(dir.resolve("b.duckdb")); Statement st = c.createStatement()) {
            st.execute(ddl.toString());
            long t0 = System.nanoTime();
            if (args[0].equals("appender")) {
                st.execute("CREATE TABLE staging AS SELECT * FROM events LIMIT 0");
                try (DuckDBAppender a = ((DuckDBConnection) c).createAppender("main", "staging")) {
                    for (int r = 0; r < n; r++) {
                        Object[] row = rows[r % rows.length];
                        a.beginRow();
                        for (int i = 0; i < row.length; i++) {
                            Object v = row[i];
                            if (v == null) a.appendNull();
                            else if (v instanceof String s) a.append(s);
                            else if (v instanceof Boolean b) a.append(b.booleanValue());
                            else if (v instanceof Long l) a.append(l.longValue());
                            else if (v instanceof Instant t) a.appendEpochMicros(t.getEpochSecond() * 1_000_000 + t.getNano() / 1000);
                            else if (v instanceof List<?> l) a.append(l);
                        }
                        a.endRow();
                    }
                }
                long t1 = System.nanoTime();
                st.execute("INSERT INTO events SELECT * FROM staging");
                System.out.printf(Locale.ROOT, "appender: append %.2fs, insert %.2fs%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
            } else {
                Path csv = dir.resolve("s.csv");
                try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    StringBuilder sb = new StringBuilder(4096);
                    for (int r = 0; r < n; r++) {
                        Object[] row = rows[r % rows.length];
                        sb.setLength(0);
                        for (int i = 0; i < row.length; i++) {
                            if (i > 0) sb.append(',');
                            Object v = row[i];
                            if (v == null) continue;
                            if (v instanceof String s) quote(sb, s);
                            else if (v instanceof Instant t) sb.append(t.getEpochSecond() * 1_000_000 + t.getNano() / 1000);
                            else if (v instanceof List<?> l) {
                                StringBuilder j = new StringBuilder("[");
                                for (Object o : l) { if (j.length() > 1) j.append(','); j.append('"').append(o.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"'); }
                                quote(sb, j.append(']').toString());
                            } else sb.append(v);
                        }
                        sb.append('\n');
                        w.append(sb);
                    }
                }
                long t1 = System.nanoTime();
                StringBuilder spec = new StringBuilder("{");
                StringBuilder sel = new StringBuilder();
                for (int i = 0; i < cols.size(); i++) {
                    String t = cols.get(i).duckdbType();
                    String csvT = t.equals("TIMESTAMP") ? "BIGINT" : t.equals("VARCHAR[]") ? "VARCHAR" : t;
                    spec.append(i == 0 ? "" : ", ").append("'c").append(i).append("': '").append(csvT).append("'");
                    String e = t.equals("TIMESTAMP") ? "make_timestamp(c" + i + ")" : t.equals("VARCHAR[]") ? "CAST(CAST(c" + i + " AS JSON) AS VARCHAR[])" : "c" + i;
                    sel.append(i == 0 ? "" : ", ").append(e);
                }
                spec.append('}');
                if (args.length > 2) {
                    long q = System.nanoTime();
                    st.execute("SELECT count(*), max(length(c2)) FROM read_csv('" + csv + "', header=false, quote='\"', escape='\"', allow_quoted_nulls=false, max_line_size=100000000, columns=" + spec + ")");
                    System.out.printf(Locale.ROOT, "scan only %.2fs%n", (System.nanoTime() - q) / 1e9);
                    q = System.nanoTime();
                    st.execute("CREATE TEMP TABLE tt AS SELECT * FROM read_csv('" + csv + "', header=false, quote='\"', escape='\"', allow_quoted_nulls=false, max_line_size=100000000, columns=" + spec + ")");
                    System.out.printf(Locale.ROOT, "to temp %.2fs%n", (System.nanoTime() - q) / 1e9);
                    q = System.nanoTime();
                    st.execute("CREATE TABLE tt2 AS SELECT * FROM tt");
                    System.out.printf(Locale.ROOT, "temp to file table %.2fs%n", (System.nanoTime() - q) / 1e9);
                    t1 = System.nanoTime();
                }
                st.execute("INSERT INTO events SELECT " + sel + " FROM read_csv('" + csv + "', header=false, quote='\"', escape='\"', allow_quoted_nulls=false, max_line_size=100000000, columns=" + spec + ")");
                System.out.printf(Locale.ROOT, "csv: write %.2fs, load %.2fs, bytes %d%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9, Files.size(csv));
            }
            try (var rs = st.executeQuery("SELECT count(*), count(\"related.user\"), max(len(\"event.category\")), min(\"@timestamp\") FROM events")) {
                rs.next();
                System.out.println("rows " + rs.getLong(1) + " related " + rs.getLong(2) + " maxcat " + rs.getLong(3) + " min " + rs.getString(4));
            }
            System.out.printf(Locale.ROOT, "total %.2fs -> %.0f rows/s%n", (System.nanoTime() - t0) / 1e9, n / ((System.nanoTime() - t0) / 1e9));
        }
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int k = 0; k < s.length(); k++) { char ch = s.charAt(k); if (ch == '"') sb.append('"'); sb.append(ch); }
        sb.append('"');
    }

    static Object[] row(List<EcsColumn> cols, int i) {
        Object[] r = new Object[cols.size()];
        for (int k = 0; k < cols.size(); k++) {
            EcsColumn c = cols.get(k);
            if (k % 3 != 0) continue;
            switch (c.duckdbType()) {
                case "TIMESTAMP" -> r[k] = Instant.ofEpochMilli(1_690_000_000_000L + i * 1000L);
                case "BOOLEAN" -> r[k] = i % 2 == 0;
                case "BIGINT" -> r[k] = (long) i;
                case "VARCHAR[]" -> r[k] = List.of("user-" + (i % 50), "x\"y");
                default -> r[k] = c.name() + "-value-" + (i % 997);
            }
        }
        r[EcsSchema.indexOf("event.original")] = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::1:assumed-role/R/s" + i + "\"},\"requestParameters\":{\"secretId\":\"x\"}}".repeat(6);
        return r;
    }
}
