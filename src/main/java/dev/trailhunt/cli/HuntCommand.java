package dev.trailhunt.cli;

import dev.trailhunt.hunt.HuntLibrary;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs hunts from the library or from files and prints what they find. */
@Command(name = "hunt", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Run hunts on a store and print what they find.",
            "",
            "HUNT is a built-in hunt name or uuid (see `trailhunt hunts list`), an Elastic hunt TOML file, a folder of hunt files (every .toml, .esql and .sql below it runs), an .esql file, or an .sql file (DuckDB SQL, run read-only and sandboxed). ES|QL runs with Elasticsearch's semantics; EQL and osquery queries are listed as skipped.",
            "",
            "Before the rows, one line on stderr says what the data covers, what now() is and which time window the hunt applies, so an empty answer is never a mystery.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ran, with or without findings",
            "1:findings, with --fail-on-findings",
            "2:usage error (bad option, unknown hunt, missing file)",
            "3:data problem (no store, store in use, unreadable --data path, output not written)",
            "4:hunt error (invalid hunt file, ES|QL syntax, unsupported feature, rejected SQL, over --timeout or --memory-limit)",
            "70:internal error (a bug: please report it)",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  # ingest the bundled samples into a temporary store and run the seed hunt",
            "  trailhunt hunt --data samples/cloudtrail \\",
            "      secretsmanager_high_frequency_get_secret_value",
            "  # a store made by `trailhunt ingest`, rows as CSV",
            "  trailhunt hunt --db case.duckdb -f csv -o hits.csv \\",
            "      secretsmanager_get_secret_value_by_secret",
            "  # every Elastic AWS hunt, as of a fixed time",
            "  trailhunt hunt --now 2023-07-10T12:40:00Z elastic-hunting/aws/",
            "  # the last two days only, with the events behind each row",
            "  trailhunt hunt --db case.duckdb --from -2d --events \\",
            "      secretsmanager_high_frequency_get_secret_value",
            "  trailhunt hunt -f json my-hunt.esql | jq '.[0]'",
            "  trailhunt hunt --fail-on-findings nightly/ || alert",
        })
public final class HuntCommand extends HuntingCommand {
    @Parameters(paramLabel = "HUNT", arity = "1..*", completionCandidates = CompletionWords.Hunts.class, description = "Hunts to run, in order.")
    List<String> hunts;

    @Mixin RowsOptions rows;

    @Mixin EventsOption events;

    @Override
    public Integer call() {
        return run(HuntLibrary.load().resolveAll(hunts), rows, events.events);
    }
}
