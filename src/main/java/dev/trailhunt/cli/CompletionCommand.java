package dev.trailhunt.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints a bash (and zsh) completion script for every trailhunt command and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a bash/zsh completion script for trailhunt.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(trailhunt completion)                       # this shell",
            "  trailhunt completion > ~/.local/share/bash-completion/completions/trailhunt",
        })
public final class CompletionCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("trailhunt", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
