package dev.trailhunt.cli;

import dev.trailhunt.report.Visible;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a wrong command line as one line naming the command and where its help is, exit code 2.
 *
 * <p>Picocli's default prints the whole usage after the message, which buries the one line that
 * says what is wrong; {@code --help} is one flag away and the line says so.
 */
final class OneLineUsageErrors implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String command = cl.getCommandSpec().qualifiedName();
        StringBuilder line = new StringBuilder(command).append(": ").append(sentence(e.getMessage()));
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append("; did you mean ").append(String.join(" or ", suggestions)).append('?');
            }
        }
        line.append(" (see `").append(command).append(" --help`)");
        cl.getErr().println(line);
        cl.getErr().flush();
        return ExitCodes.USAGE;
    }

    private static String sentence(String message) {
        String m = message == null ? "invalid command line" : message.strip();
        // Picocli's messages start upper case and some span lines; the report is one lower-case clause.
        m = m.replaceAll("\\s*\\R\\s*", " ").replaceFirst("^(?i)error: ", "");
        m = Visible.text(m);
        return m.isEmpty() ? m : m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1);
    }
}
