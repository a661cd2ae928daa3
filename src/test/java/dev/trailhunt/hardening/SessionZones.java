package dev.trailhunt.hardening;

import dev.trailhunt.engine.Store;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ValueType;
import java.nio.file.Path;
import java.util.List;

/** Opens two sandboxed readers of one store in one process and prints the time zone and rendering of the second. */
public final class SessionZones {
    private SessionZones() {}

    /** Reads the store {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        try (Store first = Store.openForReading(db)) {
            first.sandbox();
            try (Store second = Store.openForReading(db)) {
                second.sandbox();
                List<Object> row = second.query("SELECT current_setting('TimeZone'), CAST(TIMESTAMPTZ '2024-05-01 12:00:00+00' AS VARCHAR)",
                        List.of(new ResultColumn("zone", ValueType.KEYWORD), new ResultColumn("rendered", ValueType.KEYWORD))).rows().get(0);
                System.out.println(row.get(0) + " " + row.get(1));
            }
        }
    }
}
