package dev.trailhunt.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
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

    /** Creates and fills one table per index on {@code connection}. */
    void createTables(Connection connection) throws SQLException {
        for (SpecDataset d : byIndex.values()) {
            createTable(connection, d);
        }
    }

    private static void createTable(Connection connection, SpecDataset d) throws SQLException {
        List<String> definitions = new ArrayList<>();
        for (SpecDataset.Column c : d.columns()) {
            definitions.add(DUCKDB.render(DSL.name(c.name())) + " " + duckdbType(c));
        }
        String table = DUCKDB.render(DSL.name(d.index()));
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE " + table + " (" + String.join(", ", definitions) + ")");
        }
        String placeholders = String.join(", ", Collections.nCopies(d.columns().size(), "?"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (" + placeholders + ")")) {
            for (List<Object> row : d.rows()) {
                for (int c = 0; c < row.size(); c++) {
                    insert.setObject(c + 1, jdbcValue(connection, d.columns().get(c), row.get(c)));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
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

    private static Object jdbcValue(Connection connection, SpecDataset.Column column, Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (!column.multiValued()) {
            return scalar(column.type(), value);
        }
        List<?> values = value instanceof List<?> l ? l : List.of(value);
        Object[] elements = new Object[values.size()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = scalar(column.type(), values.get(i));
        }
        return connection.createArrayOf(elementType(column.type()), elements);
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
