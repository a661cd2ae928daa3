package dev.trailhunt.cli;

import dev.trailhunt.hunt.ContextLine;
import dev.trailhunt.hunt.HuntDefinition;
import dev.trailhunt.hunt.HuntException;
import dev.trailhunt.hunt.HuntLibrary;
import dev.trailhunt.hunt.HuntOrigin;
import dev.trailhunt.hunt.HuntRun;
import dev.trailhunt.hunt.HuntRunner;
import dev.trailhunt.hunt.QueryLanguage;
import dev.trailhunt.hunt.QueryRun;
import dev.trailhunt.hunt.RunResult;
import dev.trailhunt.hunt.Timeline;
import dev.trailhunt.hunt.TimelineEntity;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.Sha256;
import dev.trailhunt.model.ValueType;
import dev.trailhunt.report.ResultFormat;
import dev.trailhunt.report.TerminalTable;
import dev.trailhunt.report.TimelineText;
import dev.trailhunt.report.Visible;
import dev.trailhunt.translate.SourceColumn;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs the interactive loop of {@code trailhunt shell} on one open store: reads statements, runs
 * them as ES|QL or DuckDB SQL, and prints rows; a failing statement prints its error and the loop goes on.
 */
final class Shell {
    /** The backslash commands, for help and completion; each is handled in {@link #command}. */
    static final List<String> COMMANDS = List.of("\\esql", "\\sql", "\\x", "\\fields", "\\explain", "\\hunt", "\\timeline",
            "\\report", "\\help", "\\q");

    private static final String HELP = String.join("\n",
            "Type an ES|QL query (or SQL after \\sql); it runs when a line ends with ; or after an empty line.",
            "  \\esql             queries are ES|QL (the default)",
            "  \\sql              queries are DuckDB SQL on the events and files tables (read-only, sandboxed)",
            "  \\x                vertical rows on/off (one field per line)",
            "  \\fields [PATTERN] the store's fields, e.g. \\fields source.*",
            "  \\explain [QUERY]  the DuckDB SQL of an ES|QL query (default: the last one)",
            "  \\hunt NAME...     run built-in hunts or hunt files (Tab completes names)",
            "  \\timeline --arn A | --access-key K | --ip IP | --user U | --session S | --event-id E ...",
            "                   everything those entities did, oldest first (as trailhunt timeline)",
            "  \\report FILE      write what this session ran as a report (.md or .html)",
            "  \\help             this text",
            "  \\q                quit (also Ctrl-D); Ctrl-C drops a half-typed query");

    private final HuntRunner runner;
    private final HuntLibrary library;
    private final ShellLines lines;
    private final PrintWriter out;
    private final PrintWriter err;
    private final String version;
    private final ShellInput input = new ShellInput();
    private final List<HuntRun> ran = new ArrayList<>();
    private QueryLanguage language = QueryLanguage.ESQL;
    private boolean vertical;
    private String lastEsql;

    Shell(HuntRunner runner, HuntLibrary library, ShellLines lines, PrintWriter out, PrintWriter err, String version) {
        this.runner = runner;
        this.library = library;
        this.lines = lines;
        this.out = out;
        this.err = err;
        this.version = version;
    }

    /** Reads and runs statements until {@code \q} or the end of input; returns the exit code. */
    int run() {
        err.println(Visible.text(ContextLine.data(runner.profile())) + "; now = " + dev.trailhunt.report.CellText.instant(runner.now().instant()));
        err.println("ES|QL; end a query with ; or an empty line. \\help lists the commands, \\q quits.");
        err.flush();
        while (true) {
            String line;
            try {
                line = lines.read(prompt());
            } catch (ShellLines.Interrupted e) {
                input.clear();
                continue;
            }
            if (line == null) {
                break;
            }
            Optional<String> statement = input.add(line);
            if (statement.isEmpty()) {
                continue;
            }
            if (!statement(statement.get())) {
                break;
            }
            out.flush();
            err.flush();
        }
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    private String prompt() {
        String name = language == QueryLanguage.ESQL ? "esql" : "sql";
        return input.continuing() ? " ".repeat(name.length() - 1) + "-> " : name + "> ";
    }

    /** Runs one statement, printing any failure as one line (plus a syntax error's excerpt and caret); returns false for quit. */
    private boolean statement(String text) {
        try {
            if (!text.startsWith("\\")) {
                runQuery(language, text);
                return true;
            }
            return command(text);
        } catch (HuntException | dev.trailhunt.hunt.HuntNotFoundException | dev.trailhunt.engine.StoreException
                | dev.trailhunt.engine.QueryException | dev.trailhunt.engine.SqlRejectedException
                | java.io.UncheckedIOException e) {
            // One bad statement never ends the session.
            err.println(Visible.message(e.getMessage()));
        } catch (picocli.CommandLine.ParameterException e) {
            err.println(Visible.text(e.getMessage()));
        } catch (RuntimeException e) {
            err.println(Visible.text("internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + " (this is a trailhunt bug; please report it with the statement)"));
        }
        return true;
    }

    /** Runs one backslash command; returns false for quit. */
    private boolean command(String text) {
        String[] words = text.split("\\s+", 2);
        String name = words[0].toLowerCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1].strip() : "";
        {
            switch (name) {
                case "\\q", "\\quit", "\\exit" -> {
                    return false;
                }
                case "\\esql" -> language = QueryLanguage.ESQL;
                case "\\sql" -> language = QueryLanguage.DUCKDB_SQL;
                case "\\x" -> {
                    vertical = rest.isEmpty() ? !vertical : rest.equalsIgnoreCase("on");
                    err.println("vertical rows " + (vertical ? "on" : "off"));
                }
                case "\\fields" -> fields(rest);
                case "\\explain" -> explain(rest);
                case "\\hunt" -> hunt(rest);
                case "\\timeline" -> timeline(rest);
                case "\\report" -> report(rest);
                case "\\help", "\\?", "\\h" -> out.println(HELP);
                default -> err.println(Visible.text("unknown command " + name + "; \\help lists the commands"));
            }
        }
        return true;
    }

    private void runQuery(QueryLanguage lang, String text) {
        if (lang == QueryLanguage.ESQL) {
            lastEsql = text;
        }
        int n = ran.size() + 1;
        HuntDefinition q = HuntDefinition.ofQuery("q" + n, "Shell query " + n + " (" + lang.label() + ")", lang, text,
                HuntOrigin.AD_HOC, "", Sha256.hex(text.getBytes(StandardCharsets.UTF_8)));
        show(List.of(q));
    }

    private void show(List<HuntDefinition> hunts) {
        long start = System.nanoTime();
        List<HuntRun> runs = new ArrayList<>();
        for (HuntDefinition h : hunts) {
            runs.add(runner.run(h));
        }
        ran.addAll(runs);
        RunResult result = new RunResult(runner.profile(), runner.now(), runs, version);
        for (HuntRun h : runs) {
            if (!h.hunt().loaded()) {
                err.println(Visible.text("could not load " + h.hunt().loadProblem()));
            }
            for (QueryRun q : h.queries()) {
                if (q.status() == QueryRun.Status.FAILED) {
                    err.println(Visible.message(q.message()));
                } else if (q.status() == QueryRun.Status.SKIPPED) {
                    err.println(Visible.text(h.hunt().id() + ": skipped: " + q.message()));
                } else if (!q.message().isEmpty()) {
                    err.println(Visible.text(q.message()));
                }
            }
        }
        int width = lines.width();
        boolean shortened = new RunOutput(out, err).write(result, vertical ? ResultFormat.VERTICAL : ResultFormat.TABLE, null,
                width, false, false);
        long ranQueries = RunOutput.resultCount(result);
        if (ranQueries > 0) {
            err.println(String.format(Locale.ROOT, "%s in %.2f s%s", result.rows() == 1 ? "1 row" : String.format(Locale.ROOT, "%,d rows", result.rows()),
                    (System.nanoTime() - start) / 1e9, shortened ? " (" + TerminalTable.MARK + " marks shortened text; \\x shows rows vertically)" : ""));
        }
    }

    private void fields(String pattern) {
        Pattern p = glob(pattern);
        List<List<Object>> rows = new ArrayList<>();
        for (SourceColumn c : runner.fields()) {
            if (p.matcher(c.name()).find()) {
                rows.add(Arrays.asList(c.name(), c.type().esqlName() + (c.multiValued() ? " (multi-valued)" : "")));
            }
        }
        if (rows.isEmpty()) {
            err.println(Visible.text("no field matches " + pattern));
            return;
        }
        ResultTable t = new ResultTable(List.of(new ResultColumn("field", ValueType.KEYWORD), new ResultColumn("type", ValueType.KEYWORD)), rows);
        new TerminalTable(lines.width(), false).write(t, out);
    }

    /** Turns {@code source.*} into an anchored, case-insensitive pattern; text without {@code *} matches anywhere. */
    static Pattern glob(String pattern) {
        if (pattern.isEmpty()) {
            return Pattern.compile("");
        }
        if (!pattern.contains("*") && !pattern.contains("?")) {
            return Pattern.compile(Pattern.quote(pattern), Pattern.CASE_INSENSITIVE);
        }
        StringBuilder re = new StringBuilder("^");
        for (String part : pattern.split("(?=[*?])|(?<=[*?])")) {
            re.append(part.equals("*") ? ".*" : part.equals("?") ? "." : Pattern.quote(part));
        }
        return Pattern.compile(re.append('$').toString(), Pattern.CASE_INSENSITIVE);
    }

    private void explain(String text) {
        String esql = text.isEmpty() ? lastEsql : text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
        if (esql == null) {
            err.println("nothing to explain yet: \\explain QUERY, or run an ES|QL query first");
            return;
        }
        HuntDefinition h = HuntDefinition.adHoc(QueryLanguage.ESQL, esql);
        boolean ok = ExplainCommand.explain(out, h, h.queries().get(0), runner, null);
        if (!ok) {
            err.println("the query does not translate (error above)");
        }
    }

    private void hunt(String names) {
        if (names.isEmpty()) {
            err.println("\\hunt NAME...: give a built-in hunt name (Tab completes), a hunt file or a folder");
            return;
        }
        show(library.resolveAll(List.of(names.split("\\s+"))));
    }

    /** Runs {@code trailhunt timeline}'s query for the entities named as {@code --kind value} pairs. */
    private void timeline(String args) {
        String[] words = args.isEmpty() ? new String[0] : args.split("\\s+");
        List<TimelineEntity> entities = new ArrayList<>();
        for (int i = 0; i < words.length; i += 2) {
            TimelineEntity.Kind kind = null;
            for (TimelineEntity.Kind k : TimelineEntity.Kind.values()) {
                if (k.option().equals(words[i])) {
                    kind = k;
                }
            }
            if (kind == null || i + 1 >= words.length) {
                err.println(Visible.text("\\timeline: expected --arn, --access-key, --ip, --user, --session or --event-id and a value, not "
                        + (kind == null ? words[i] : words[i] + " alone")));
                return;
            }
            try {
                entities.add(new TimelineEntity(kind, words[i + 1]));
            } catch (IllegalArgumentException e) {
                err.println(Visible.text("\\timeline: " + e.getMessage()));
                return;
            }
        }
        if (entities.isEmpty()) {
            err.println("\\timeline: name an entity, e.g. \\timeline --arn arn:aws:iam::111122223333:user/alice");
            return;
        }
        Timeline timeline = Timeline.follow(runner, entities);
        HuntRun run = runner.run(timeline.hunt());
        ran.add(run);
        for (QueryRun q : run.queries()) {
            if (q.status() != QueryRun.Status.RAN) {
                err.println(Visible.message(q.message()));
                return;
            }
        }
        TimelineText.write(timeline, run, lines.width(), out);
        out.flush();
    }

    private void report(String file) {
        if (file.isEmpty()) {
            err.println("\\report FILE: give a file name ending in .md or .html");
            return;
        }
        if (ran.isEmpty()) {
            err.println("nothing to report yet: run a query or a hunt first");
            return;
        }
        Path path = Path.of(file);
        ResultFormat format = ResultFormat.fromFileName(path.getFileName().toString());
        if (format == null || !format.isReport()) {
            err.println(Visible.text("\\report " + file + ": the name must end in .md or .html"));
            return;
        }
        FileProblem.requireDirectoryOf(path);
        new RunOutput(out, err).write(new RunResult(runner.profile(), runner.now(), ran, version), format, path, 0, false, false);
        err.println(Visible.text("wrote " + file + " (" + ran.size() + (ran.size() == 1 ? " query or hunt)" : " queries and hunts)")));
    }
}
