package dev.trailhunt.cli;

import dev.trailhunt.engine.QueryGuard;
import dev.trailhunt.engine.RemoteEngine;
import dev.trailhunt.engine.RemoteTable;
import dev.trailhunt.engine.Store;
import dev.trailhunt.engine.StoreException;
import dev.trailhunt.engine.TemporaryDirs;
import dev.trailhunt.hunt.DataNeeds;
import dev.trailhunt.report.DetectionJson;
import dev.trailhunt.report.HtmlReport;
import dev.trailhunt.report.MarkdownReport;
import dev.trailhunt.report.DetectionText;
import dev.trailhunt.report.Visible;
import dev.trailhunt.rules.AlertEvents;
import dev.trailhunt.rules.Detection;
import dev.trailhunt.rules.Detector;
import dev.trailhunt.rules.HistoryPolicy;
import dev.trailhunt.rules.Rule;
import dev.trailhunt.rules.RuleFileException;
import dev.trailhunt.rules.RuleLoader;
import dev.trailhunt.rules.RuleRun;
import dev.trailhunt.rules.RuleSelector;
import dev.trailhunt.rules.RuleSet;
import dev.trailhunt.rules.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs Elastic detection rules over a store as a backfill and prints the triage summary and the alerts. */
@Command(name = "detect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Run Elastic detection rules (TOML as elastic/detection-rules ships them) over a store, as Elastic's manual rule run would,",
            "store their alerts in the store's alerts table and print a triage summary, the alerts, and the rules that did not run with why.",
            "With --engine trino|athena the rules run over the ECS Parquet table there; the alerts are printed (or written with -o), not stored.",
            "",
            "Each rule executes every `interval` over the data's time range, each execution reading back `from`; an event raises at most one",
            "alert per rule. Rules filter on event.ingested, which a local load cannot know: each event's @timestamp stands for it.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every selected rule ran or was listed as not runnable",
            "1:alerts, with --fail-on-alerts",
            "2:usage error (bad option, no --rules, missing rule path)",
            "3:data problem (no store, store in use, unreadable --data path, output not written)",
            "4:a rule file is invalid or a rule failed (the others still ran)",
            "70:internal error (a bug: please report it)",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./trailhunt detect --data samples/cloudtrail --rules detection-rules/rules/integrations/aws",
            "  ./trailhunt detect --db case.duckdb --rules rules/ --severity high --rule T1098 -f json -o alerts.json",
            "  ./trailhunt detect --engine trino --url jdbc:trino://HOST:8080/hive/logs --rules rules/ -f json -o alerts.json",
        })
public final class DetectCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    static final class Source {
        @Option(names = "--db", paramLabel = "FILE", description = "Store to read and to write the alerts to (default: trailhunt.duckdb).")
        Path db;

        @Option(names = "--data", paramLabel = "PATH", arity = "1",
                description = "CloudTrail file or folder to ingest into a temporary store first, instead of --db; repeat for more.")
        List<Path> data;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    @Option(names = "--rules", paramLabel = "PATH", required = true,
            description = "Rule TOML file or folder (searched recursively, e.g. a detection-rules checkout); repeat for more.")
    List<Path> rulePaths;

    @Option(names = "--from", paramLabel = "TIME", description = "Start of the run (ISO time or date; default: the first event).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the run, inclusive (ISO time or date; default: the last event).")
    String to;

    @Option(names = "--severity", paramLabel = "LEVEL", description = "Run only rules at least this severe: low, medium, high, critical.")
    String severity;

    @Option(names = "--rule", paramLabel = "NAME|ID|TAG|MITRE",
            description = "Run only rules with this name, rule id, tag (or its value, e.g. Discovery) or MITRE technique or tactic; repeat for more.")
    List<String> selection;

    @Option(names = "--history", paramLabel = "wait|alert", defaultValue = "wait",
            description = "new_terms rules at the start of the data, where their history window reaches before the first event:"
                    + " wait (default) raises no alert until one full window of data exists; alert counts the unknown past as empty.")
    String history;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", description = "text (default), json, or a report with the events behind each alert: markdown or html (with -o).")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the output to FILE instead of stdout.")
    Path out;

    @Option(names = "--fail-on-alerts", description = "Exit with 1 when a rule raised an alert, for scripts and CI.")
    boolean failOnAlerts;

    @Option(names = "--explain", description = "Instead of the alerts, show for each selected rule its query, the ES|QL a KQL or EQL query lowers into,"
            + " the execution plan over the store (interval, look-back, executions, max_signals, alert_suppression), the SQL it runs and why a rule cannot run;"
            + " the alerts are not stored.")
    boolean explain;

    @Option(names = {"-v", "--verbose"}, description = "Print on stderr the milliseconds each rule took, slowest first, to tune a rule set, and those of each phase"
            + " (JVM start, rule files, store opened, rules run, alerts stored, output rendered and written).")
    boolean verbose;

    @Mixin LimitOptions limits;

    @Mixin EngineOptions remote;

    /** Names the system property that sets how many connections (each on its own thread) run rules on a DuckDB store, for measuring. */
    static final String CONNECTIONS = "trailhunt.detect.connections";

    private final Phases phases = new Phases();

    @Override
    public Integer call() {
        phases.sinceJvmStart("JVM start");
        CommandLine cl = spec.commandLine();
        PrintWriter err = cl.getErr();
        if (!List.of("text", "json", "markdown", "html").contains(format)) {
            throw new CommandLine.ParameterException(cl, "--format must be text, json, markdown or html, not " + Visible.text(format));
        }
        if ((format.equals("markdown") || format.equals("html")) && out == null) {
            throw new CommandLine.ParameterException(cl, "--format " + format + " writes a report: give it a file with -o");
        }
        HistoryPolicy policy = switch (history) {
            case "wait" -> HistoryPolicy.WAIT;
            case "alert" -> HistoryPolicy.ALERT;
            default -> throw new CommandLine.ParameterException(cl, "--history must be wait or alert, not " + Visible.text(history));
        };
        Severity least = severity == null ? null : Severity.parse(severity).orElseThrow(() -> new CommandLine.ParameterException(cl,
                "--severity must be low, medium, high or critical, not " + Visible.text(severity)));
        Instant start = time(cl, "--from", from, false);
        Instant end = time(cl, "--to", to, true);
        RuleSet set;
        try {
            set = RuleLoader.load(rulePaths);
            phases.lap("rule files");
        } catch (RuleFileException e) {
            throw new CommandLine.ParameterException(cl, Visible.text(e.getMessage()));
        }
        List<String> terms = selection == null ? List.of() : selection;
        List<Rule> rules = set.rules().stream().filter(r -> RuleSelector.selects(r, least, terms)).toList();
        for (String invalid : set.invalid()) {
            err.println("invalid rule: " + Visible.lines(invalid));
        }
        StringWriter text = new StringWriter();
        Detection detection = detect(err, rules, start, end, policy, text);
        if (out != null) {
            try {
                Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new StoreException("cannot write " + out + ": " + e.getMessage(), e);
            }
            phases.lap("output written");
            if (verbose) {
                DetectionText.timings(detection, err);
                phases.print(err);
            }
            err.println(DetectionText.summaryLine(detection));
            err.println("wrote " + Visible.text(out.toString()));
        } else {
            cl.getOut().print(text);
            cl.getOut().flush();
            phases.lap("output written");
            if (verbose) {
                DetectionText.timings(detection, err);
                phases.print(err);
            }
        }
        err.flush();
        if (!set.invalid().isEmpty() || !detection.withStatus(RuleRun.Status.FAILED).isEmpty()) {
            return ExitCodes.HUNT_ERROR;
        }
        return failOnAlerts && detection.alerts() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** Runs the rules, stores their alerts and renders the output into {@code text} while the store is open (reports read events). */
    private Detection detect(PrintWriter err, List<Rule> rules, Instant start, Instant end, HistoryPolicy policy, StringWriter text) {
        if (remote.onTrino()) {
            return detectRemote(err, rules, start, end, policy, text);
        }
        Path temporary = null;
        Path db = source != null && source.db != null ? source.db : Path.of("trailhunt.duckdb");
        if (source != null && source.data != null) {
            temporary = StoreOptions.TemporaryStore.ingest(source.data, err, DataNeeds.ALL);
            db = temporary.resolve(StoreOptions.TemporaryStore.STORE_FILE);
            phases.lap("--data ingested");
        } else if (!Files.exists(db)) {
            TemporaryDirs.delete(temporary);
            throw new StoreException("no store at " + db + " (run `trailhunt ingest --db " + db + " PATH...` first, or use --data)");
        }
        Path spill = null;
        List<Store> lanes = new ArrayList<>();
        try (Store store = Store.openForWriting(db)) {
            spill = TemporaryDirs.create("spill");
            // Rule text is untrusted: the store is locked down before any of it is translated and run.
            store.sandbox(limits.limits(), spill);
            Detector detector = new Detector(store, store.profile(), policy);
            lanes.add(store);
            Detection detection;
            try (QueryGuard guard = QueryGuard.start(limits.limits())) {
                // Rules run on connections of their own, one thread each: while one connection's query waits on a single DuckDB
                // thread (planning, a small scan, reading rows into Java) the other keeps the second core busy.
                for (int i = 1; i < connections(); i++) {
                    lanes.add(store.duplicate());
                }
                phases.lap("store opened");
                detection = detector.run(rules, start, end, lanes);
            } finally {
                for (Store lane : lanes.subList(1, lanes.size())) {
                    lane.close();
                }
            }
            phases.lap("rules run (" + lanes.size() + (lanes.size() == 1 ? " connection)" : " connections)"));
            if (explain) {
                StringWriter plain = new StringWriter();
                dev.trailhunt.rules.DetectionExplain.write(store, detection, new PrintWriter(plain));
                // Rule files are untrusted: their text reaches the terminal with its control characters escaped.
                text.write(Visible.lines(plain.toString()));
                return detection;
            }
            detector.store(detection);
            phases.lap("alerts stored");
            render(detection, new AlertEvents(store), text);
            phases.lap("output rendered");
            return detection;
        } catch (UncheckedIOException e) {
            throw new StoreException(e.getMessage(), e);
        } finally {
            TemporaryDirs.delete(spill);
            TemporaryDirs.delete(temporary);
        }
    }

    /** Renders the detection in the chosen format; reports read the events behind each alert through {@code events}. */
    private void render(Detection detection, AlertEvents events, StringWriter text) {
        switch (format) {
            case "json" -> DetectionJson.write(detection, text);
            case "markdown" -> text.write(MarkdownReport.render(detection, events::of));
            case "html" -> text.write(HtmlReport.render(detection, events::of));
            default -> DetectionText.write(detection, new PrintWriter(text));
        }
    }

    /**
     * Runs the rules over the ECS Parquet table on Trino or Athena: the data's range comes from a query
     * on the engine, the rule SQL is rendered for Trino, and the alerts are printed or written with -o
     * only, since the remote table has no alerts table beside it.
     */
    private Detection detectRemote(PrintWriter err, List<Rule> rules, Instant start, Instant end, HistoryPolicy policy, StringWriter text) {
        if (source != null) {
            throw new StoreException("--engine " + remote.engine + " reads the table --table; --db and --data are for the DuckDB engine");
        }
        try (RemoteEngine engine = remote.connect()) {
            RemoteTable table = new RemoteTable(engine, remote.table);
            Detector detector = new Detector(table, engine.profile(remote.table), policy);
            Detection detection = detector.run(rules, start, end);
            phases.lap("rules run");
            err.println("note: alerts are not stored on --engine " + remote.engine + " (the table " + Visible.text(remote.table)
                    + " has no alerts table beside it); they are printed" + (out == null ? "" : " to " + Visible.text(out.toString())));
            render(detection, new AlertEvents(table), text);
            phases.lap("output rendered");
            return detection;
        } catch (UncheckedIOException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** Returns how many connections run the rules: the system property {@value #CONNECTIONS}, else one per core up to two. */
    private static int connections() {
        int n = Integer.getInteger(CONNECTIONS, Math.min(2, Runtime.getRuntime().availableProcessors()));
        return Math.max(1, Math.min(n, 8));
    }

    private static Instant time(CommandLine cl, String option, String text, boolean endOfDay) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                LocalDate d = LocalDate.parse(text);
                Instant day = d.atStartOfDay(ZoneOffset.UTC).toInstant();
                return endOfDay ? day.plusSeconds(86_400).minusNanos(1000) : day;
            } catch (DateTimeParseException e2) {
                throw new CommandLine.ParameterException(cl, option + " must be an ISO time such as 2024-10-11T08:55:23Z or a date, not "
                        + Visible.text(text));
            }
        }
    }
}
