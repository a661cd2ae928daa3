package dev.trailhunt.cli;

import dev.trailhunt.hunt.HuntDefinition;
import dev.trailhunt.hunt.DataNeeds;
import dev.trailhunt.hunt.HuntSession;
import dev.trailhunt.hunt.Pivots;
import dev.trailhunt.hunt.RunResult;
import dev.trailhunt.report.ResultFormat;
import dev.trailhunt.report.Visible;
import dev.trailhunt.rules.StoredAlerts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs hunts on a store and prints them; the shared body of hunt, query and report. */
abstract class HuntingCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store;

    @Mixin LimitOptions limits;

    /** Returns the clock for {@code --now clock}; tests need no other. */
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Returns the store's path relative to the folder a notebook is written to (the working directory for
     * stdout), with forward slashes so that it opens on every system; null for a temporary --data store.
     */
    String notebookStore(Path outFile) {
        return store.data().isEmpty() ? notebookPath(store.db(), outFile) : null;
    }

    private static String notebookPath(Path store, Path outFile) {
        Path db = store.toAbsolutePath().normalize();
        Path from = (outFile == null ? Path.of("") : outFile.toAbsolutePath().getParent()).toAbsolutePath().normalize();
        try {
            return from.relativize(db).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            // Another drive on Windows: only the absolute path reaches it.
            return db.toString().replace('\\', '/');
        }
    }

    /** Runs the hunts and writes their rows as the options say; returns the exit code. */
    int run(List<HuntDefinition> hunts, RowsOptions rows, boolean events) {
        return run(hunts, rows.format(), rows.out, rows.width, rows.failOnFindings, rows.csvRaw, events);
    }

    /**
     * Runs the same hunts on every --db store and writes one report over them all, summary first;
     * returns the exit code.
     */
    int runStores(List<HuntDefinition> hunts, ResultFormat format, Path outFile) {
        CommandLine cl = spec.commandLine();
        PrintWriter err = cl.getErr();
        FileProblem.requireDirectoryOf(outFile);
        RunInputs.requireNotAnInput(cl, outFile, store, hunts);
        long start = System.nanoTime();
        List<RunResult> runs = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        List<String> paths = new java.util.ArrayList<>();
        long hunting = 0;
        for (Path db : store.dbs()) {
            try (HuntSession session = store.open(db, clock(), limits.limits())) {
                long opened = System.nanoTime();
                runs.add(session.runner().runAll(hunts, VersionProvider.version()));
                hunting += System.nanoTime() - opened;
            }
            names.add(db.toString().replace('\\', '/'));
            paths.add(notebookPath(db, outFile));
        }
        RunOutput output = new RunOutput(cl.getOut(), err);
        for (int i = 0; i < runs.size(); i++) {
            err.println(Visible.text("store " + names.get(i) + ":"));
            output.context(runs.get(i));
        }
        output.writeStores(runs, names, paths, format, outFile);
        err.println("wrote " + Visible.text(outFile.toString()));
        boolean failed = false;
        for (RunResult r : runs) {
            output.summary(r, System.nanoTime() - start, hunting, false, 0);
            failed |= r.failed();
        }
        return failed ? ExitCodes.HUNT_ERROR : ExitCodes.OK;
    }

    /**
     * Runs the hunts (possibly none) on the one --db store and writes one report over them and the alerts {@code detect}
     * stored in it, with the events behind each alert; returns the exit code.
     */
    int runWithAlerts(List<HuntDefinition> hunts, ResultFormat format, Path outFile) {
        CommandLine cl = spec.commandLine();
        PrintWriter err = cl.getErr();
        if (!store.data().isEmpty() || store.dbs().size() > 1) {
            throw new CommandLine.ParameterException(cl, "--alerts reads the alerts `trailhunt detect --db FILE` stored: give one --db, not --data");
        }
        FileProblem.requireDirectoryOf(outFile);
        RunInputs.requireNotAnInput(cl, outFile, store, hunts);
        long start = System.nanoTime();
        RunResult run;
        StoredAlerts alerts;
        long hunting;
        try (HuntSession session = store.open(err, clock(), limits.limits(), DataNeeds.of(hunts))) {
            long opened = System.nanoTime();
            run = session.runner().runAll(hunts, VersionProvider.version());
            alerts = StoredAlerts.read(session.store());
            hunting = System.nanoTime() - opened;
        }
        if (!alerts.present()) {
            err.println(Visible.text("note: " + store.db() + " has no alerts table; run `trailhunt detect --db " + store.db() + " --rules PATH` first"));
        }
        RunOutput output = new RunOutput(cl.getOut(), err, notebookStore(outFile));
        output.context(run);
        output.writeWithAlerts(run, alerts, format, outFile);
        err.println("wrote " + Visible.text(outFile.toString()));
        if (!hunts.isEmpty()) {
            output.summary(run, System.nanoTime() - start, hunting, false, 0);
        }
        err.println((alerts.alerts().size() == 1 ? "1 alert" : alerts.alerts().size() + " alerts") + " in the report");
        return run.failed() ? ExitCodes.HUNT_ERROR : ExitCodes.OK;
    }

    /** Runs the hunts and writes them; returns the exit code. */
    int run(List<HuntDefinition> hunts, ResultFormat format, Path outFile, Integer widthOption, boolean failOnFindings,
            boolean csvRaw) {
        return run(hunts, format, outFile, widthOption, failOnFindings, csvRaw, false);
    }

    /** Runs the hunts and writes them; returns the exit code. */
    int run(List<HuntDefinition> hunts, ResultFormat format, Path outFile, Integer widthOption, boolean failOnFindings,
            boolean csvRaw, boolean events) {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        if (store.dbs().size() > 1) {
            throw new CommandLine.ParameterException(cl, "only report reads several --db stores; give one --db");
        }
        if (events && !format.isTerminal()) {
            throw new CommandLine.ParameterException(cl, "--events opens rows in the table format; "
                    + (format.isReport() ? "reports already fold the ES|QL of the events behind each row" : "use -f table"));
        }
        // An output that would overwrite an input is refused first: it is the mistake that could lose evidence.
        if (outFile != null) {
            // A missing folder is a mistake in the command line (exit 2), found before any hunt runs.
            Path folder = outFile.toAbsolutePath().getParent();
            if (folder != null && !java.nio.file.Files.isDirectory(folder)) {
                throw new CommandLine.ParameterException(cl, Visible.text("--out " + outFile + ": no such directory: "
                        + (outFile.getParent() != null ? outFile.getParent() : folder)));
            }
            RunInputs.requireNotAnInput(cl, outFile, store, hunts);
        }
        long start = System.nanoTime();
        RunResult run;
        List<Pivots.Pivot> pivots;
        long hunting;
        // A one-off --data run loads only what these hunts can observe (columns, and records their first WHERE can accept).
        try (HuntSession session = store.open(err, clock(), limits.limits(), events ? DataNeeds.ALL : DataNeeds.of(hunts))) {
            // Opening the store loads DuckDB's native library once per process; the hunts' own time is
            // what grows with the data, so it is reported apart.
            long opened = System.nanoTime();
            run = session.runner().runAll(hunts, VersionProvider.version());
            pivots = events ? Pivots.run(session.runner(), run) : List.of();
            hunting = System.nanoTime() - opened;
        }
        RunOutput output = new RunOutput(out, err, notebookStore(outFile));
        output.context(run);
        boolean toTerminal = outFile == null && Terminal.interactive();
        int width = Terminal.width(widthOption, System.getenv(), toTerminal);
        boolean shortened = output.write(run, format, outFile, width, Terminal.colour(System.getenv(), toTerminal), csvRaw);
        if (events) {
            shortened |= EventsOutput.write(pivots, run, outFile, out, width, Terminal.colour(System.getenv(), toTerminal));
        }
        if (outFile != null) {
            err.println("wrote " + Visible.text(outFile.toString()));
        }
        output.summary(run, System.nanoTime() - start, hunting, shortened, width);
        if (run.failed()) {
            return ExitCodes.HUNT_ERROR;
        }
        return failOnFindings && run.rows() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
