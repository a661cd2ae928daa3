package dev.trailhunt.cli;

import dev.trailhunt.engine.InputFile;
import dev.trailhunt.hunt.DataNeeds;
import dev.trailhunt.hunt.HuntDefinition;
import dev.trailhunt.hunt.HuntOrigin;
import dev.trailhunt.hunt.HuntQuery;
import dev.trailhunt.hunt.HuntRun;
import dev.trailhunt.hunt.HuntSession;
import dev.trailhunt.hunt.NowSpec;
import dev.trailhunt.hunt.QueryLanguage;
import dev.trailhunt.hunt.QueryRun;
import dev.trailhunt.hunt.RunResult;
import dev.trailhunt.report.ManifestException;
import dev.trailhunt.report.ReportManifest;
import dev.trailhunt.report.RowDiff;
import dev.trailhunt.report.Visible;
import dev.trailhunt.rules.StoredAlerts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Re-runs the queries a report's manifest holds and says whether the report still tells the truth. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Check a Markdown, HTML or notebook (ipynb) report that trailhunt wrote against a store or the logs.",
            "",
            "Every report carries a manifest (base64 JSON in an HTML comment at the end of Markdown and HTML; the notebook-level metadata.trailhunt of a notebook, which Jupyter keeps on save): each query's text, the resolved now, the store's input files with their SHA-256, every result row, and the SHA-256 of the visible report. verify checks four things:",
            "  1. the manifest is intact (its bytes match the SHA-256 in its header);",
            "  2. the visible report is as written (its SHA-256 matches the manifest; line ends and trailing blanks are ignored), and each result table it shows is the manifest's rows as trailhunt renders them;",
            "  3. every input file is in the store with the same SHA-256;",
            "  4. every query, re-run with the report's now on the given store, returns the manifest's rows (in any order); otherwise the rows added, removed and changed are shown;",
            "  5. for a report with --alerts, the store's alerts table and the events behind each alert are the manifest's.",
            "--now is ignored: the report's now is used.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything matches",
            "1:a result differs, or the report or its manifest was edited",
            "2:usage error (no such report, no manifest in it)",
            "3:input files missing from the store, or no store",
            "70:internal error (a bug: please report it)",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  trailhunt verify --db case.duckdb weekly.md",
            "  trailhunt verify --data samples/cloudtrail secrets.html",
            "  trailhunt verify --db case.duckdb case.ipynb",
        })
public final class VerifyCommand implements Callable<Integer> {
    /** Shows at most this many differing rows per query; the count says how many there are. */
    private static final int SHOWN_ROWS = 20;

    @Spec CommandSpec spec;

    @Mixin StoreOptions store;

    @Mixin LimitOptions limits;

    @Parameters(paramLabel = "REPORT", arity = "1", description = "The Markdown, HTML or ipynb report to check.")
    Path report;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String document;
        try {
            document = Files.readString(report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), Visible.text("cannot read " + report + ": " + e.getMessage()));
        }
        ReportManifest.Manifest m;
        try {
            m = ReportManifest.read(document);
        } catch (ManifestException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), Visible.text(report + ": " + e.getMessage()));
        }
        boolean differs = false;
        if (!m.problem().isEmpty()) {
            out.println("manifest: unusable: " + m.problem());
            out.println("verdict: DIFFERS (the report was damaged or edited)");
            out.flush();
            return ExitCodes.DIFFERS;
        }
        out.println(Visible.text("report: " + report + " (trailhunt " + m.trailhunt() + ")"));
        out.println(m.intact() ? "manifest: intact" : "manifest: EDITED (its bytes no longer match the SHA-256 in its header)");
        out.println(m.visibleIntact() ? "report text: as written" : "report text: EDITED after trailhunt wrote it (its SHA-256 differs from the manifest's)");
        differs |= !m.intact() || !m.visibleIntact();
        if (!m.trailhunt().equals(VersionProvider.version())) {
            out.println(Visible.text("note: written by trailhunt " + m.trailhunt() + ", checked by " + VersionProvider.version()
                    + "; the shown-table check assumes both render tables alike"));
        }
        List<ReportManifest.Run> runs = m.runs();
        if (runs.size() > 1 && (!store.data().isEmpty() || store.dbs().size() != runs.size())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the report covers " + runs.size()
                    + " stores; give one --db per store, in the report's order: " + Visible.text(String.join(", ", runs.stream().map(ReportManifest.Run::store).toList())));
        }
        boolean missing = false;
        int[] tableAt = {0};
        for (int i = 0; i < runs.size(); i++) {
            ReportManifest.Run mr = runs.get(i);
            String prefix = runs.size() > 1 ? "store " + Visible.text(mr.store()) + ": " : "";
            out.println(prefix + "now = " + mr.now() + " (" + Visible.text(mr.nowSource()) + "), DuckDB " + Visible.text(mr.duckdb()));
            List<HuntDefinition> hunts = definitions(mr);
            // The report's now, not --now: relative windows must cover the same instants as when it was written.
            store.now = new NowSpec(NowSpec.Kind.GIVEN, mr.now());
            RunResult run;
            ReportManifest.Alerts alerts = null;
            PrintWriter err = spec.commandLine().getErr();
            try (HuntSession session = runs.size() > 1 ? store.open(store.dbs().get(i), Clock.systemUTC(), limits.limits())
                    : store.open(err, Clock.systemUTC(), limits.limits(), mr.alerts() == null ? DataNeeds.of(hunts) : DataNeeds.ALL)) {
                run = session.runner().runAll(hunts, VersionProvider.version());
                if (mr.alerts() != null) {
                    alerts = ReportManifest.Alerts.of(StoredAlerts.read(session.store()));
                }
            }
            missing |= inputs(out, prefix, mr, run.profile().files());
            differs |= !queries(out, prefix, m, mr, run, tableAt);
            if (alerts != null) {
                int verdict = AlertsCheck.compare(out, prefix, m, mr.alerts(), alerts, tableAt);
                missing |= verdict == ExitCodes.DATA_ERROR;
                differs |= verdict == ExitCodes.DIFFERS;
            }
        }
        String verdict = missing ? "INPUTS MISSING" : differs ? "DIFFERS" : "verified";
        out.println("verdict: " + verdict);
        out.flush();
        return missing ? ExitCodes.DATA_ERROR : differs ? ExitCodes.DIFFERS : ExitCodes.OK;
    }

    /** Compares each query's re-run with the manifest and finds its table in the report; returns whether all matched. */
    private static boolean queries(PrintWriter out, String prefix, ReportManifest.Manifest m, ReportManifest.Run mr, RunResult run, int[] tableAt) {
        boolean same = true;
        for (int h = 0; h < mr.hunts().size(); h++) {
            ReportManifest.Hunt mh = mr.hunts().get(h);
            HuntRun rerun = run.hunts().get(h);
            for (int q = 0; q < mh.queries().size(); q++) {
                ReportManifest.Query mq = mh.queries().get(q);
                String who = prefix + Visible.text(mh.id()) + (mh.queries().size() > 1 ? " query " + mq.index() : "");
                same &= query(out, who, mq, rerun.queries().get(q));
                if (mq.table() != null && mq.table().size() > 0) {
                    int end = ReportManifest.findTable(m.visible(), mq.table(), tableAt[0]);
                    if (end < 0) {
                        out.println(who + ": shown table: EDITED (the report does not show the manifest's rows as trailhunt renders them)");
                        same = false;
                    } else {
                        tableAt[0] = end;
                    }
                }
            }
        }
        return same;
    }

    /** Rebuilds the hunts from the manifest's query texts, so that the re-run needs none of the original hunt files. */
    private static List<HuntDefinition> definitions(ReportManifest.Run m) {
        List<HuntDefinition> out = new ArrayList<>();
        for (ReportManifest.Hunt h : m.hunts()) {
            List<HuntQuery> queries = new ArrayList<>();
            for (ReportManifest.Query q : h.queries()) {
                QueryLanguage language;
                try {
                    language = QueryLanguage.valueOf(q.language());
                } catch (IllegalArgumentException e) {
                    language = QueryLanguage.UNKNOWN;
                }
                queries.add(new HuntQuery(q.index(), language, q.text()));
            }
            out.add(new HuntDefinition(h.id(), h.name(), "", "", "", List.of(), queries, List.of(), List.of(), List.of(),
                    HuntOrigin.AD_HOC, h.location(), h.sha256(), ""));
        }
        return out;
    }

    /** Says per input file whether the store has it with the same SHA-256; returns whether one is missing. */
    private static boolean inputs(PrintWriter out, String prefix, ReportManifest.Run m, List<InputFile> files) {
        int present = 0;
        List<String> problems = new ArrayList<>();
        for (ReportManifest.Input in : m.inputs()) {
            boolean same = files.stream().anyMatch(f -> f.sha256().equals(in.sha256()));
            if (same) {
                present++;
                continue;
            }
            boolean changed = files.stream().anyMatch(f -> f.path().equals(in.path()) || f.path().endsWith("/" + in.path()));
            problems.add("  " + prefix + Visible.text((changed ? "changed: " : "missing: ") + in.path() + " (sha256 " + in.sha256() + ")"));
        }
        long extra = files.stream().filter(f -> m.inputs().stream().noneMatch(i -> i.sha256().equals(f.sha256()))).count();
        out.println(prefix + String.format(Locale.ROOT, "inputs: %d of %d present with the same SHA-256%s", present, m.inputs().size(),
                extra == 0 ? "" : "; the store also has " + extra + (extra == 1 ? " file" : " files") + " the report did not read"));
        problems.forEach(out::println);
        return !problems.isEmpty();
    }

    /** Says whether one query gave the report's answer again; returns whether it did. */
    static boolean query(PrintWriter out, String who, ReportManifest.Query mq, QueryRun rq) {
        if (!mq.status().equals(rq.status().name())) {
            out.println(who + ": DIFFERS: the report says " + mq.status().toLowerCase(Locale.ROOT) + ", the re-run "
                    + rq.status().name().toLowerCase(Locale.ROOT) + (rq.message().isEmpty() ? "" : ": " + Visible.text(rq.message())));
            return false;
        }
        if (rq.status() != QueryRun.Status.RAN) {
            boolean same = mq.message().equals(rq.message());
            out.println(who + ": " + rq.status().name().toLowerCase(Locale.ROOT) + (same ? " again, for the same reason" : ", now for another reason: "
                    + Visible.text(rq.message())));
            return same;
        }
        if (mq.table() == null) {
            out.println(who + ": DIFFERS: the manifest holds no rows for a query that ran");
            return false;
        }
        RowDiff diff = RowDiff.of(mq.table(), rq.table());
        if (diff.same()) {
            out.println(who + ": same rows (" + rq.rows() + ")");
            return true;
        }
        if (diff.columnsDiffer()) {
            out.println(who + ": DIFFERS: columns " + names(mq.table()) + " became " + names(rq.table()));
        }
        out.println(String.format(Locale.ROOT, "%s: DIFFERS: %d rows in the report, %d in the re-run: %d added, %d removed, %d changed",
                who, mq.table().size(), rq.rows(), diff.added().size(), diff.removed().size(), diff.changed().size()));
        List<String> lines = diff.lines(rq.table().columns());
        lines.stream().limit(SHOWN_ROWS).forEach(l -> out.println("  " + l));
        if (lines.size() > SHOWN_ROWS) {
            out.println("  (" + (lines.size() - SHOWN_ROWS) + " more)");
        }
        return false;
    }

    private static String names(dev.trailhunt.model.ResultTable t) {
        return Visible.text(t.columns().stream().map(c -> c.name() + ":" + c.type().esqlName()).toList().toString());
    }
}
