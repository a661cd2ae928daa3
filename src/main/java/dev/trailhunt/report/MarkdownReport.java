package dev.trailhunt.report;

import dev.trailhunt.hunt.RunResult;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Writes a run as a Markdown notebook that renders on GitHub and reads well as plain text. */
public final class MarkdownReport implements ReportSink {
    private static final int BAR_CELLS = 40;
    private static final int LABEL_WIDTH = 64;
    /** Matches a link target that cannot end the link early or carry markup: http(s), no blanks, brackets or quotes. */
    private static final java.util.regex.Pattern SAFE_URL = java.util.regex.Pattern.compile("https?://[^\\s<>()\\[\\]\"'`\\\\]+");

    private final StringBuilder out = new StringBuilder();

    MarkdownReport() {}

    /** Renders the report; the same run gives the same text. */
    public static String render(RunResult run) {
        return ReportManifest.seal(ReportOutline.write(run, new MarkdownReport()), run);
    }

    /** Renders a report over a run's hunts and the alerts its store keeps, with the events behind each alert. */
    public static String render(RunResult run, dev.trailhunt.rules.StoredAlerts alerts) {
        return ReportManifest.seal(ReportOutline.write(run, alerts, new MarkdownReport()), run, alerts);
    }

    /** Renders one report over the same hunts run on several stores, named in the same order. */
    public static String render(List<RunResult> runs, List<String> stores) {
        return ReportManifest.seal(ReportOutline.writeStores(runs, stores, new MarkdownReport()), runs, stores);
    }

    /** Renders a result table alone, exactly as a report shows it. */
    static String tableText(ResultTable table) {
        MarkdownReport m = new MarkdownReport();
        m.result(table);
        return m.out.toString();
    }

    /** Renders a detect run: the triage summary and a section per rule that fired with the events behind each alert. */
    public static String render(dev.trailhunt.rules.Detection detection,
            java.util.function.Function<dev.trailhunt.rules.Alert, dev.trailhunt.model.ResultTable> events) {
        return DetectionOutline.write(detection, events, new MarkdownReport());
    }

    @Override
    public void begin(String title) {
        out.append("# ").append(inline(title)).append("\n\n");
    }

    @Override
    public void heading(int level, String text) {
        out.append("#".repeat(level)).append(' ').append(inline(text)).append("\n\n");
    }

    @Override
    public void paragraph(String text) {
        out.append(inline(text)).append("\n\n");
    }

    @Override
    public void facts(List<Fact> facts) {
        for (Fact f : facts) {
            out.append("- **").append(f.label()).append(":** ")
                    .append(f.values().stream().map(MarkdownReport::link).collect(Collectors.joining(", "))).append('\n');
        }
        out.append('\n');
    }

    @Override
    public void bullets(List<Inline> items) {
        for (Inline i : items) {
            out.append("- ").append(link(i)).append('\n');
        }
        out.append('\n');
    }

    @Override
    public void code(String caption, String language, String text) {
        if (caption != null) {
            out.append(caption).append(":\n\n");
        }
        String fence = fenceFor(text);
        out.append(fence).append(language).append('\n').append(text.strip()).append('\n').append(fence).append("\n\n");
    }

    @Override
    public void folded(String summary, String language, String text) {
        // GitHub and most renderers fold <details>; plain-text readers still see the code.
        out.append("<details><summary>").append(cell(summary)).append("</summary>\n\n");
        code(null, language, text);
        out.append("</details>\n\n");
    }

    @Override
    public void note(String text) {
        out.append("> ").append(inline(text)).append("\n\n");
    }

    @Override
    public void result(ResultTable table) {
        List<String> headers = table.columns().stream().map(ResultColumn::name).toList();
        List<Boolean> numeric = table.columns().stream().map(c -> c.type().isNumeric()).toList();
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            rows.add(row.stream().map(CellText::of).toList());
        }
        grid(headers, rows, numeric);
    }

    @Override
    public void grid(List<String> headers, List<List<String>> rows, List<Boolean> numeric) {
        grid(headers, rows, numeric, java.util.Collections.nCopies(rows.size(), false));
    }

    @Override
    public void grid(List<String> headers, List<List<String>> rows, List<Boolean> numeric, List<Boolean> marked) {
        out.append('|');
        for (String h : headers) {
            out.append(' ').append(cell(h)).append(" |");
        }
        out.append("\n|");
        for (Boolean n : numeric) {
            out.append(n ? "---:|" : "---|");
        }
        out.append('\n');
        for (int r = 0; r < rows.size(); r++) {
            out.append('|');
            for (String c : rows.get(r)) {
                // A marked row (a hunt with hits) is bold, so it stands out in a summary.
                String text = cell(c);
                out.append(' ').append(marked.get(r) && !text.isEmpty() ? "**" + text + "**" : text).append(" |");
            }
            out.append('\n');
        }
        out.append('\n');
    }

    @Override
    public void foldedGrid(String summary, List<String> headers, List<List<String>> rows, List<Boolean> numeric) {
        out.append("<details><summary>").append(cell(summary)).append("</summary>\n\n");
        grid(headers, rows, numeric);
        out.append("</details>\n\n");
    }

    @Override
    public void chart(BarChart chart) {
        StringBuilder block = new StringBuilder();
        int width = 0;
        List<String> labels = chart.labels(LABEL_WIDTH);
        for (String label : labels) {
            width = Math.max(width, label.codePointCount(0, label.length()));
        }
        for (int i = 0; i < chart.bars().size(); i++) {
            BarChart.Bar b = chart.bars().get(i);
            String label = labels.get(i);
            int cells = (int) Math.max(0, Math.round(b.value() / chart.max() * BAR_CELLS));
            if (cells == 0 && b.value() > 0) {
                cells = 1;
            }
            block.append(label).append(" ".repeat(width - label.codePointCount(0, label.length()))).append("  ")
                    .append("█".repeat(cells)).append(' ').append(BarChart.valueText(b.value())).append('\n');
        }
        if (chart.omitted() > 0) {
            block.append("(").append(chart.omittedText()).append(")\n");
        }
        String fence = fenceFor(block.toString());
        out.append("Chart: ").append(inline(chart.title())).append("\n\n").append(fence).append("text\n").append(block)
                .append(fence).append("\n\n");
    }

    /** Returns a code fence longer than any run of backquotes in the text, so that the text cannot close it. */
    static String fenceFor(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    @Override
    public String end() {
        String s = out.toString();
        while (s.endsWith("\n\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String link(Inline i) {
        return i.url() == null || !SAFE_URL.matcher(i.url()).matches()
                ? inline(i.text())
                : "[" + inline(i.text()) + "](" + i.url() + ")";
    }

    /**
     * Keeps backquoted code spans and escapes characters Markdown would read as markup elsewhere;
     * control characters become visible escapes, so a hunt's title cannot start a new block.
     */
    private static String inline(String raw) {
        String text = Visible.text(raw);
        StringBuilder b = new StringBuilder();
        boolean code = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`') {
                code = !code;
                b.append(c);
            } else if (!code && (c == '*' || c == '_' || c == '<' || c == '[' || c == ']' || c == '\\')) {
                b.append('\\').append(c);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Escapes a table cell so that it stays one cell of plain text: control characters become
     * visible escapes, HTML is written as entities (no tag or attribute survives, on GitHub or in a
     * renderer that allows raw HTML), and Markdown's inline markup and the column bar are backslashed;
     * underscores are left alone, as ECS names are full of them and GFM does not read them inside words.
     */
    static String cell(String s) {
        String v = Visible.text(s);
        StringBuilder b = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\\', '|', '`', '*', '[', ']', '~' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
