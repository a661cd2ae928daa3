package dev.trailhunt.cli;

import dev.trailhunt.hunt.HuntLibrary;
import dev.trailhunt.report.ResultFormat;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs hunts from the library or from files and prints what they find. */
@Command(name = "hunt", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Run hunts on a store and print what they find.",
            "",
            "HUNT is a built-in hunt name or uuid (see `trailhunt hunts list`), an Elastic hunt TOML file,",
            "a folder of TOML files (all run), an .esql file, or an .sql file (DuckDB SQL, run read-only",
            "and sandboxed). ES|QL runs with Elasticsearch's semantics; EQL and osquery queries are listed",
            "as skipped. Before the rows, one line on stderr says what the data covers, what now() is and",
            "which time window the hunt applies, so an empty answer is never a mystery.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  trailhunt hunt --data samples/cloudtrail secretsmanager_high_frequency_get_secret_value",
            "  trailhunt hunt --db cases/acme.duckdb --format csv --out hits.csv secretsmanager_get_secret_value_by_secret",
            "  trailhunt hunt --now 2023-07-10T12:40:00Z ../shared/corpus/elastic-hunting/aws/",
            "  trailhunt hunt --format json my-hunt.esql | jq '.[0]'",
            "  trailhunt hunt --fail-on-findings nightly/ || echo 'findings!'",
            "",
            "Exit codes: 0 ran · 1 findings with --fail-on-findings · 2 usage · 3 hunt error · 4 data problem · 70 bug",
        })
public final class HuntCommand extends HuntingCommand {
    @Parameters(paramLabel = "HUNT", arity = "1..*", description = "Hunts to run, in order.")
    List<String> hunts;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; csv/json/ndjson hold one result).")
    ResultFormat format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the output to FILE instead of stdout.")
    Path out;

    @Option(names = "--width", paramLabel = "N", description = "Fit tables to N columns (0: no limit; default: the terminal's).")
    Integer width;

    @Option(names = "--fail-on-findings", description = "Exit with 1 when any hunt returns rows, for scripts and CI.")
    boolean failOnFindings;

    @Override
    public Integer call() {
        return run(HuntLibrary.load().resolveAll(hunts), format, out, width, failOnFindings);
    }
}
