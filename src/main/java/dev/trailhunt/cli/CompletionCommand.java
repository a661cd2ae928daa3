package dev.trailhunt.cli;

import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints a bash (and zsh) completion script for every trailhunt command and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a bash/zsh completion script for trailhunt.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(./trailhunt completion)                     # this shell, in the clone",
            "  source <(trailhunt completion)                       # this shell, with trailhunt on the PATH",
            "  trailhunt completion > ~/.local/share/bash-completion/completions/trailhunt",
            "",
            "The completion is registered for `trailhunt` (the launcher on the PATH, e.g. a symbolic link",
            "to it) and for `./trailhunt`, the launcher at the top of the clone.",
        })
public final class CompletionCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** The command words the completion is registered for: the installed name and the clone's launcher. */
    private static final String[] COMMAND_WORDS = {"trailhunt", "./trailhunt"};

    private static final Pattern REGISTRATION = Pattern.compile("(?m)^(complete -F \\S+ -o default) trailhunt\\b.*$");

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(script(spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /**
     * Returns picocli's completion script registered for {@code trailhunt} and {@code ./trailhunt}
     * (instead of picocli's {@code trailhunt trailhunt.sh trailhunt.bash}). Bash looks a compspec up
     * by the command word as typed and then by its last path component; naming the launcher as typed
     * does not depend on that fallback.
     */
    static String script(CommandLine root) {
        String script = AutoComplete.bash("trailhunt", root);
        Matcher m = REGISTRATION.matcher(script);
        if (!m.find()) {
            throw new IllegalStateException("picocli's completion script has no `complete -F … trailhunt` line");
        }
        return script.substring(0, m.start()) + m.group(1) + " " + String.join(" ", COMMAND_WORDS) + script.substring(m.end());
    }
}
