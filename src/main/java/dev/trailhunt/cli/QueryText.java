package dev.trailhunt.cli;

import dev.trailhunt.report.Visible;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Reads the text of {@code --esql}/{@code --sql}: as given, from {@code @FILE}, or from standard input for {@code -}. */
final class QueryText {
    private QueryText() {}

    /** Returns the query text the option's value stands for; a missing file or empty input is a usage error. */
    static String read(CommandLine cl, String option, String value) {
        String text;
        if (value.equals("-")) {
            try {
                text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(cl, option + " -: cannot read standard input: " + e.getMessage());
            }
        } else if (value.startsWith("@")) {
            Path file = Path.of(value.substring(1));
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(cl, Visible.text(option + " " + value + ": no such file: " + file));
            }
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(cl, Visible.text(option + " " + value + ": cannot read " + file + ": "
                        + FileProblem.describe(e)));
            }
        } else {
            return value;
        }
        if (text.isBlank()) {
            throw new CommandLine.ParameterException(cl, Visible.text(option + " " + value + ": the query is empty"));
        }
        // A query file commonly ends with a newline or a `;` that ES|QL does not take.
        String stripped = text.strip();
        return stripped.endsWith(";") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
