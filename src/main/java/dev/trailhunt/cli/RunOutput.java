package dev.trailhunt.cli;

import dev.trailhunt.hunt.ContextLine;
import dev.trailhunt.hunt.HuntDefinition;
import dev.trailhunt.hunt.HuntRun;
import dev.trailhunt.hunt.QueryRun;
import dev.trailhunt.hunt.RunResult;
import dev.trailhunt.report.CombinedRows;
import dev.trailhunt.report.CsvWriter;
import dev.trailhunt.report.HtmlReport;
import dev.trailhunt.report.JsonWriter;
import dev.trailhunt.report.MarkdownReport;
import dev.trailhunt.report.NotebookReport;
import dev.trailhunt.rules.StoredAlerts;
import dev.trailhunt.report.ResultFormat;
import dev.trailhunt.report.TerminalTable;
import dev.trailhunt.report.TriageSummary;
import dev.trailhunt.report.Visible;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints a run: context and problems on stderr, the answer on stdout or in --out, in the chosen format.
 *
 * <p>Every stderr line that repeats a hunt's name, a file name or an error shows control characters
 * as escapes ({@link Visible}), so that neither log data nor a file name can forge a line or drive the terminal.
 */
final class RunOutput {
    private final PrintWriter out;
    private final PrintWriter err;
    private final String notebookStore;

    RunOutput(PrintWriter out, PrintWriter err) {
        this(out, err, null);
    }

    /**
     * Creates the output; {@code notebookStore} is the store's path as a notebook should open it, or null
     * when the run read a temporary store.
     */
    RunOutput(PrintWriter out, PrintWriter err, String notebookStore) {
        this.out = out;
        this.err = err;
        this.notebookStore = notebookStore;
    }

    /** Counts the queries of a run that produce a result table, for formats that hold only one. */
    static long resultCount(RunResult run) {
        return run.hunts().stream().flatMap(h -> h.queries().stream()).filter(q -> q.status() == QueryRun.Status.RAN).count();
    }

    /** Says, once per run, why the GeoIP/ASN fields a query reads are null. */
    static final String NO_GEOIP = "no GeoIP data: source.geo.* and source.as.* are null in this store"
            + " (fill them with `trailhunt enrich --geoip DIR`)";

    /** Says on stderr what each query looked at, or why it was skipped or failed. */
    void context(RunResult run) {
        boolean many = run.hunts().size() > 1 || run.hunts().stream().mapToInt(h -> h.queries().size()).sum() > 1;
        if (run.profile().geoip().isEmpty() && run.hunts().stream().flatMap(h -> h.queries().stream())
                .anyMatch(q -> q.sql().contains("\"source.geo.") || q.sql().contains("\"source.as."))) {
            err.println(NO_GEOIP);
        }
        for (HuntRun h : run.hunts()) {
            if (!h.hunt().loaded()) {
                err.println(Visible.text(h.hunt().id() + ": could not load " + h.hunt().loadProblem()));
            }
            for (QueryRun q : h.queries()) {
                String who = Visible.text(h.hunt().id()) + (h.queries().size() > 1 ? " query " + q.query().index() : "");
                switch (q.status()) {
                    case RAN -> {
                        String line = Visible.text(ContextLine.format(run.profile(), run.now(), run.bound(), q.windowText()));
                        err.println(many ? who + ": " + line : line);
                        if (!q.message().isEmpty()) {
                            err.println(many ? who + ": " + q.message() : q.message());
                        }
                    }
                    case SKIPPED -> err.println(who + ": skipped: " + Visible.text(q.message()));
                    case FAILED -> err.println(who + ": " + Visible.message(q.message()));
                }
            }
        }
        err.flush();
    }

    /** Writes the run in a format, to the file when given, and returns whether table text was shortened. */
    boolean write(RunResult run, ResultFormat format, Path file, int width, boolean colour, boolean csvRaw) {
        if (file == null) {
            boolean shortened = write(run, format, out, width, colour, csvRaw, notebookStore);
            out.flush();
            return shortened;
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return write(run, format, w, 0, false, csvRaw, notebookStore);
        } catch (IOException e) {
            throw FileProblem.cannotWrite(file, e);
        }
    }

    /** Writes one report over several stores' runs to a file. */
    void writeStores(List<RunResult> runs, List<String> names, List<String> notebookPaths, ResultFormat format, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(switch (format) {
                case HTML -> HtmlReport.render(runs, names);
                case IPYNB -> NotebookReport.render(runs, names, notebookPaths);
                default -> MarkdownReport.render(runs, names);
            });
        } catch (IOException e) {
            throw FileProblem.cannotWrite(file, e);
        }
    }

    /** Writes one report over a run's hunts and its store's alerts to a file. */
    void writeWithAlerts(RunResult run, StoredAlerts alerts, ResultFormat format, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(switch (format) {
                case HTML -> HtmlReport.render(run, alerts);
                case IPYNB -> NotebookReport.render(run, alerts, notebookStore);
                default -> MarkdownReport.render(run, alerts);
            });
        } catch (IOException e) {
            throw FileProblem.cannotWrite(file, e);
        }
    }

    private static boolean write(RunResult run, ResultFormat format, Writer w, int width, boolean colour, boolean csvRaw,
            String notebookStore) {
        try {
            switch (format) {
                case MARKDOWN -> w.write(MarkdownReport.render(run));
                case HTML -> w.write(HtmlReport.render(run));
                case IPYNB -> w.write(NotebookReport.render(run, notebookStore));
                case TABLE, VERTICAL -> {
                    return tables(run, w, width, colour, format == ResultFormat.VERTICAL);
                }
                default -> {
                    QueryRun only = run.hunts().stream().flatMap(h -> h.queries().stream())
                            .filter(q -> q.status() == QueryRun.Status.RAN).findFirst().orElse(null);
                    if (only == null) {
                        return false;
                    }
                    // Several results are one stream with a hunt column, so that scripts read one file.
                    var table = run.hunts().size() > 1 || resultCount(run) > 1 ? CombinedRows.of(run) : only.table();
                    switch (format) {
                        case CSV -> CsvWriter.write(table, w, !csvRaw);
                        case JSON -> JsonWriter.writeArray(table, w);
                        default -> JsonWriter.writeLines(table, w);
                    }
                }
            }
            w.flush();
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean tables(RunResult run, Writer w, int width, boolean colour, boolean vertical) throws IOException {
        TerminalTable table = new TerminalTable(width, colour, vertical);
        boolean shortened = false;
        List<QueryRun> ran = run.hunts().stream().flatMap(h -> h.queries().stream())
                .filter(q -> q.status() == QueryRun.Status.RAN).toList();
        boolean several = run.hunts().size() > 1 || run.hunts().stream().mapToInt(h -> h.queries().size()).sum() > 1;
        if (several) {
            // Triage: what found something comes first; an empty hunt is one summary line, never an empty table.
            for (String line : TriageSummary.lines(run)) {
                w.write(line + "\n");
            }
        }
        for (HuntRun h : run.hunts()) {
            for (QueryRun q : h.queries()) {
                if (q.status() != QueryRun.Status.RAN || several && q.rows() == 0) {
                    continue;
                }
                if (several) {
                    w.write("\n== " + Visible.text(h.hunt().id())
                            + (h.queries().size() > 1 ? " · query " + q.query().index() : "") + " ==\n");
                }
                shortened |= table.write(q.table(), w);
            }
        }
        w.flush();
        return shortened;
    }

    private static long count(RunResult run, QueryRun.Status status) {
        return run.hunts().stream().flatMap(h -> h.queries().stream()).filter(q -> q.status() == status).count();
    }

    /** Says how many rows each query found, and how long the run took, on stderr only (reports stay reproducible). */
    void summary(RunResult run, long elapsedNanos, long huntingNanos, boolean shortened, int width) {
        long failed = count(run, QueryRun.Status.FAILED);
        long skipped = count(run, QueryRun.Status.SKIPPED);
        List<HuntDefinition> unloaded = run.unloaded();
        long queries = resultCount(run) + failed + skipped;
        String rows = run.rows() == 1 ? "1 row" : String.format(Locale.ROOT, "%,d rows", run.rows());
        // "0 rows from 0 queries, 1 failed" read as if nothing was asked; count every query, then say how some ended.
        String outcomes = java.util.stream.Stream.of(failed > 0 ? failed + " failed" : "", skipped > 0 ? skipped + " skipped" : "",
                        unloaded.isEmpty() ? "" : unloaded.size() + (unloaded.size() == 1 ? " hunt file" : " hunt files") + " not loaded")
                .filter(s -> !s.isEmpty()).collect(java.util.stream.Collectors.joining(", "));
        err.println(String.format(Locale.ROOT, "%s from %d %s%s in %.2f s; hunting %.2f s", rows, queries,
                queries == 1 ? "query" : "queries", outcomes.isEmpty() ? "" : " (" + outcomes + ")", elapsedNanos / 1e9,
                huntingNanos / 1e9));
        if (shortened) {
            err.println(TerminalTable.MARK + " marks text shortened to fit " + width
                    + " columns; --width 0 or --format csv shows full values");
        }
        err.flush();
    }
}
