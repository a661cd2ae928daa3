package dev.trailhunt.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.trailhunt.hunt.RunResult;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a run as a Jupyter notebook (nbformat 4.5): a Markdown cell per report section, and per
 * query the ES|QL in a Markdown cell followed by a Python code cell that runs the generated SQL on the
 * store with DuckDB's Python client, its result table and chart already stored as the cell's output.
 * Cell ids and execution counts are numbered, keys sorted, so reruns give the same bytes.
 */
public final class NotebookReport implements ReportSink {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final List<String> stores;
    private int current;
    private final List<Map<String, Object>> cells = new ArrayList<>();
    private MarkdownReport markdown = new MarkdownReport();
    private boolean empty = true;
    private boolean opened;
    private int executions;
    private ResultTable table;
    private BarChart chart;

    private NotebookReport(List<String> stores) {
        this.stores = stores;
    }

    /**
     * Renders the notebook; the same run gives the same bytes.
     *
     * @param store the store's path as the notebook should open it (relative to the notebook's folder), or null when
     *     the run read a temporary store made from {@code --data}
     */
    public static String render(RunResult run, String store) {
        NotebookReport nb = new NotebookReport(java.util.Collections.singletonList(store));
        ReportOutline.write(run, nb);
        return nb.sealed(List.of(run), List.of(""), java.util.Collections.singletonList(null));
    }

    /**
     * Renders a notebook over a run's hunts and the alerts its store keeps; each alert's events are a code cell.
     *
     * @param store as for {@link #render(RunResult, String)}
     */
    public static String render(RunResult run, dev.trailhunt.rules.StoredAlerts alerts, String store) {
        NotebookReport nb = new NotebookReport(java.util.Collections.singletonList(store));
        ReportOutline.write(run, alerts, nb);
        return nb.sealed(List.of(run), List.of(""), java.util.Collections.singletonList(alerts));
    }

    /**
     * Renders one notebook over the same hunts run on several stores; each store's section opens its own store.
     *
     * @param names the stores' names in the report
     * @param paths the stores' paths as the notebook should open them, each null for a temporary store
     */
    public static String render(List<RunResult> runs, List<String> names, List<String> paths) {
        NotebookReport nb = new NotebookReport(paths);
        ReportOutline.writeStores(runs, names, nb);
        return nb.sealed(runs, names, java.util.Collections.nCopies(runs.size(), null));
    }

    @Override
    public void store(int index) {
        current = index;
        opened = false;
    }

    @Override
    public void begin(String title) {
        markdown.begin(title);
        empty = false;
    }

    @Override
    public void heading(int level, String text) {
        flush();
        markdown.heading(level, text);
        empty = false;
    }

    @Override
    public void paragraph(String text) {
        markdown.paragraph(text);
        empty = false;
    }

    @Override
    public void facts(List<Fact> facts) {
        markdown.facts(facts);
        empty = false;
    }

    @Override
    public void bullets(List<Inline> items) {
        markdown.bullets(items);
        empty = false;
    }

    @Override
    public void code(String caption, String language, String text) {
        markdown.code(caption, language, text);
        empty = false;
    }

    @Override
    public void folded(String summary, String language, String text) {
        // The code cell below holds the SQL; repeating it in the Markdown would only be noise.
    }

    @Override
    public void note(String text) {
        markdown.note(text);
        empty = false;
    }

    @Override
    public void result(ResultTable result) {
        this.table = result;
    }

    @Override
    public void grid(List<String> headers, List<List<String>> rows, List<Boolean> numeric) {
        markdown.grid(headers, rows, numeric);
        empty = false;
    }

    @Override
    public void chart(BarChart bars) {
        this.chart = bars;
    }

    @Override
    public void ran(String sql, ResultTable result) {
        flush();
        if (!opened) {
            opened = true;
            cells.add(codeCell(NotebookPython.setup(stores.get(current)), List.of()));
        }
        List<Map<String, Object>> outputs = new ArrayList<>();
        ResultTable shown = result != null ? result : table;
        Map<String, Object> data = new TreeMap<>();
        data.put("text/html", lines(NotebookPython.html(shown)));
        data.put("text/plain", lines(NotebookPython.plain(shown)));
        Map<String, Object> execute = new TreeMap<>();
        execute.put("output_type", "execute_result");
        execute.put("execution_count", executions + 1);
        execute.put("data", data);
        execute.put("metadata", new TreeMap<>());
        outputs.add(execute);
        if (chart != null) {
            Map<String, Object> image = new TreeMap<>();
            image.put("image/svg+xml", lines(HtmlReport.chartSvg(chart)));
            image.put("text/plain", lines("<chart: " + Visible.text(chart.title()) + ">"));
            Map<String, Object> display = new TreeMap<>();
            display.put("output_type", "display_data");
            display.put("data", image);
            display.put("metadata", new TreeMap<>());
            outputs.add(display);
        }
        cells.add(codeCell(NotebookPython.query(sql), outputs));
        table = null;
        chart = null;
    }

    private Map<String, Object> codeCell(String source, List<Map<String, Object>> outputs) {
        executions++;
        Map<String, Object> c = cell("code", source);
        c.put("execution_count", executions);
        c.put("outputs", outputs);
        return c;
    }

    private Map<String, Object> cell(String type, String source) {
        Map<String, Object> c = new TreeMap<>();
        c.put("cell_type", type);
        c.put("id", String.format(Locale.ROOT, "cell-%03d", cells.size() + 1));
        c.put("metadata", new TreeMap<>());
        c.put("source", lines(source));
        return c;
    }

    private void flush() {
        if (!empty) {
            cells.add(cell("markdown", markdown.end().stripTrailing()));
        }
        markdown = new MarkdownReport();
        empty = true;
    }

    /** Splits text into the list of lines, each but the last ending in a line break, that nbformat stores. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    @Override
    public String end() {
        flush();
        return document(null);
    }

    /**
     * Returns the notebook with its manifest in the notebook-level {@code metadata.trailhunt}, which Jupyter keeps on
     * save; the manifest's report hash covers what a save keeps of the cells (see {@link NotebookManifest}).
     */
    private String sealed(List<RunResult> runs, List<String> names, List<dev.trailhunt.rules.StoredAlerts> alerts) {
        String visible = NotebookManifest.visible(JSON.valueToTree(cells));
        com.fasterxml.jackson.databind.node.ObjectNode manifest = ReportManifest.manifest(runs, names, alerts, ReportManifest.visibleSha256(visible));
        return document(NotebookManifest.metadata(manifest));
    }

    private String document(Object trailhunt) {
        Map<String, Object> kernel = new TreeMap<>();
        kernel.put("display_name", "Python 3");
        kernel.put("language", "python");
        kernel.put("name", "python3");
        Map<String, Object> metadata = new TreeMap<>();
        metadata.put("kernelspec", kernel);
        metadata.put("language_info", Map.of("name", "python"));
        if (trailhunt != null) {
            metadata.put("trailhunt", trailhunt);
        }
        Map<String, Object> nb = new TreeMap<>();
        nb.put("cells", cells);
        nb.put("metadata", metadata);
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        DefaultIndenter one = new DefaultIndenter(" ", "\n");
        try {
            // nbformat's own layout: one-space indent, "key": value.
            Separators separators = Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator("");
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators).withObjectIndenter(one).withArrayIndenter(one);
            return JSON.writer(printer).writeValueAsString(nb) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the column names of a table, for the plain-text output. */
    static List<String> names(ResultTable t) {
        return t.columns().stream().map(ResultColumn::name).toList();
    }
}
