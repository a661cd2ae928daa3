package dev.trailhunt.hardening;

import dev.trailhunt.engine.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** Opens two sandboxed readers of one store in one process and prints the time zone and rendering of the second. */
public final class SessionZones {
    private SessionZones() {}

    /** Reads the store {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        try (Connection first = Store.openForReading(db)) {
            Store.sandbox(first);
            try (Connection second = Store.openForReading(db)) {
                Store.sandbox(second);
                try (Statement st = second.createStatement();
                        ResultSet rs = st.executeQuery("SELECT current_setting('TimeZone'), CAST(TIMESTAMPTZ '2024-05-01 12:00:00+00' AS VARCHAR)")) {
                    rs.next();
                    System.out.println(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
    }
}
