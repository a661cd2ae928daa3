package dev.trailhunt.report;

import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a result as RFC 4180 CSV with a header row; nulls are empty fields, multi-values {@code [a, b]}.
 *
 * <p>By default a text cell that a spreadsheet would run as a formula, one starting with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return, gets a leading {@code '} and is quoted, as
 * OWASP recommends against CSV injection; numbers are written as they are. Column names get the same
 * treatment unless they are plain field names such as {@code @timestamp}, which no spreadsheet can
 * turn into a call.
 */
public final class CsvWriter {
    /** Matches a column name made of name characters only, like {@code @timestamp} or {@code user.name}. */
    private static final java.util.regex.Pattern FIELD_NAME = java.util.regex.Pattern.compile("@?[\\p{L}\\p{N}_.]+");

    private CsvWriter() {}

    /** Writes the table with formula-like text neutralised; lines end in {@code \n}. */
    public static void write(ResultTable table, Writer out) {
        write(table, out, true);
    }

    /**
     * Writes the table; lines end in {@code \n}.
     *
     * @param neutralise whether to prefix formula-like text cells with {@code '} (false: raw values)
     */
    public static void write(ResultTable table, Writer out, boolean neutralise) {
        try {
            List<ResultColumn> cols = table.columns();
            for (int i = 0; i < cols.size(); i++) {
                out.write(i == 0 ? "" : ",");
                String name = cols.get(i).name();
                out.write(field(name, neutralise && !FIELD_NAME.matcher(name).matches()));
            }
            out.write('\n');
            for (List<Object> row : table.rows()) {
                for (int i = 0; i < row.size(); i++) {
                    out.write(i == 0 ? "" : ",");
                    Object v = row.get(i);
                    boolean text = !cols.get(i).type().isNumeric();
                    out.write(v == null ? "" : field(CellText.of(v), neutralise && text));
                }
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tells whether a spreadsheet would read the text as a formula (OWASP's list of leading characters). */
    static boolean formulaLike(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    private static String field(String s, boolean neutralise) {
        if (neutralise && formulaLike(s)) {
            return '"' + "'" + s.replace("\"", "\"\"") + '"';
        }
        boolean quote = s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
