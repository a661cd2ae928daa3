package dev.trailhunt.conformance;

import dev.trailhunt.engine.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Loads the csv-spec datasets of a folder and creates one DuckDB table per index, named after it.
 */
final class SpecDatasets {
    private static final DSLContext DUCKDB = DSL.using(SQLDialect.DUCKDB);

    private final Map<String, SpecDataset> byIndex;

    private SpecDatasets(Map<String, SpecDataset> byIndex) {
        this.byIndex = Collections.unmodifiableMap(new TreeMap<>(byIndex));
    }

    /** Reads every {@code *.csv} in {@code dataDir}; a missing folder gives no datasets. */
    static SpecDatasets read(Path dataDir) throws IOException {
        Map<String, SpecDataset> byIndex = new TreeMap<>();
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> files = Files.list(dataDir)) {
                for (Path csv : files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                    SpecDataset d = SpecDataset.read(csv);
                    byIndex.put(d.index(), d);
                }
            }
        }
        return new SpecDatasets(byIndex);
    }

    /** Wraps datasets built in memory, for tests. */
    static SpecDatasets of(List<SpecDataset> datasets) {
        return new SpecDatasets(datasets.stream().collect(Collectors.toMap(SpecDataset::index, d -> d)));
    }

    /** Returns the dataset of an index, if loaded. */
    Optional<SpecDataset> index(String name) {
        return Optional.ofNullable(byIndex.get(name));
    }

    /** Returns the index names, sorted. */
    List<String> indices() {
        return List.copyOf(byIndex.keySet());
    }

    /** Creates and fills one table per index in {@code store}. */
    void createTables(Store store) {
        for (SpecDataset d : byIndex.values()) {
            createTable(store, d);
        }
    }

    private static void createTable(Store store, SpecDataset d) {
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (SpecDataset.Column c : d.columns()) {
            definitions.add(DUCKDB.render(DSL.name(c.name())) + " " + duckdbType(c));
            names.add(c.name());
        }
        store.execute("CREATE TABLE " + DUCKDB.render(DSL.name(d.index())) + " (" + String.join(", ", definitions) + ")");
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : d.rows()) {
            List<Object> values = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                values.add(storedValue(d.columns().get(c), row.get(c)));
            }
            rows.add(values);
        }
        store.insert(d.index(), names, rows);
    }

    /** Returns the DuckDB column type for a dataset column. */
    static String duckdbType(SpecDataset.Column c) {
        String element = elementType(c.type());
        return c.multiValued() ? element + "[]" : element;
    }

    private static String elementType(SpecType type) {
        return switch (type) {
            case INTEGER -> "INTEGER";
            case LONG -> "BIGINT";
            case UNSIGNED_LONG -> "UBIGINT";
            case DOUBLE, FLOAT, HALF_FLOAT, SCALED_FLOAT -> "DOUBLE";
            case KEYWORD, TEXT, IP, VERSION -> "VARCHAR";
            case DATETIME -> "TIMESTAMP";
            case DATE_NANOS -> "TIMESTAMP_NS";
            case BOOLEAN -> "BOOLEAN";
            default -> throw new SpecFormatException("type " + type.esqlName() + " cannot be stored");
        };
    }

    /** Returns the value to store: a multi-valued column gets a list even for one value. */
    private static Object storedValue(SpecDataset.Column column, Object value) {
        if (value == null) {
            return null;
        }
        if (!column.multiValued()) {
            return scalar(column.type(), value);
        }
        List<?> values = value instanceof List<?> l ? l : List.of(value);
        List<Object> elements = new ArrayList<>(values.size());
        for (Object v : values) {
            elements.add(scalar(column.type(), v));
        }
        return elements;
    }

    private static Object scalar(SpecType type, Object value) {
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (type == SpecType.INTEGER && value instanceof Long l) {
            return Math.toIntExact(l);
        }
        return value;
    }
}
