package dev.trailhunt.cli;

import dev.trailhunt.engine.ParquetExport;
import dev.trailhunt.engine.Store;
import dev.trailhunt.engine.StoreColumn;
import dev.trailhunt.engine.StoreException;
import dev.trailhunt.hunt.TranslatingCompiler;
import dev.trailhunt.report.Visible;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a store's events as ECS Parquet partitioned by day and prints the tables Athena and Trino read it through. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Write a store's events as ECS Parquet, Hive-partitioned by day (dt=YYYY-MM-DD/), and print the CREATE TABLE",
            "for Athena (with partition projection on dt) and for Trino's Hive connector. The same hunts then run there:",
            "hunt --engine trino --url jdbc:trino://HOST:PORT/CATALOG/SCHEMA.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:exported",
            "2:usage error (bad option)",
            "3:data problem (store unreadable, folder not writable)",
            "70:internal error (a bug: please report it)",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  trailhunt export --db case.duckdb --parquet out/",
            "  aws s3 sync out/ s3://BUCKET/trailhunt/ecs/",
            "  trailhunt export --db case.duckdb --parquet out/ --location s3://BUCKET/trailhunt/ecs/",
        })
public final class ExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "trailhunt.duckdb", description = "Store to export (default: ${DEFAULT-VALUE}).")
    Path db;

    @Option(names = "--parquet", paramLabel = "DIR", required = true,
            description = "Folder to write dt=YYYY-MM-DD/events_*.parquet into; files of earlier exports stay (their names are unique).")
    Path parquet;

    @Option(names = "--table", paramLabel = "NAME", defaultValue = TranslatingCompiler.TRINO_TABLE,
            description = "Table name in the printed CREATE TABLE statements (default: ${DEFAULT-VALUE}).")
    String table;

    @Option(names = "--location", paramLabel = "URI",
            description = "Where the folder will live for Athena/Trino, e.g. s3://BUCKET/prefix/ (default: the local folder).")
    String location;

    @Override
    public Integer call() {
        if (!Files.exists(db)) {
            throw new StoreException("no store at " + db);
        }
        if (!table.matches("[a-z_][a-z0-9_]*")) {
            // Athena (Glue) lower-cases names; a plain name also needs no quoting rules of its own.
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--table must be lower-case letters, digits and _");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        List<StoreColumn> columns;
        try (Store store = Store.openForReading(db)) {
            columns = store.exportParquet(parquet);
        }
        err.println(Visible.text(String.format(Locale.ROOT, "wrote ECS Parquet (%d columns, partitioned by dt) to %s in %.2f s",
                columns.size(), parquet, (System.nanoTime() - start) / 1e9)));
        String where = location != null ? location : parquet.toAbsolutePath().toUri().toString();
        out.println("-- Athena (engine v3) / AWS Glue: partition projection on dt, no MSCK REPAIR needed");
        out.println(ParquetExport.athenaDdl(table, where, columns));
        out.println("-- Trino, Hive connector (hive.non-managed-table-writes-enabled not needed: the table is read-only)");
        out.println(ParquetExport.trinoDdl(table, where, columns));
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }
}
