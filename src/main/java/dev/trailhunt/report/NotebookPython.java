package dev.trailhunt.report;

import dev.trailhunt.model.ResultTable;
import java.util.List;

/**
 * Writes the Python of a notebook's code cells, and the outputs those cells print, in one place:
 * the {@code show} helper in the setup cell renders a result exactly as {@link #plain} and
 * {@link #html} do here (ES|QL's cell text, escaped controls), so a rerun reproduces the stored outputs.
 */
final class NotebookPython {
    private static final String HELPERS = """
            import datetime
            import decimal
            import math

            import duckdb


            def _visible(s):
                out = []
                for ch in s:
                    c = ord(ch)
                    if (c < 0x20 or 0x7F <= c <= 0x9F or c in (0x061C, 0x200E, 0x200F, 0x2028, 0x2029)
                            or 0x202A <= c <= 0x202E or 0x2066 <= c <= 0x2069):
                        out.append({10: "\\\\n", 13: "\\\\r", 9: "\\\\t"}.get(c, "\\\\u%04x" % c))
                    else:
                        out.append(ch)
                return "".join(out)


            def _double(x):
                # Java's Double.toString, which trailhunt's reports print.
                if math.isnan(x):
                    return "NaN"
                if math.isinf(x):
                    return "Infinity" if x > 0 else "-Infinity"
                if x == 0:
                    return "-0.0" if math.copysign(1.0, x) < 0 else "0.0"
                if 1e-3 <= abs(x) < 1e7:
                    r = repr(x)
                    return r if "." in r else r + ".0"
                d = decimal.Decimal(repr(x))
                t = d.as_tuple()
                digits = "".join(map(str, t.digits)).rstrip("0") or "0"
                return ("-" if t.sign else "") + digits[0] + "." + (digits[1:] or "0") + "E" + str(d.adjusted())


            def _cell(v):
                if v is None:
                    return "null"
                if isinstance(v, (list, tuple)):
                    if not v:
                        return "null"
                    if len(v) == 1:
                        return _cell(v[0])
                    return "[" + ", ".join(_cell(x) for x in v) + "]"
                if isinstance(v, bool):
                    return "true" if v else "false"
                if isinstance(v, float):
                    return _double(v)
                if isinstance(v, decimal.Decimal):
                    return _double(float(v))
                if isinstance(v, datetime.datetime):
                    if v.tzinfo is not None:
                        v = v.astimezone(datetime.timezone.utc)
                    return v.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (v.microsecond // 1000)
                return str(v)


            def _esc(s):
                return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        .replace('"', "&quot;").replace("'", "&#39;"))


            class Rows:
                \"""A query result shown as trailhunt's reports show it.\"""

                def __init__(self, columns, rows):
                    self.columns = columns
                    self.rows = [[_visible(_cell(v)) for v in row] for row in rows]

                def __repr__(self):
                    lines = [" | ".join(_visible(c) for c in self.columns)]
                    lines += [" | ".join(row) for row in self.rows]
                    lines.append("(1 row)" if len(self.rows) == 1 else "(%d rows)" % len(self.rows))
                    return "\\n".join(lines)

                def _repr_html_(self):
                    head = "".join("<th>" + _esc(_visible(c)) + "</th>" for c in self.columns)
                    body = "".join("<tr>" + "".join("<td>" + _esc(c) + "</td>" for c in row) + "</tr>\\n" for row in self.rows)
                    return "<table>\\n<thead><tr>" + head + "</tr></thead>\\n<tbody>\\n" + body + "</tbody>\\n</table>\\n"


            def show(sql):
                \"""Runs DuckDB SQL on the store and returns its rows for display.\"""
                cursor = con.execute(sql)
                return Rows([d[0] for d in cursor.description], cursor.fetchall())
            """;

    private NotebookPython() {}

    /** Returns the setup cell: the helpers, then the store opened read-only in UTC. */
    static String setup(String store) {
        String open = store == null
                ? "# The report ran on a temporary store made from --data. Ingest the same files first:\n"
                        + "#   trailhunt ingest --db trailhunt.duckdb PATH\n"
                        + "STORE = \"trailhunt.duckdb\"\n"
                : "# The store the report read, relative to this notebook; read-only, so the evidence cannot change.\n"
                        + "STORE = " + literal(store) + "\n";
        return "# Opens the store with DuckDB's Python client and shows results as trailhunt's reports do.\n"
                + HELPERS + "\n\n" + open
                + "con = duckdb.connect(STORE, read_only=True)\n"
                + "con.execute(\"SET TimeZone = 'UTC'\");";
    }

    /** Returns a query cell: the generated SQL run through {@code show}. */
    static String query(String sql) {
        return "show(" + literal("\n" + sql.strip() + "\n") + ")";
    }

    /**
     * Returns a Python string literal of the text, triple-quoted when it has several lines so that SQL keeps them; backslashes,
     * quotes and control characters are escaped, so nothing in the SQL can end the string early.
     */
    static String literal(String text) {
        String quote = text.indexOf('\n') < 0 ? "\"" : "\"\"\"";
        StringBuilder b = new StringBuilder(quote);
        boolean triple = quote.length() == 3;
        int quotes = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            // In a triple-quoted string only a third quote in a row, or one at the very end, would close it.
            boolean closes = c == '"' && (!triple || quotes == 2 || i == text.length());
            quotes = c == '"' && !closes ? quotes + 1 : 0;
            if (c == '\\' || closes) {
                b.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                b.append('\n');
            } else if (Visible.isControl(c)) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        }
        return b.append(quote).toString();
    }

    /** Returns the text/plain output of a result, as the helper's {@code __repr__} prints it. */
    static String plain(ResultTable t) {
        StringBuilder b = new StringBuilder(Visible.text(String.join(" | ", NotebookReport.names(t))));
        for (List<Object> row : t.rows()) {
            b.append('\n').append(String.join(" | ", row.stream().map(v -> Visible.text(CellText.of(v))).toList()));
        }
        return b.append('\n').append(t.size() == 1 ? "(1 row)" : "(" + t.size() + " rows)").toString();
    }

    /** Returns the text/html output of a result, as the helper's {@code _repr_html_} writes it. */
    static String html(ResultTable t) {
        StringBuilder b = new StringBuilder("<table>\n<thead><tr>");
        for (String name : NotebookReport.names(t)) {
            b.append("<th>").append(esc(Visible.text(name))).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : t.rows()) {
            b.append("<tr>");
            for (Object v : row) {
                b.append("<td>").append(esc(Visible.text(CellText.of(v)))).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
