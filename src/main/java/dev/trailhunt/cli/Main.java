package dev.trailhunt.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Starts the trailhunt command line. */
@Command(
        name = "trailhunt",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Run Elastic Security's ES|QL hunts over AWS CloudTrail logs on a laptop, with no cluster.",
        subcommands = {
            CommandLine.HelpCommand.class,
            GenerateCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Builds the configured command line, for the process entry point and for tests. */
    public static CommandLine commandLine() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
