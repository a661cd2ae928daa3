package dev.trailhunt.report;

import dev.trailhunt.engine.ResultColumn;
import dev.trailhunt.engine.ResultTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** Writes a result as RFC 4180 CSV with a header row; nulls are empty fields, multi-values {@code [a, b]}. */
public final class CsvWriter {
    private CsvWriter() {}

    /** Writes the table; lines end in {@code \n}. */
    public static void write(ResultTable table, Writer out) {
        try {
            List<ResultColumn> cols = table.columns();
            for (int i = 0; i < cols.size(); i++) {
                out.write(i == 0 ? "" : ",");
                out.write(field(cols.get(i).name()));
            }
            out.write('\n');
            for (List<Object> row : table.rows()) {
                for (int i = 0; i < row.size(); i++) {
                    out.write(i == 0 ? "" : ",");
                    Object v = row.get(i);
                    out.write(v == null ? "" : field(CellText.of(v)));
                }
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(String s) {
        boolean quote = s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
