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
            "Run hunts and write one report: hunt metadata, the ES|QL, the generated SQL, the results,",
            "charts, and provenance (every input file with size, SHA-256 and events; the data's time",
            "range; the resolved now; trailhunt and DuckDB versions; each hunt file's SHA-256).",
            "Two runs on the same store write byte-identical files: no clock times, a total row order.",
            "HTML is one self-contained page (inline CSS and SVG, no scripts, nothing from the network).",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  trailhunt report --data samples/cloudtrail --out secrets.html secretsmanager_high_frequency_get_secret_value",
            "  trailhunt report --db case.duckdb --format markdown --out weekly.md ../shared/corpus/elastic-hunting/aws/",
            "",
            "Exit codes: 0 ran · 2 usage · 3 hunt error (the report is still written) · 4 data problem · 70 bug",
        })
public final class ReportCommand extends HuntingCommand {
    @Parameters(paramLabel = "HUNT", arity = "1..*", description = "Hunts to include, in order (names, uuids, files, folders).")
    List<String> hunts;

    @Option(names = {"-f", "--format"}, paramLabel = "markdown|html",
            description = "Report format (default: from the --out extension, else markdown).")
    ResultFormat format;

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
            throw new CommandLine.ParameterException(spec.commandLine(), "report --format must be markdown or html (for rows use `trailhunt hunt --format " + f.name().toLowerCase(java.util.Locale.ROOT) + "`)");
        }
        return run(HuntLibrary.load().resolveAll(hunts), f, out, 0, false);
    }
}
