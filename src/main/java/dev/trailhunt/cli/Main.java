package dev.trailhunt.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Starts the trailhunt command line. */
@Command(
        name = "trailhunt",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Run Elastic Security's ES|QL hunts over AWS CloudTrail logs on a laptop, with no cluster.",
        footerHeading = "%nStart here:%n",
        footer = {
            "  trailhunt hunt --data samples/cloudtrail \\",
            "      secretsmanager_high_frequency_get_secret_value",
            "  trailhunt hunts list",
            "  trailhunt ingest --db case.duckdb logs/",
            "  trailhunt shell --db case.duckdb",
            "  trailhunt report --db case.duckdb -o report.html \\",
            "      secretsmanager_high_frequency_get_secret_value",
            "  trailhunt verify --db case.duckdb report.html",
            "",
            "Exit codes of hunt, query, explain, report: 0 ran, 1 findings with",
            "--fail-on-findings, 2 usage, 3 data problem, 4 hunt error, 70 bug.",
            "verify: 0 verified, 1 a result differs or the report was edited,",
            "3 input files missing.",
        },
        subcommands = {
            CommandLine.HelpCommand.class,
            IngestCommand.class,
            EnrichCommand.class,
            HuntCommand.class,
            QueryCommand.class,
            ExplainCommand.class,
            ExportCommand.class,
            HuntsCommand.class,
            DetectCommand.class,
            ReportCommand.class,
            VerifyCommand.class,
            TimelineCommand.class,
            ShellCommand.class,
            CompletionCommand.class,
            GenerateCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Builds the configured command line, for the process entry point and for tests. */
    public static CommandLine commandLine() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                // `--esql @q.esql` names a query file (QueryText); picocli would otherwise split the file into arguments.
                .setExpandAtFiles(false)
                .setParameterExceptionHandler(new OneLineUsageErrors())
                .setExecutionExceptionHandler(new OneLineErrors())
                .setExecutionStrategy(Main::executeAndCheckOutput);
    }

    /**
     * Runs the command, then fails the run when stdout could not be written (a full disk, a closed
     * pipe): PrintWriter swallows write errors, so without this check the answer would be lost with exit 0.
     */
    private static int executeAndCheckOutput(CommandLine.ParseResult parsed) {
        int code = new CommandLine.RunLast().execute(parsed);
        CommandLine.ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        CommandLine cl = leaf.commandSpec().commandLine();
        // picocli's writer wraps System.out in an OutputStreamWriter, so a failure there only marks System.out.
        if (!cl.getOut().checkError() && !System.out.checkError()) {
            return code;
        }
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": cannot write to standard output (disk full or pipe closed?); the output is incomplete");
        cl.getErr().flush();
        if (code != ExitCodes.OK && code != ExitCodes.FINDINGS) {
            return code;
        }
        // Hunting commands report a failed write as a data problem, as for --out; ingest's code 1 means the same for it.
        Object command = leaf.commandSpec().userObject();
        return command instanceof HuntingCommand || command instanceof ExplainCommand ? ExitCodes.DATA_ERROR : 1;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
