package dev.trailhunt.conformance;

import dev.trailhunt.model.ValueType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Holds one csv-spec dataset ({@code data/<index>.csv}) with values converted as Elasticsearch
 * indexes them (see {@code CsvTestUtils.loadPageFromCsv}).
 *
 * <p>Values are canonical ({@link SpecType#convert}); a multi-value is a sorted {@link List} of two or
 * more values, de-duplicated for keyword, ip and version, whose doc values are sorted sets in
 * Elasticsearch; numbers and booleans keep duplicates. {@code []} and empty entries are null.
 *
 * @param index the index name (the file name without {@code .csv})
 * @param columns the columns in file order
 * @param rows the rows in file order
 */
record SpecDataset(String index, List<Column> columns, List<List<Object>> rows) {

    /**
     * Describes one dataset column.
     *
     * @param name the field name, dots included
     * @param type the declared csv type
     * @param multiValued whether any row holds two or more values
     */
    record Column(String name, SpecType type, boolean multiValued) {
        /** Returns the ES|QL type a query sees for this column. */
        ValueType esqlType() {
            return type.fieldType().orElseThrow();
        }
    }

    SpecDataset {
        columns = List.copyOf(columns);
        rows = Collections.unmodifiableList(new ArrayList<>(rows));
    }

    /** Reads and converts a dataset file. */
    static SpecDataset read(Path csv) throws IOException {
        String fileName = csv.getFileName().toString();
        String index = fileName.endsWith(".csv") ? fileName.substring(0, fileName.length() - 4) : fileName;
        return parse(index, Files.readAllLines(csv, StandardCharsets.UTF_8));
    }

    /**
     * Parses dataset lines.
     *
     * @throws SpecFormatException when the header names an unknown type or a row cannot be converted
     */
    static SpecDataset parse(String index, List<String> lines) {
        List<String> names = new ArrayList<>();
        List<SpecType> types = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            int lineNumber = i + 1;
            if (line.isEmpty() || line.startsWith("//") || line.startsWith("#")) {
                continue;
            }
            List<String> entries = DatasetLine.entries(line, lineNumber);
            if (names.isEmpty()) {
                header(index, entries, names, types);
                continue;
            }
            if (entries.size() != names.size()) {
                throw new SpecFormatException(String.format(Locale.ROOT, "%s line %d: %d entries, the header has %d",
                        index, lineNumber, entries.size(), names.size()));
            }
            List<Object> row = new ArrayList<>(entries.size());
            for (int c = 0; c < entries.size(); c++) {
                try {
                    row.add(entry(entries.get(c), types.get(c)));
                } catch (RuntimeException e) {
                    throw new SpecFormatException(String.format(Locale.ROOT, "%s line %d: cannot read entry %d [%s] as %s: %s",
                            index, lineNumber, c + 1, entries.get(c), types.get(c).esqlName(), e.getMessage()), e);
                }
            }
            rows.add(row);
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            int column = c;
            boolean multiValued = rows.stream().anyMatch(r -> r.get(column) instanceof List);
            columns.add(new Column(names.get(c), types.get(c), multiValued));
        }
        return new SpecDataset(index, columns, rows);
    }

    /** Returns the column named {@code name}. */
    Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + name + " in " + index));
    }

    private static void header(String index, List<String> entries, List<String> names, List<SpecType> types) {
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon < 0 || entry.substring(colon + 1).isBlank()) {
                throw new SpecFormatException(index + ": a type is expected in header entry [" + entry + "]");
            }
            String typeName = entry.substring(colon + 1).trim();
            SpecType type = SpecType.named(typeName)
                    .orElseThrow(() -> new SpecFormatException(index + ": unknown type [" + typeName + "]"));
            if (type == SpecType.NULL || type.fieldType().isEmpty()) {
                throw new SpecFormatException(index + ": type [" + typeName + "] cannot be loaded");
            }
            names.add(entry.substring(0, colon).trim());
            types.add(type);
        }
    }

    private static Object entry(String entry, SpecType type) {
        String value = entry;
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).replace("\\,", ",");
        } else if (value.contains(",")) {
            return multiValue(value, type);
        }
        return value.isEmpty() ? null : type.convert(value);
    }

    private static Object multiValue(String value, SpecType type) {
        List<Object> values = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            values.add(type.convert(part));
        }
        values.sort(ValueOrder.of(type));
        if (type == SpecType.KEYWORD || type == SpecType.IP || type == SpecType.VERSION) {
            values = new ArrayList<>(new LinkedHashSet<>(values));
        }
        return values.size() == 1 ? values.get(0) : Collections.unmodifiableList(values);
    }

    /** Orders columns of a dataset by name, as FROM lists them. */
    static Comparator<Column> byName() {
        return Comparator.comparing(Column::name);
    }
}
