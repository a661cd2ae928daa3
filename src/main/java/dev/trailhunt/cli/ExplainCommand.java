package dev.trailhunt.cli;

import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.hunt.CompiledQuery;
import dev.trailhunt.hunt.HuntDefinition;
import dev.trailhunt.hunt.HuntException;
import dev.trailhunt.hunt.HuntLibrary;
import dev.trailhunt.hunt.HuntQuery;
import dev.trailhunt.hunt.HuntRunner;
import dev.trailhunt.hunt.HuntRun;
import dev.trailhunt.hunt.Pivots;
import dev.trailhunt.hunt.QueryRun;
import dev.trailhunt.hunt.HuntSession;
import dev.trailhunt.hunt.QueryLanguage;
import dev.trailhunt.hunt.QueryShape;
import dev.trailhunt.hunt.TranslatingCompiler;
import dev.trailhunt.report.CellText;
import dev.trailhunt.translate.Dialect;
import dev.trailhunt.report.Visible;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Shows what a hunt will run: its ES|QL, the DuckDB SQL it becomes, and what now() resolves to. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Show the ES|QL of a hunt, the DuckDB SQL trailhunt translates it to, and what now() resolves to.",
            "",
            "Nothing is run. Without a store, now() is the clock and the columns are the ECS schema's.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:explained",
            "2:usage error (bad option, unknown hunt)",
            "3:data problem (store unreadable or in use, output not written)",
            "4:hunt error (invalid hunt file, ES|QL syntax or unsupported feature)",
            "70:internal error (a bug: please report it)",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  trailhunt explain secretsmanager_high_frequency_get_secret_value",
            "  trailhunt explain --db case.duckdb --now 2024-10-11T09:00:00Z hunts/",
            "  trailhunt explain --db case.duckdb --events 1 secretsmanager_high_frequency_get_secret_value",
            "  trailhunt explain --esql 'from logs-aws.cloudtrail*",
            "      | where event.action == \"GetSecretValue\" | limit 5'",
        })
public final class ExplainCommand implements Callable<Integer> {
    static final class Target {
        @Parameters(paramLabel = "HUNT", arity = "1..*", completionCandidates = CompletionWords.Hunts.class, description = "Hunts to explain (names, uuids, files, folders).")
        List<String> hunts;

        @Option(names = "--esql", paramLabel = "TEXT", required = true, description = "An ES|QL query to explain.")
        String esql;
    }

    @Spec CommandSpec spec;

    @Mixin StoreOptions store;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--events", paramLabel = "ROW",
            description = "Also run each ES|QL query and print the ES|QL that lists the events behind its result row ROW (1 = the first).")
    Integer eventsRow;

    @Option(names = "--target", paramLabel = "duckdb|trino|athena", defaultValue = "duckdb",
            description = "Which SQL to show: DuckDB's (default) or Trino's (also Athena engine v3's) over the ECS Parquet table"
                    + " --table (default: cloudtrail_ecs), with the dt partition predicate derived from the query's time window.")
    StoreOptions.Engine sqlTarget;

    @Option(names = "--partition-by", paramLabel = "dt[,account][,region]", defaultValue = "dt", converter = PartitionConverter.class,
            description = "With --target trino|athena and no --engine: the table's partitions, as export --partition-by wrote them"
                    + " (default: dt); with --engine they are read from the table.")
    dev.trailhunt.model.PartitionLayout partitions;

    @Override
    public Integer call() {
        List<HuntDefinition> hunts = target.esql != null
                ? List.of(HuntDefinition.adHoc(QueryLanguage.ESQL, target.esql))
                : HuntLibrary.load().resolveAll(target.hunts);
        PrintWriter out = spec.commandLine().getOut();
        if (eventsRow != null && eventsRow < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--events ROW counts rows from 1");
        }
        boolean failed = false;
        try (HuntSession session = store.openIfPresent(spec.commandLine().getErr(), Clock.systemUTC())) {
            HuntRunner runner = session.runner();
            // --target trino without --engine trino: translate for Trino, with now from the local store or the clock.
            TranslatingCompiler trino = sqlTarget != StoreOptions.Engine.duckdb && !store.onTrino()
                    ? TranslatingCompiler.forTrino(store.table(), partitions, null) : null;
            out.println("now = " + CellText.instant(runner.now().instant()) + " (" + runner.now().source() + ")");
            if (!runner.bound().isNone()) {
                out.println("bound: " + runner.bound().text());
            }
            for (HuntDefinition h : hunts) {
                if (!h.loaded()) {
                    out.println();
                    out.println("== " + Visible.text(h.id()) + " (" + h.origin().label() + ")");
                    out.println("could not load " + Visible.text(h.loadProblem()));
                    failed = true;
                }
                for (HuntQuery q : h.queries()) {
                    boolean ok = explain(out, h, q, runner, trino);
                    failed |= !ok;
                    if (ok && eventsRow != null && q.language() == QueryLanguage.ESQL) {
                        failed |= !events(out, q, runner, eventsRow);
                    }
                }
            }
        }
        out.flush();
        return failed ? ExitCodes.HUNT_ERROR : ExitCodes.OK;
    }

    /** Prints one query's explanation; hunt text is shown with control characters escaped, as hunt files may come from anyone. */
    static boolean explain(PrintWriter out, HuntDefinition h, HuntQuery q, HuntRunner runner, TranslatingCompiler trino) {
        out.println();
        out.println("== " + Visible.text(h.id()) + " (" + h.origin().label() + ")"
                + (h.queries().size() > 1 ? " · query " + q.index() + " of " + h.queries().size() : "")
                + " · " + q.language().label());
        if (!q.runnable()) {
            out.println("skipped: " + Visible.text(q.skipReason()));
            return true;
        }
        if (q.language() == QueryLanguage.DUCKDB_SQL) {
            out.println("-- DuckDB SQL (runs as written, read-only and sandboxed)");
            out.println(Visible.lines(q.text().strip()));
            return true;
        }
        // One parse serves the window line and the translation; a query that does not parse has no window.
        Query parsed;
        try {
            parsed = TranslatingCompiler.parse(q.text());
        } catch (HuntException e) {
            printEsql(out, QueryShape.UNORDERED, q);
            return printError(out, e);
        }
        printEsql(out, QueryShape.of(parsed), q);
        try {
            CompiledQuery c = trino != null ? trino.compile(parsed, q.text(), runner.now().instant(), runner.bound()) : runner.compile(q, parsed);
            out.println(trino != null || runner.dialect() == Dialect.TRINO ? "-- Trino SQL (also Athena engine v3)" : "-- DuckDB SQL");
            out.println(Visible.lines(c.sql()));
            return true;
        } catch (HuntException e) {
            return printError(out, e);
        }
    }

    /** Runs one query and prints the ES|QL of the events behind one of its rows; returns false when that failed. */
    private static boolean events(PrintWriter out, HuntQuery q, HuntRunner runner, int row) {
        HuntRun run = runner.run(HuntDefinition.adHoc(QueryLanguage.ESQL, q.text()));
        QueryRun ran = run.queries().get(0);
        out.println("-- ES|QL of the events behind row " + row);
        if (ran.status() != QueryRun.Status.RAN) {
            out.println(Visible.message(ran.message()));
            return false;
        }
        if (ran.rows() < row) {
            out.println("the query returned " + ran.rows() + (ran.rows() == 1 ? " row" : " rows") + "; there is no row " + row);
            return false;
        }
        List<Pivots.Pivot> pivots = Pivots.derive(run, ran, row);
        Pivots.Pivot p = pivots.get(pivots.size() - 1);
        out.println(p.esql().isEmpty() ? Visible.message(p.problem()) : Visible.lines(p.esql()));
        return !p.esql().isEmpty() || p.row() == 0 && !p.problem().startsWith("unsupported");
    }

    private static void printEsql(PrintWriter out, QueryShape shape, HuntQuery q) {
        out.println("window: " + (shape.windows().isEmpty() ? "none (all events)" : Visible.text(String.join(" and ", shape.windows()))));
        out.println("-- ES|QL");
        out.println(Visible.lines(q.text().strip()));
    }

    private static boolean printError(PrintWriter out, HuntException e) {
        out.println("-- error");
        out.println(Visible.message(e.getMessage()));
        return false;
    }
}
