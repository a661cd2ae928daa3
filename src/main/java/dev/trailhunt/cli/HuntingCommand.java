package dev.trailhunt.cli;

import dev.trailhunt.hunt.HuntDefinition;
import dev.trailhunt.hunt.DataNeeds;
import dev.trailhunt.hunt.HuntSession;
import dev.trailhunt.hunt.RunResult;
import dev.trailhunt.report.ResultFormat;
import dev.trailhunt.report.Visible;
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

    /** Runs the hunts and writes their rows as the options say; returns the exit code. */
    int run(List<HuntDefinition> hunts, RowsOptions rows) {
        return run(hunts, rows.format, rows.out, rows.width, rows.failOnFindings, rows.csvRaw);
    }

    /** Runs the hunts and writes them; returns the exit code. */
    int run(List<HuntDefinition> hunts, ResultFormat format, Path outFile, Integer widthOption, boolean failOnFindings,
            boolean csvRaw) {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
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
        long runnable = hunts.stream().flatMap(h -> h.queries().stream()).filter(q -> q.runnable()).count();
        if (!format.isReport() && !format.isTerminal() && runnable > 1) {
            throw new CommandLine.ParameterException(cl, "--format " + format.name().toLowerCase(Locale.ROOT)
                    + " writes one result and these hunts have " + runnable + " queries to run; use table, markdown or html, or run one hunt");
        }
        long start = System.nanoTime();
        RunResult run;
        long hunting;
        // A one-off --data run loads only what these hunts can observe (columns, and records their first WHERE can accept).
        try (HuntSession session = store.open(err, clock(), limits.limits(), DataNeeds.of(hunts))) {
            // Opening the store loads DuckDB's native library once per process; the hunts' own time is
            // what grows with the data, so it is reported apart.
            long opened = System.nanoTime();
            run = session.runner().runAll(hunts, VersionProvider.version());
            hunting = System.nanoTime() - opened;
        }
        RunOutput output = new RunOutput(out, err);
        output.context(run);
        boolean toTerminal = outFile == null && Terminal.interactive();
        int width = Terminal.width(widthOption, System.getenv(), toTerminal);
        boolean shortened = output.write(run, format, outFile, width, Terminal.colour(System.getenv(), toTerminal), csvRaw);
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
