import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Sums, with DuckDB's parquet_metadata, the compressed bytes of the column chunks a query reads from
 * an ECS Parquet folder: the given columns, in partitions dt >= FROM. Run with the trailhunt jar on
 * the class path: java -cp target/trailhunt.jar scripts/ParquetBytes.java DIR FROM COLUMN...
 */
public final class ParquetBytes {
    public static void main(String[] args) throws Exception {
        String glob = args[0] + "/*/*.parquet";
        String from = args[1];
        StringBuilder in = new StringBuilder();
        for (int i = 2; i < args.length; i++) {
            in.append(i > 2 ? "," : "").append('?');
        }
        String sql = "SELECT sum(total_compressed_size) FILTER (WHERE path_in_schema IN (" + in + ")), "
                + "sum(total_compressed_size) FROM parquet_metadata(?) WHERE regexp_extract(file_name, 'dt=([0-9-]+)', 1) >= ?";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); PreparedStatement st = c.prepareStatement(sql)) {
            int p = 1;
            for (int i = 2; i < args.length; i++) {
                st.setString(p++, args[i]);
            }
            st.setString(p++, glob);
            st.setString(p, from);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                System.out.println("ECS Parquet, days in the window, hunt's columns: " + rs.getLong(1) + " bytes");
                System.out.println("ECS Parquet, days in the window, all columns:    " + rs.getLong(2) + " bytes");
            }
        }
    }
}
