package dev.trailhunt.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs the trailhunt command line in-process with captured output, as a user would run it.
 *
 * @param code the exit code
 * @param out what went to stdout
 * @param err what went to stderr
 */
public record Cli(int code, String out, String err) {
    /** Runs one command line. */
    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** Returns the stderr lines, for asserting that each problem is one line and nothing else. */
    public java.util.List<String> errLines() {
        return err.isBlank() ? java.util.List.of() : err.strip().lines().toList();
    }
}
