package dev.trailhunt.cli;

import dev.trailhunt.hunt.HuntLibrary;
import dev.trailhunt.report.ResultFormat;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes a reproducible notebook-style report of hunts. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Run hunts and write one reproducible report, in Markdown, HTML or a Jupyter notebook (ipynb).",
            "",
            "The report holds the hunt metadata, the ES|QL, the generated SQL, the results, charts, and provenance (every input file with size, SHA-256 and events; the data's time range; the resolved now; trailhunt and DuckDB versions; each hunt file's SHA-256).",
            "",
            "Two runs on the same store write byte-identical files: no clock times, a total row order. HTML is one self-contained page (inline CSS and SVG, no scripts, nothing from the network).",
            "",
            "Several --db stores give one document: a summary of every store and hunt first, then a section per store.",
            "",
            "--alerts adds the alerts `trailhunt detect` stored in the store: the rules that fired (by severity, risk score, alerts) in the summary, then per rule each alert with the events behind it; `verify` re-reads them.",
            "",
            "Every report carries a manifest (the queries, now, input SHA-256s, every row) that `trailhunt verify REPORT` re-checks: at the end of Markdown and HTML, in a notebook's metadata. A notebook has a Markdown cell per section and, per query, a Python cell that runs the SQL on the store with DuckDB's Python client, its result and chart already stored as output.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:report written",
            "2:usage error (bad option, unknown hunt, --format not markdown/html/ipynb)",
            "3:data problem (no store, store in use, unreadable --data path, output not written)",
            "4:hunt error (the report is still written, with the error in place of the result)",
            "70:internal error (a bug: please report it)",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  trailhunt report --data samples/cloudtrail -o secrets.html \\",
            "      secretsmanager_high_frequency_get_secret_value",
            "  trailhunt report --db case.duckdb -o weekly.md elastic-hunting/aws/",
            "  trailhunt report --db before.duckdb --db after.duckdb -o compare.md \\",
            "      secretsmanager_high_frequency_get_secret_value",
            "  trailhunt report --db case.duckdb --alerts -o alerts.html",
            "  trailhunt report --db case.duckdb -f ipynb -o case.ipynb \\",
            "      secretsmanager_high_frequency_get_secret_value",
        })
public final class ReportCommand extends HuntingCommand {
    @Parameters(paramLabel = "HUNT", arity = "0..*", completionCandidates = CompletionWords.Hunts.class, description = "Hunts to include, in order (names, uuids, files, folders); none with --alerts gives a report of the alerts alone.")
    List<String> hunts;

    @Option(names = {"-f", "--format"}, paramLabel = "markdown|html|ipynb", completionCandidates = CompletionWords.ReportFormats.class,
            description = "Report format (default: from the --out extension, else markdown).")
    ResultFormat format;

    @Option(names = "--alerts", description = "Also report the alerts `trailhunt detect` stored in the --db store: the rules that fired in the summary, "
            + "then per rule its alerts with the events behind each. With no HUNT, the report holds the alerts alone.")
    boolean alerts;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "The report file to write.")
    Path out;

    @Override
    public Integer call() {
        ResultFormat f = format;
        if (f == null) {
            ResultFormat guessed = ResultFormat.fromFileName(out.getFileName().toString());
            f = guessed != null && guessed.isReport() ? guessed : ResultFormat.MARKDOWN;
        }
        if (!f.isReport()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "report --format must be markdown, html or ipynb (for rows use `trailhunt hunt --format " + f.name().toLowerCase(java.util.Locale.ROOT) + "`)");
        }
        List<String> given = hunts == null ? List.of() : hunts;
        if (alerts) {
            return runWithAlerts(given.isEmpty() ? List.of() : HuntLibrary.load().resolveAll(given), f, out);
        }
        if (given.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give a HUNT to run, or --alerts to report the alerts `trailhunt detect` stored");
        }
        if (store.dbs().size() > 1) {
            return runStores(HuntLibrary.load().resolveAll(hunts), f, out);
        }
        return run(HuntLibrary.load().resolveAll(hunts), f, out, 0, false, false);
    }
}
