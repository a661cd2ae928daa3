package dev.trailhunt.hardening;

import dev.trailhunt.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs the trailhunt command line in this JVM and captures what it printed.
 *
 * @param exit the process exit code the command returned
 * @param out  what it printed on stdout
 * @param err  what it printed on stderr
 */
record Cli(int exit, String out, String err) {
    /** Runs one command line. */
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** Returns the stderr lines, for asserting that each problem is one line and nothing else. */
    java.util.List<String> errLines() {
        return err.isBlank() ? java.util.List.of() : err.strip().lines().toList();
    }
}
