package dev.trailhunt.cli;

import dev.trailhunt.hunt.HuntLibrary;
import dev.trailhunt.hunt.HuntSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Opens a store once and answers queries typed one after another, with history and completion. */
@Command(name = "shell", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Query a store interactively: one JVM and one open store for a whole session.",
            "",
            "Queries are ES|QL (\\sql switches to DuckDB SQL) and run when a line ends with ; or after an empty line."
                    + " Tab completes commands, hunt names, ES|QL functions and the store's fields; the history is kept in --history.",
            "Commands: \\esql \\sql \\x (vertical rows) \\fields [PATTERN] \\explain [QUERY] \\hunt NAME... \\report FILE \\help \\q.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:session ended (\\q or Ctrl-D); errors inside the session do not end it",
            "2:usage error",
            "3:data problem (no store, store in use, unreadable --data path)",
            "70:internal error (a bug: please report it)",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  trailhunt shell --db case.duckdb",
            "  esql> from logs-aws.cloudtrail* | stats n = count(*) by event.action",
            "     -> | sort n desc | limit 5;",
        })
public final class ShellCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store;

    @Mixin LimitOptions limits;

    @Option(names = "--history", paramLabel = "FILE", description = "Where to keep the typed lines (default: ~/.trailhunt_history).")
    Path history;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path historyFile = history != null ? history : Path.of(System.getProperty("user.home"), ".trailhunt_history");
        if (System.console() == null) {
            // Input from a pipe or a file (`trailhunt shell --db x < hunts.esql`): plain lines, no prompts, no history.
            try (HuntSession session = store.open(err, Clock.systemUTC(), limits.limits())) {
                java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
                return new Shell(session.runner(), HuntLibrary.load(), piped(in), out, err, VersionProvider.version()).run();
            }
        }
        try (HuntSession session = store.open(err, Clock.systemUTC(), limits.limits());
                Terminal terminal = TerminalBuilder.builder().name("trailhunt").system(true).dumb(true).build()) {
            HuntLibrary library = HuntLibrary.load();
            LineReader reader = reader(terminal, new ShellCompleter(session.runner(), library), historyFile);
            int code = new Shell(session.runner(), library, lines(reader), out, err, VersionProvider.version()).run();
            reader.getHistory().save();
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
        }
    }

    /** Builds the line reader: history in a file, completion, and backslashes kept as typed (no ! or \\ expansion). */
    static LineReader reader(Terminal terminal, ShellCompleter completer, Path historyFile) {
        return LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("trailhunt")
                .completer(completer)
                // A backslash starts the shell's commands: JLine must neither escape it in completions nor drop it.
                .parser(new QueryWords().escapeChars(new char[0]))
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    /** Splits a line into words at ES|QL's punctuation too, so that {@code count(user.na} completes the field after the parenthesis. */
    static final class QueryWords extends org.jline.reader.impl.DefaultParser {
        @Override
        public boolean isDelimiterChar(CharSequence buffer, int pos) {
            char c = buffer.charAt(pos);
            // Not '-', '*' or '/': they belong to index patterns such as logs-aws.cloudtrail*.
            return Character.isWhitespace(c) || "(),|=<>!+".indexOf(c) >= 0;
        }
    }

    /** Reads lines from a pipe or file, fitting no width, as the other commands do when piped. */
    static ShellLines piped(java.io.BufferedReader in) {
        return new ShellLines() {
            @Override
            public String read(String prompt) {
                try {
                    return in.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
                }
            }

            @Override
            public int width() {
                return 0;
            }
        };
    }

    /** Adapts a JLine reader to the shell: Ctrl-C drops the statement, Ctrl-D ends the session. */
    static ShellLines lines(LineReader reader) {
        return new ShellLines() {
            @Override
            public String read(String prompt) {
                try {
                    return reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    throw new Interrupted();
                } catch (EndOfFileException e) {
                    return null;
                }
            }

            @Override
            public int width() {
                int w = reader.getTerminal().getWidth();
                return w > 0 ? w : dev.trailhunt.cli.Terminal.width(null, System.getenv(), true);
            }
        };
    }
}
