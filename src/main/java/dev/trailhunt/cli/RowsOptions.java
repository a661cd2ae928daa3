package dev.trailhunt.cli;

import dev.trailhunt.report.ResultFormat;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Chooses how the rows of the hunt and query commands are written. */
final class RowsOptions {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", completionCandidates = CompletionWords.Formats.class,
            description = "Output: table, vertical (one field per line), csv, json, ndjson, markdown, html or ipynb (default: from the --out extension .csv .json .ndjson .md .html .ipynb, else table; vertical when even the shortened table does not fit).")
    ResultFormat format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the output to FILE instead of stdout.")
    Path out;

    /** Returns --format, else the format the --out file's extension names, else table, as report does. */
    ResultFormat format() {
        if (format != null) {
            return format;
        }
        ResultFormat guessed = out == null || out.getFileName() == null ? null : ResultFormat.fromFileName(out.getFileName().toString());
        return guessed == null ? ResultFormat.TABLE : guessed;
    }

    @Option(names = "--width", paramLabel = "N", description = "Fit tables to N columns (0: no limit; default: the terminal's; none when piped).")
    Integer width;

    @Option(names = "--fail-on-findings", description = "Exit with 1 when rows are found, for scripts and CI.")
    boolean failOnFindings;

    @Option(names = "--csv-raw",
            description = "Write CSV cells as they are. By default text starting with = + - @ tab or CR gets a leading ' so spreadsheets do not run it as a formula.")
    boolean csvRaw;
}
