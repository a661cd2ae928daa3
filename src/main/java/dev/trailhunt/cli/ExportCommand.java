package dev.trailhunt.cli;

import dev.trailhunt.engine.ParquetExport;
import dev.trailhunt.engine.Store;
import dev.trailhunt.engine.StoreException;
import dev.trailhunt.hunt.TranslatingCompiler;
import dev.trailhunt.model.PartitionLayout;
import dev.trailhunt.report.Visible;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a store's events as ECS Parquet partitioned by day and prints the tables Athena and Trino read it through. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Write a store's events as ECS Parquet, Hive-partitioned by day (dt=YYYY-MM-DD/), optionally then by account and region",
            "(--partition-by dt,account,region: dt=…/account=…/region=…/), and print the CREATE TABLE for Athena (with partition",
            "projection) and for Trino's Hive connector. The same hunts and rules then run there:",
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
            "  trailhunt export --db case.duckdb --parquet out/ --partition-by dt,account,region",
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

    @Option(names = "--partition-by", paramLabel = "dt[,account][,region]", defaultValue = "dt", converter = PartitionConverter.class,
            description = "Partition folders: dt (default), optionally account (cloud.account.id) and region (cloud.region), nested"
                    + " in that order; a value that is not a plain name (or none) goes to _other.")
    PartitionLayout partitions;

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
        ParquetExport.Written written;
        try (Store store = Store.openForReading(db)) {
            written = store.exportParquet(parquet, partitions);
        }
        err.println(Visible.text(String.format(Locale.ROOT, "wrote ECS Parquet (%d columns, partitioned by %s) to %s in %.2f s",
                written.columns().size(), partitions.text(), parquet, (System.nanoTime() - start) / 1e9)));
        String where = location != null ? location : parquet.toAbsolutePath().toUri().toString();
        out.println("-- Athena (engine v3) / AWS Glue: partition projection on " + partitions.text() + ", no MSCK REPAIR needed");
        if (partitions.columns().size() > 1) {
            out.println("-- account/region are enum projections of the values this export wrote: when another shard writes more,");
            out.println("-- add them to projection.account.values / projection.region.values (ALTER TABLE ... SET TBLPROPERTIES)");
        }
        out.println(ParquetExport.athenaDdl(table, where, written));
        out.println("-- Trino, Hive connector (hive.non-managed-table-writes-enabled not needed: the table is read-only)");
        out.println(ParquetExport.trinoDdl(table, where, written));
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }
}
