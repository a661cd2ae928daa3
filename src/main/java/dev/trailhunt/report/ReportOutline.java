package dev.trailhunt.report;

import dev.trailhunt.engine.InputFile;
import dev.trailhunt.engine.StoreProfile;
import dev.trailhunt.hunt.ContextLine;
import dev.trailhunt.hunt.HuntDefinition;
import dev.trailhunt.hunt.HuntRun;
import dev.trailhunt.hunt.Pivots;
import dev.trailhunt.hunt.QueryRun;
import dev.trailhunt.hunt.RunResult;
import dev.trailhunt.rules.StoredAlerts;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a run as a notebook: title and hunt metadata, then per query the ES|QL, the SQL, the
 * result and a chart, then provenance. Holds no wall-clock time, so reruns give the same bytes.
 */
final class ReportOutline {
    /** Lists of more input files than this are folded: a reader looks for the findings first. */
    static final int FOLD_FILES = 10;

    private final RunResult run;
    private final ReportSink sink;

    private ReportOutline(RunResult run, ReportSink sink) {
        this.run = run;
        this.sink = sink;
    }

    /** Writes the whole report to a sink and returns the document. */
    static String write(RunResult run, ReportSink sink) {
        new ReportOutline(run, sink).write();
        return sink.end();
    }

    /**
     * Writes one report over the same hunts run on several stores and returns the document: a summary
     * of every store and hunt first, then a section per store with its hunts and its provenance.
     */
    static String writeStores(List<RunResult> runs, List<String> stores, ReportSink sink) {
        sink.begin("trailhunt report: " + runs.size() + " stores");
        sink.heading(2, "Summary");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = runs.get(i);
            for (HuntRun h : r.hunts()) {
                rows.add(List.of(stores.get(i), h.hunt().name(), outcome(h), windows(h),
                        CellText.instant(r.now().instant()) + " (" + r.now().source() + ")"));
            }
        }
        sink.grid(List.of("Store", "Hunt", "Result", "Time window", "now"), rows, List.of(false, false, false, false, false));
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = runs.get(i);
            ReportOutline outline = new ReportOutline(r, sink);
            sink.store(i);
            sink.heading(2, "Store: " + stores.get(i));
            sink.note(ContextLine.data(r.profile()) + " · now = " + CellText.instant(r.now().instant()) + " (" + r.now().source() + ")");
            for (HuntRun h : r.hunts()) {
                sink.heading(3, h.hunt().name());
                outline.hunt(h, 4);
            }
            outline.provenance(3);
        }
        return sink.end();
    }

    /**
     * Writes one report over a run's hunts (possibly none) and the alerts its store keeps and returns the document: a
     * summary of the hunts and of the rules that fired first, then a section per hunt, then per rule its alerts with the
     * events behind each, then provenance.
     */
    static String write(RunResult run, StoredAlerts alerts, ReportSink sink) {
        ReportOutline outline = new ReportOutline(run, sink);
        List<HuntRun> hunts = run.hunts();
        sink.begin(hunts.isEmpty() ? "trailhunt report: detection alerts"
                : "trailhunt report: " + (hunts.size() == 1 ? "1 hunt" : hunts.size() + " hunts") + " and detection alerts");
        sink.note(ContextLine.data(run.profile()) + ContextLine.bounded(run.bound()) + " · now = " + CellText.instant(run.now().instant())
                + " (" + run.now().source() + ")");
        sink.heading(2, "Summary");
        if (!hunts.isEmpty()) {
            outline.huntSummary();
        }
        AlertOutline.summary(alerts, sink);
        for (HuntRun h : hunts) {
            sink.heading(2, h.hunt().name());
            outline.hunt(h, 3);
        }
        AlertOutline.sections(alerts, sink, 2);
        outline.provenance(2);
        return sink.end();
    }

    private void write() {
        List<HuntRun> hunts = run.hunts();
        if (hunts.size() == 1) {
            sink.begin(hunts.get(0).hunt().name());
            hunt(hunts.get(0), 2);
        } else {
            sink.begin("trailhunt report: " + hunts.size() + " hunts");
            sink.note(ContextLine.data(run.profile()) + ContextLine.bounded(run.bound()) + " · now = " + CellText.instant(run.now().instant()) + " (" + run.now().source() + ")");
            sink.heading(2, "Summary");
            huntSummary();
            for (HuntRun h : hunts) {
                sink.heading(2, h.hunt().name());
                hunt(h, 3);
            }
        }
        provenance(2);
    }

    private void huntSummary() {
        List<List<String>> rows = new ArrayList<>();
        List<Boolean> hits = new ArrayList<>();
        for (HuntRun h : run.hunts()) {
            rows.add(List.of(h.hunt().name(), h.hunt().id(), outcome(h), windows(h)));
            hits.add(h.rows() > 0);
        }
        sink.grid(List.of("Hunt", "Id", "Result", "Time window"), rows, List.of(false, false, false, false), hits);
    }

    private void hunt(HuntRun h, int level) {
        HuntDefinition d = h.hunt();
        for (String para : d.description().split("\\n\\s*\\n")) {
            if (!para.isBlank()) {
                sink.paragraph(para.strip().replaceAll("\\s*\\n\\s*", " "));
            }
        }
        List<ReportSink.Fact> facts = new ArrayList<>();
        facts.add(new ReportSink.Fact("Hunt", List.of(ReportSink.Inline.of("`" + d.id() + "` (" + d.origin().label() + ")"))));
        if (!d.uuid().isEmpty()) {
            facts.add(new ReportSink.Fact("UUID", List.of(ReportSink.Inline.of(d.uuid()))));
        }
        if (!d.mitre().isEmpty()) {
            facts.add(new ReportSink.Fact("MITRE ATT&CK", d.mitre().stream()
                    .map(m -> new ReportSink.Inline(m, Mitre.url(m))).toList()));
        }
        if (!d.integrations().isEmpty()) {
            facts.add(new ReportSink.Fact("Integration", d.integrations().stream().map(ReportSink.Inline::of).toList()));
        }
        if (!d.author().isEmpty()) {
            facts.add(new ReportSink.Fact("Author", List.of(ReportSink.Inline.of(d.author()))));
        }
        sink.facts(facts);
        if (!d.loaded()) {
            sink.note("Could not be loaded as a hunt, so nothing of it ran.");
            sink.code("Error", "text", displayPath(d.location()) + ": " + d.loadError());
            return;
        }
        if (!d.notes().isEmpty()) {
            sink.heading(level, "Notes");
            sink.bullets(d.notes().stream().map(ReportSink.Inline::of).toList());
        }
        if (!d.references().isEmpty()) {
            sink.heading(level, "References");
            sink.bullets(d.references().stream().map(r -> new ReportSink.Inline(r, r.startsWith("http") ? r : null)).toList());
        }
        for (QueryRun q : h.queries()) {
            query(q, h.queries().size(), level);
        }
    }

    private void query(QueryRun q, int count, int level) {
        String title = count == 1 ? "Query" : "Query " + q.query().index() + " of " + count;
        sink.heading(level, title + " (" + q.query().language().label() + ")");
        switch (q.status()) {
            case SKIPPED -> {
                sink.note("Skipped: " + q.message() + ".");
                sink.code(null, "text", q.query().text().strip());
            }
            case FAILED -> {
                sink.code(null, languageTag(q), q.query().text().strip());
                sink.code("Error", "text", q.message());
            }
            case RAN -> {
                sink.note(ContextLine.format(run.profile(), run.now(), run.bound(), q.windowText()));
                sink.code(null, languageTag(q), q.query().text().strip());
                if (!q.sql().equals(q.query().text().strip())) {
                    sink.folded("DuckDB SQL (" + q.sql().lines().count() + " lines)", "sql", q.sql());
                }
                sink.paragraph(q.rows() == 1 ? "1 row." : CellText.count(q.rows()) + " rows.");
                if (!q.message().isEmpty()) {
                    sink.note(q.message());
                }
                if (q.rows() > 0) {
                    sink.result(q.table());
                    eventsBehind(q);
                }
                BarChart.of(q.table()).ifPresent(sink::chart);
                sink.ran(q.sql(), q.table());
            }
        }
    }

    /** Folds, under the rows, the ES|QL that lists the events behind each, so that a reader can rerun them. */
    private void eventsBehind(QueryRun q) {
        List<Pivots.Pivot> pivots = Pivots.derive(new HuntRun(HuntDefinition.adHoc(q.query().language(), q.query().text()), List.of(q)), q,
                Pivots.MAX_ROWS);
        if (pivots.isEmpty() || pivots.get(0).row() == 0) {
            // No STATS (the rows are the events) or an unsupported shape: said once, in a note, or not at all.
            pivots.stream().filter(p -> p.problem().startsWith("unsupported")).findFirst()
                    .ifPresent(p -> sink.note("Events behind the rows: " + p.problem().lines().findFirst().orElse("")));
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Pivots.Pivot p : pivots) {
            text.append(text.length() == 0 ? "" : "\n\n").append("// row ").append(p.row()).append('\n')
                    .append(p.esql().isEmpty() ? "// " + p.problem().lines().findFirst().orElse("") : p.esql());
        }
        int shown = pivots.size();
        String more = q.rows() > shown ? " (the first " + shown + " of " + CellText.count(q.rows()) + " rows)" : "";
        sink.folded("Events behind each row: ES|QL to rerun with --now " + CellText.instant(run.now().instant())
                + ContextLine.bounded(run.bound()).replace(" · bound ", " within ") + more, "esql", text.toString());
    }

    private static String languageTag(QueryRun q) {
        return switch (q.query().language()) {
            case ESQL -> "esql";
            case DUCKDB_SQL, OSQUERY_SQL -> "sql";
            default -> "text";
        };
    }

    private static String outcome(HuntRun h) {
        if (!h.hunt().loaded()) {
            return "could not be loaded";
        }
        List<String> parts = new ArrayList<>();
        for (QueryRun q : h.queries()) {
            parts.add(switch (q.status()) {
                case RAN -> q.rows() == 1 ? "1 row" : CellText.count(q.rows()) + " rows";
                case SKIPPED -> "skipped";
                case FAILED -> "failed";
            });
        }
        return String.join(" · ", parts);
    }

    private static String windows(HuntRun h) {
        return h.queries().stream().filter(q -> q.status() == QueryRun.Status.RAN || !q.windows().isEmpty())
                .map(QueryRun::windowText).distinct().reduce((a, b) -> a + " · " + b).orElse("");
    }

    /**
     * Shows an absolute input path relative to the working directory (with {@code ..} when it lies
     * outside), so that a report does not name the machine's directories and reruns elsewhere agree.
     */
    static String displayPath(String path) {
        java.nio.file.Path p;
        try {
            p = java.nio.file.Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            return path;
        }
        if (!p.isAbsolute()) {
            // Stored as given at ingest, relative to where ingest ran; nothing better is known.
            return path;
        }
        // Absolute paths become relative to the working directory, also outside it (../logs/x.json), as the README promises.
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        if (p.getRoot() == null || !p.getRoot().equals(cwd.getRoot())) {
            return path;
        }
        String relative = cwd.relativize(p.normalize()).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }

    private void provenance(int level) {
        StoreProfile p = run.profile();
        sink.heading(level, "Provenance");
        List<ReportSink.Fact> facts = new ArrayList<>();
        facts.add(new ReportSink.Fact("Events", List.of(ReportSink.Inline.of(CellText.count(p.events())))));
        if (p.hasEvents()) {
            facts.add(new ReportSink.Fact("Data time range", List.of(ReportSink.Inline.of(
                    CellText.instant(p.first()) + " → " + CellText.instant(p.last())))));
        }
        if (!run.bound().isNone()) {
            facts.add(new ReportSink.Fact("Time bound", List.of(ReportSink.Inline.of(run.bound().text()))));
        }
        facts.add(new ReportSink.Fact("now", List.of(ReportSink.Inline.of(CellText.instant(run.now().instant()) + " (" + run.now().source() + ")"))));
        facts.add(new ReportSink.Fact("Software", List.of(ReportSink.Inline.of("trailhunt " + run.trailhuntVersion()),
                ReportSink.Inline.of("DuckDB " + p.duckdbVersion()))));
        facts.add(new ReportSink.Fact("GeoIP", p.geoip().isEmpty()
                ? List.of(ReportSink.Inline.of("no GeoIP data (source.geo.* and source.as.* are null)"))
                : p.geoip().stream().map(ReportSink.Inline::of).toList()));
        sink.facts(facts);
        List<List<String>> huntRows = new ArrayList<>();
        for (HuntRun h : run.hunts()) {
            HuntDefinition d = h.hunt();
            huntRows.add(List.of(d.id(), d.location().isEmpty() ? d.origin().label() : displayPath(d.location()), d.sha256()));
        }
        if (!huntRows.isEmpty()) {
            sink.grid(List.of("Hunt", "Definition", "SHA-256"), huntRows, List.of(false, false, false));
        }
        if (p.files().isEmpty()) {
            sink.paragraph("The store records no input files.");
            return;
        }
        List<List<String>> fileRows = new ArrayList<>();
        long bytes = 0;
        for (InputFile f : p.files()) {
            bytes += f.size();
            String status = f.reason().isEmpty() ? f.status() : f.status() + ": " + f.reason();
            fileRows.add(List.of(displayPath(f.path()), CellText.count(f.size()), CellText.count(f.events()), status, f.sha256()));
        }
        sink.paragraph(CellText.count(p.files().size()) + (p.files().size() == 1 ? " input file, " : " input files, ")
                + CellText.count(bytes) + " bytes.");
        List<String> headers = List.of("File", "Bytes", "Events", "Status", "SHA-256");
        List<Boolean> numeric = List.of(false, true, true, false, false);
        if (fileRows.size() > FOLD_FILES) {
            sink.foldedGrid("Input files (" + CellText.count(fileRows.size()) + ")", headers, fileRows, numeric);
        } else {
            sink.grid(headers, fileRows, numeric);
        }
    }
}
