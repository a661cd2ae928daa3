package dev.trailhunt.translate;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes a golden file: an ES|QL query, the SQL it translates to and the rows it returns.
 *
 * <p>Sections start with {@code -- esql}, {@code -- sql} and {@code -- rows}; lines before the first
 * section describe the case. Rows are the header {@code name:type | …} then one line per row, with
 * {@code null}, {@code [a, b]} for multi-values and datetimes as {@code 2024-01-01T00:00:00.000Z}.
 */
record GoldenFile(String description, String esql, String sql, String rows) {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static GoldenFile parse(String text) {
        StringBuilder[] parts = {new StringBuilder(), new StringBuilder(), new StringBuilder(), new StringBuilder()};
        int section = 0;
        for (String line : text.split("\n", -1)) {
            switch (line.strip()) {
                case "-- esql" -> section = 1;
                case "-- sql" -> section = 2;
                case "-- rows" -> section = 3;
                default -> parts[section].append(line).append('\n');
            }
        }
        return new GoldenFile(parts[0].toString().strip(), parts[1].toString().strip(), parts[2].toString().strip(),
                parts[3].toString().strip());
    }

    String render() {
        return description + "\n-- esql\n" + esql + "\n-- sql\n" + sql + "\n-- rows\n" + rows + "\n";
    }

    static String rowsText(ResultTable t) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (ResultColumn c : t.columns()) {
            header.add(c.name() + ":" + c.type().esqlName());
        }
        sb.append(String.join(" | ", header));
        for (List<Object> row : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (Object v : row) {
                cells.add(cell(v));
            }
            sb.append('\n').append(String.join(" | ", cells));
        }
        return sb.toString();
    }

    private static String cell(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Instant i) {
            return ISO.format(i);
        }
        if (v instanceof List<?> l) {
            List<String> items = new ArrayList<>();
            l.forEach(x -> items.add(cell(x)));
            return "[" + String.join(", ", items) + "]";
        }
        return v.toString();
    }
}
