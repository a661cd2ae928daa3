package dev.trailhunt.report;

import dev.trailhunt.model.ResultTable;
import java.util.List;

/** Receives the parts of a report in document order; one implementation per output format. */
interface ReportSink {
    /**
     * Holds a piece of inline text, optionally linked; backquoted spans are code.
     *
     * @param text the text
     * @param url the link target, or null
     */
    record Inline(String text, String url) {
        static Inline of(String text) {
            return new Inline(text, null);
        }
    }

    /**
     * Holds one labelled fact of the hunt's metadata.
     *
     * @param label the label
     * @param values the values, shown comma separated
     */
    record Fact(String label, List<Inline> values) {}

    void begin(String title);

    void heading(int level, String text);

    void paragraph(String text);

    void facts(List<Fact> facts);

    void bullets(List<Inline> items);

    void code(String caption, String language, String text);

    /** Writes code that is long and secondary (the generated SQL) folded away under a summary line. */
    void folded(String summary, String language, String text);

    void note(String text);

    void result(ResultTable table);

    void grid(List<String> headers, List<List<String>> rows, List<Boolean> numeric);

    /** Writes a grid whose marked rows stand out (hunts with hits in a summary); a format without emphasis writes a plain grid. */
    default void grid(List<String> headers, List<List<String>> rows, List<Boolean> numeric, List<Boolean> marked) {
        grid(headers, rows, numeric);
    }

    /**
     * Writes a long grid (a provenance list) folded away under a summary line, so that it does not bury
     * the findings; a format that cannot fold writes the summary line and the grid.
     */
    default void foldedGrid(String summary, List<String> headers, List<List<String>> rows, List<Boolean> numeric) {
        paragraph(summary);
        grid(headers, rows, numeric);
    }

    void chart(BarChart chart);

    /**
     * Ends the cells of a query that ran, after its result and chart: a notebook adds the code cell
     * that re-runs the SQL here; documents need nothing more.
     */
    default void ran(String sql, ResultTable table) {}

    /** Starts the section of the {@code index}-th store of a report over several stores; a notebook opens that store there. */
    default void store(int index) {}

    String end();
}
