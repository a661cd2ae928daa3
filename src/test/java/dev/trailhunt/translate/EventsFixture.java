package dev.trailhunt.translate;

import dev.trailhunt.engine.Store;
import dev.trailhunt.model.EcsColumn;
import dev.trailhunt.model.EcsSchema;
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

    static void create(Store store) {
        StringBuilder ddl = new StringBuilder("CREATE TABLE events (");
        List<EcsColumn> cols = EcsSchema.columns();
        for (int i = 0; i < cols.size(); i++) {
            ddl.append(i == 0 ? "" : ", ").append(DSL.name(cols.get(i).name())).append(' ').append(cols.get(i).duckdbType());
        }
        store.execute(ddl.append(')').toString());
    }

    /** Inserts one row; absent columns are null, lists become VARCHAR[] and instants UTC timestamps. */
    static void insert(Store store, Map<String, Object> values) {
        insert(store, List.copyOf(values.keySet()), List.of(new ArrayList<>(values.values())));
    }

    /** Inserts rows of values for the named ECS columns, as {@link #insert(Store, Map)} does one. */
    static void insert(Store store, List<String> columns, List<List<Object>> rows) {
        for (String name : columns) {
            if (EcsSchema.indexOf(name) < 0) {
                throw new IllegalArgumentException("no ECS column " + name);
            }
        }
        store.insert("events", columns, rows);
    }

    static Optional<Path> shared() {
        Path dir = Path.of(System.getProperty("trailhunt.shared", "../shared"));
        return Files.isDirectory(dir.resolve("corpus")) ? Optional.of(dir) : Optional.empty();
    }

}
