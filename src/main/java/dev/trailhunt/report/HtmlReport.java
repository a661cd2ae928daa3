package dev.trailhunt.report;

import dev.trailhunt.hunt.RunResult;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.util.List;
import java.util.Locale;

/**
 * Writes a run as one self-contained HTML page: inline CSS and inline SVG charts, no scripts, no
 * fonts or images from the network, so it opens the same anywhere and can be mailed as a file.
 */
public final class HtmlReport implements ReportSink {
    private static final String STYLE = """
            :root{color-scheme:light;--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--accent:#0969da;--bar:#2f81f7}
            *{box-sizing:border-box}
            body{margin:0;background:#fff;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
            main{max-width:1180px;margin:0 auto;padding:28px 32px 48px}
            h1{font-size:26px;margin:0 0 14px;line-height:1.25}
            h2{font-size:20px;margin:34px 0 10px;padding-bottom:6px;border-bottom:1px solid var(--line)}
            h3{font-size:16px;margin:24px 0 8px}
            p{margin:8px 0 12px}
            a{color:var(--accent);text-decoration:none}
            a:hover{text-decoration:underline}
            code{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;background:var(--soft);padding:1px 4px;border-radius:4px}
            pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:10px 14px;overflow-x:auto;margin:6px 0 14px}
            pre code{background:none;padding:0;white-space:pre}
            details{margin:6px 0 12px}
            summary{cursor:pointer;font-size:13px;color:var(--muted);font-weight:600}
            .caption{font-size:13px;color:var(--muted);margin:10px 0 2px;font-weight:600}
            .note{border-left:4px solid var(--line);color:var(--muted);padding:2px 12px;margin:10px 0;font-size:14px}
            dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:10px 0 16px;font-size:14px}
            dl.facts dt{color:var(--muted);font-weight:600}
            dl.facts dd{margin:0}
            ul{margin:6px 0 14px;padding-left:22px}
            li{margin:3px 0}
            .scroll{overflow-x:auto;margin:6px 0 16px;border:1px solid var(--line);border-radius:6px}
            table{border-collapse:collapse;font-size:13px;width:100%}
            th,td{padding:5px 10px;text-align:left;vertical-align:top;border-bottom:1px solid var(--line)}
            th{background:var(--soft);font-weight:600}
            tr:last-child td{border-bottom:none}
            td{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;white-space:nowrap}
            td.long{white-space:normal;overflow-wrap:anywhere;min-width:14em}
            td.wide{min-width:26em}
            td.num,th.num{text-align:right}
            td.null{color:var(--muted);font-style:italic}
            tr.hit td{background:#fff8c5;font-weight:600}
            tr.hit td:first-child{box-shadow:inset 4px 0 0 #d4a72c}
            figure{margin:8px 0 18px}
            figcaption{font-size:13px;color:var(--muted);font-weight:600;margin-bottom:4px}
            svg text{font:11.5px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--ink)}
            svg .value{fill:var(--muted)}
            svg rect{fill:var(--bar)}
            """;
    private static final int CHART_WIDTH = 1100;
    private static final int LABEL_WIDTH = 560;
    private static final int BAR_HEIGHT = 18;
    private static final int ROW_HEIGHT = 26;
    private static final int LABEL_CHARS = 80;
    private static final int LONG_CELL = 40;

    private final StringBuilder out = new StringBuilder();

    private HtmlReport() {}

    /** Renders the report; the same run gives the same bytes. */
    public static String render(RunResult run) {
        return ReportManifest.seal(ReportOutline.write(run, new HtmlReport()), run);
    }

    /** Renders a report over a run's hunts and the alerts its store keeps, with the events behind each alert. */
    public static String render(RunResult run, dev.trailhunt.rules.StoredAlerts alerts) {
        return ReportManifest.seal(ReportOutline.write(run, alerts, new HtmlReport()), run, alerts);
    }

    /** Renders one report over the same hunts run on several stores, named in the same order. */
    public static String render(List<RunResult> runs, List<String> stores) {
        return ReportManifest.seal(ReportOutline.writeStores(runs, stores, new HtmlReport()), runs, stores);
    }

    /** Renders a result table alone, exactly as a report shows it. */
    static String tableText(ResultTable table) {
        HtmlReport h = new HtmlReport();
        h.result(table);
        return h.out.toString();
    }

    /** Renders a chart alone as an SVG image that carries its own colours and fonts. */
    static String chartSvg(BarChart chart) {
        HtmlReport h = new HtmlReport();
        h.chart(chart);
        String s = h.out.toString();
        String svg = s.substring(s.indexOf("<svg"), s.indexOf("</svg>") + "</svg>".length());
        int open = svg.indexOf(">\n") + 2;
        return svg.substring(0, open) + "<style>text{font:11.5px system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;fill:#1f2328}"
                + ".value{fill:#59636e}rect{fill:#2f81f7}</style>\n" + svg.substring(open) + "\n";
    }

    /** Renders a detect run: the triage summary and a section per rule that fired with the events behind each alert. */
    public static String render(dev.trailhunt.rules.Detection detection,
            java.util.function.Function<dev.trailhunt.rules.Alert, dev.trailhunt.model.ResultTable> events) {
        return DetectionOutline.write(detection, events, new HtmlReport());
    }

    @Override
    public void begin(String title) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(esc(title)).append("</h1>\n");
    }

    @Override
    public void heading(int level, String text) {
        out.append("<h").append(level).append('>').append(inline(text)).append("</h").append(level).append(">\n");
    }

    @Override
    public void paragraph(String text) {
        out.append("<p>").append(inline(text)).append("</p>\n");
    }

    @Override
    public void facts(List<Fact> facts) {
        out.append("<dl class=\"facts\">\n");
        for (Fact f : facts) {
            out.append("<dt>").append(esc(f.label())).append("</dt><dd>");
            for (int i = 0; i < f.values().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(link(f.values().get(i)));
            }
            out.append("</dd>\n");
        }
        out.append("</dl>\n");
    }

    @Override
    public void bullets(List<Inline> items) {
        out.append("<ul>\n");
        for (Inline i : items) {
            out.append("<li>").append(link(i)).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    @Override
    public void code(String caption, String language, String text) {
        if (caption != null) {
            out.append("<div class=\"caption\">").append(esc(caption)).append("</div>\n");
        }
        out.append("<pre><code class=\"language-").append(esc(language)).append("\">").append(esc(text.strip())).append("</code></pre>\n");
    }

    @Override
    public void folded(String summary, String language, String text) {
        out.append("<details><summary>").append(esc(summary)).append("</summary>\n");
        code(null, language, text);
        out.append("</details>\n");
    }

    @Override
    public void note(String text) {
        out.append("<p class=\"note\">").append(inline(text)).append("</p>\n");
    }

    @Override
    public void result(ResultTable table) {
        out.append("<div class=\"scroll\"><table>\n<thead><tr>");
        for (ResultColumn c : table.columns()) {
            out.append(c.type().isNumeric() ? "<th class=\"num\">" : "<th>").append(breakable(c.name())).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : table.rows()) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                String text = Visible.text(CellText.of(v));
                // A long value in a result (a user agent) wraps wider than in a summary grid, so that its row stays a few lines tall.
                String cls = cellClass(v, table.columns().get(i).type().isNumeric(), text);
                out.append("<td").append(cls.equals(" class=\"long\"") ? " class=\"long wide\"" : cls).append('>').append(esc(text)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
    }

    @Override
    public void grid(List<String> headers, List<List<String>> rows, List<Boolean> numeric) {
        grid(headers, rows, numeric, java.util.Collections.nCopies(rows.size(), false));
    }

    @Override
    public void foldedGrid(String summary, List<String> headers, List<List<String>> rows, List<Boolean> numeric) {
        out.append("<details class=\"grid\"><summary>").append(esc(summary)).append("</summary>\n");
        grid(headers, rows, numeric);
        out.append("</details>\n");
    }

    @Override
    public void grid(List<String> headers, List<List<String>> rows, List<Boolean> numeric, List<Boolean> marked) {
        out.append("<div class=\"scroll\"><table>\n<thead><tr>");
        for (int i = 0; i < headers.size(); i++) {
            out.append(numeric.get(i) ? "<th class=\"num\">" : "<th>").append(esc(headers.get(i))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            out.append(marked.get(r) ? "<tr class=\"hit\">" : "<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.append("<td").append(cellClass("", numeric.get(i), row.get(i))).append('>').append(esc(row.get(i))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
    }

    @Override
    public void chart(BarChart chart) {
        int rows = chart.bars().size() + (chart.omitted() > 0 ? 1 : 0);
        int height = rows * ROW_HEIGHT + 8;
        int barSpace = CHART_WIDTH - LABEL_WIDTH - 16 - 70;
        out.append("<figure>\n<figcaption>").append(esc(chart.title())).append("</figcaption>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(CHART_WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(height)
                .append("\" style=\"max-width:100%;height:auto\">\n<title>").append(esc(chart.title())).append("</title>\n");
        List<String> labels = chart.labels(LABEL_CHARS);
        for (int i = 0; i < chart.bars().size(); i++) {
            BarChart.Bar b = chart.bars().get(i);
            int y = 4 + i * ROW_HEIGHT;
            double w = Math.max(b.value() > 0 ? 2.0 : 0.0, b.value() / chart.max() * barSpace);
            String label = labels.get(i);
            out.append("<text x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 13).append("\" text-anchor=\"end\">")
                    .append(esc(label)).append(label.equals(b.label()) ? "" : "<title>" + esc(b.label()) + "</title>").append("</text>")
                    .append("<rect x=\"").append(LABEL_WIDTH + 8).append("\" y=\"").append(y).append("\" width=\"")
                    .append(String.format(Locale.ROOT, "%.1f", w)).append("\" height=\"").append(BAR_HEIGHT).append("\" rx=\"2\"/>")
                    .append("<text class=\"value\" x=\"").append(String.format(Locale.ROOT, "%.1f", LABEL_WIDTH + 14 + w))
                    .append("\" y=\"").append(y + 13).append("\">").append(esc(BarChart.valueText(b.value()))).append("</text>\n");
        }
        if (chart.omitted() > 0) {
            int y = 4 + chart.bars().size() * ROW_HEIGHT;
            out.append("<text class=\"value\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 13)
                    .append("\" text-anchor=\"end\">").append(esc(chart.omittedText())).append("</text>\n");
        }
        out.append("</svg>\n</figure>\n");
    }

    @Override
    public String end() {
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    /** Classes a cell: numbers align right, nulls are muted, and only long values other than ARNs (agents, hashes) may wrap. */
    private static String cellClass(Object v, boolean numeric, String text) {
        if (v == null) {
            return " class=\"null\"";
        }
        if (numeric) {
            return " class=\"num\"";
        }
        // An identity (ARN) stays on one line, whole, as in every table; the box scrolls instead.
        return text.length() > LONG_CELL && !text.startsWith("arn:") ? " class=\"long\"" : "";
    }

    /** Escapes a column name and lets it break after its dots, so long ECS names do not widen the table. */
    private static String breakable(String name) {
        return esc(name).replace(".", ".<wbr>");
    }

    private static String link(Inline i) {
        return i.url() == null ? inline(i.text()) : "<a href=\"" + esc(i.url()) + "\">" + inline(i.text()) + "</a>";
    }

    /** Escapes text and turns backquoted spans into code elements. */
    private static String inline(String text) {
        StringBuilder b = new StringBuilder();
        String[] parts = text.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            boolean code = i % 2 == 1 && i < parts.length - 1;
            if (code) {
                b.append("<code>").append(esc(parts[i])).append("</code>");
            } else {
                b.append(i % 2 == 1 ? "`" : "").append(esc(parts[i]));
            }
        }
        return b.toString();
    }

    /** Escapes text for HTML; control characters other than line breaks and tabs become visible escapes first. */
    private static String esc(String raw) {
        String s = Visible.lines(raw);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
