package dev.trailhunt.translate;

import dev.trailhunt.model.EcsColumn;
import dev.trailhunt.model.EcsSchema;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.impl.DSL;

/** Creates an {@code events} table with the ECS columns in a test database and inserts hand-made rows. */
final class EventsFixture {
    private EventsFixture() {}

    static List<SourceColumn> columns() {
        List<SourceColumn> out = new ArrayList<>();
        for (EcsColumn c : EcsSchema.columns()) {
            out.add(new SourceColumn(c.name(), c.esqlType(), c.multiValued()));
        }
        return out;
    }

    static CloudTrailSources sources() {
        return new CloudTrailSources("events", columns());
    }

    static void create(Connection c) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE events (");
        List<EcsColumn> cols = EcsSchema.columns();
        for (int i = 0; i < cols.size(); i++) {
            ddl.append(i == 0 ? "" : ", ").append(DSL.name(cols.get(i).name())).append(' ').append(cols.get(i).duckdbType());
        }
        try (Statement st = c.createStatement()) {
            st.execute(ddl.append(')').toString());
        }
    }

    /** Inserts one row; absent columns are null, lists become VARCHAR[] and instants UTC timestamps. */
    static void insert(Connection c, Map<String, Object> values) throws SQLException {
        List<EcsColumn> cols = EcsSchema.columns();
        StringBuilder names = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (EcsSchema.indexOf(e.getKey()) < 0) {
                throw new IllegalArgumentException("no ECS column " + e.getKey());
            }
            names.append(names.length() == 0 ? "" : ", ").append(DSL.name(e.getKey()));
            EcsColumn col = cols.get(EcsSchema.indexOf(e.getKey()));
            marks.append(marks.length() == 0 ? "" : ", ").append("CAST(? AS ").append(col.duckdbType()).append(')');
            args.add(e.getValue());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (" + names + ") VALUES (" + marks + ")")) {
            for (int i = 0; i < args.size(); i++) {
                Object v = args.get(i);
                if (v instanceof Instant t) {
                    ps.setObject(i + 1, LocalDateTime.ofInstant(t, ZoneOffset.UTC).toString().replace('T', ' '));
                } else if (v instanceof List<?> l) {
                    Array a = c.createArrayOf("VARCHAR", l.toArray());
                    ps.setArray(i + 1, a);
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            ps.executeUpdate();
        }
    }

    static Optional<Path> shared() {
        Path dir = Path.of(System.getProperty("trailhunt.shared", "../shared"));
        return Files.isDirectory(dir.resolve("corpus")) ? Optional.of(dir) : Optional.empty();
    }

}
