package dev.trailhunt.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Holds the expected result of one csv-spec case: column names, types and canonical row values
 * ({@link SpecType#convert}); a multi-value is a {@link List} of two or more values.
 *
 * @param names the column names, in order
 * @param types the expected column types, in order
 * @param rows the rows, each a list as long as the header (possibly shorter or longer if the spec says so)
 */
record ExpectedTable(List<String> names, List<SpecType> types, List<List<Object>> rows) {
    private static final String TYPECAST_PLACEHOLDER = "__TYPECAST__";

    ExpectedTable {
        names = List.copyOf(names);
        types = List.copyOf(types);
        rows = Collections.unmodifiableList(new ArrayList<>(rows));
    }

    /**
     * Parses a result section (header line plus data lines) per {@code CsvTestUtils.loadCsvSpecValues}.
     *
     * @throws SpecFormatException when the header or a cell cannot be read
     */
    static ExpectedTable parse(List<String> lines) {
        List<List<String>> cells = PipeTableTokenizer.rows(lines);
        if (cells.isEmpty()) {
            throw new SpecFormatException("the result section has no header");
        }
        List<String> names = new ArrayList<>();
        List<SpecType> types = new ArrayList<>();
        for (String header : cells.get(0)) {
            String h = header == null ? "" : header;
            // A name such as `x::long` keeps its `::`; only a single `:` separates name and type.
            String[] parts = h.replace("::", TYPECAST_PLACEHOLDER).split(":");
            if (parts.length != 2) {
                throw new SpecFormatException("invalid result header cell [" + h + "]");
            }
            String typeName = parts[1].replace(TYPECAST_PLACEHOLDER, "::").trim();
            String name = parts[0].replace(TYPECAST_PLACEHOLDER, "::").trim();
            SpecType type = SpecType.named(typeName)
                    .orElseThrow(() -> new SpecFormatException("unknown type name [" + typeName + "] in header [" + h + "]"));
            names.add(name);
            types.add(type);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 1; r < cells.size(); r++) {
            List<String> row = cells.get(r);
            List<Object> values = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                SpecType type = c < types.size() ? types.get(c) : SpecType.KEYWORD;
                try {
                    values.add(cell(row.get(c), type));
                } catch (RuntimeException e) {
                    if (e instanceof SpecFormatException) {
                        throw e;
                    }
                    throw new SpecFormatException(String.format(Locale.ROOT, "cannot read expected row %d column %d [%s] as %s: %s",
                            r, c + 1, row.get(c), type.esqlName(), e.getMessage()), e);
                }
            }
            rows.add(values);
        }
        return new ExpectedTable(names, types, rows);
    }

    private static Object cell(String raw, SpecType type) {
        if (raw == null) {
            // SuperCSV reads an empty cell as null; csv-spec means the empty string.
            return "";
        }
        String value = raw.trim();
        if (value.equalsIgnoreCase("null")) {
            return null;
        }
        if (!value.startsWith("[")) {
            // An escaped comma outside brackets stays escaped, as in CsvTestUtils.
            return type.convert(value);
        }
        if (!value.endsWith("]")) {
            throw new SpecFormatException("incomplete multi-value " + value);
        }
        String[] parts = value.substring(1, value.length() - 1).split("(?<!\\\\),");
        if (parts.length == 1) {
            return type.convert(parts[0].replace("\\,", ","));
        }
        List<Object> values = new ArrayList<>(parts.length);
        for (String part : parts) {
            values.add(type.convert(part.trim().replace("\\,", ",")));
        }
        return Collections.unmodifiableList(values);
    }
}
