package dev.trailhunt.cli;

import dev.trailhunt.engine.Store;
import dev.trailhunt.engine.StoreException;
import dev.trailhunt.engine.TemporaryDirs;
import dev.trailhunt.engine.InputFile;
import dev.trailhunt.geoip.GeoIpException;
import dev.trailhunt.geoip.GeoIpFolders;
import dev.trailhunt.geoip.GeoIpLookup;
import dev.trailhunt.ingest.IngestException;
import dev.trailhunt.ingest.IngestOptions;
import dev.trailhunt.ingest.IngestProgress;
import dev.trailhunt.ingest.IngestSummary;
import dev.trailhunt.ingest.Ingester;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Loads CloudTrail logs into a trailhunt store. */
@Command(name = "ingest",
        description = {
            "Load CloudTrail logs into a DuckDB store with the ECS fields of Elastic's aws.cloudtrail integration.",
            "",
            "Files or directories (recursive); plain, .gz or .zip, detected by content: S3 Records files"
                + " (AWSLogs/... trees), bare arrays, NDJSON (Logstash/Datadog extras ignored), LookupEvents and"
                + " console exports. Digest files are skipped. Files already loaded (same SHA-256) are skipped and"
                + " records already stored are not stored twice, so ingesting a growing folder again is cheap."
                + " Bad files are named with the reason; every readable record of every file is kept."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  trailhunt ingest --db case.duckdb ~/Downloads/AWSLogs",
            "  trailhunt ingest --db case.duckdb export.ndjson lookup-events.json.gz logs.zip",
            "  trailhunt hunt --db case.duckdb secretsmanager_high_frequency_get_secret_value"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:every file loaded or was skipped",
            "1:the store could not be opened or written",
            "2:usage error (bad option, missing PATH)",
            "3:some files were rejected or only partly loaded (the rest loaded)"},
        mixinStandardHelpOptions = true)
public final class IngestCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "trailhunt.duckdb",
            description = "Store file, created when absent (default: ${DEFAULT-VALUE}).")
    Path db;

    @Option(names = "--parquet", paramLabel = "DIR",
            description = "Write ECS Parquet partitioned by day into DIR instead of keeping a store: the logs go through a"
                    + " temporary store that is deleted afterwards (export --parquet prints the CREATE TABLE for Athena and Trino).")
    Path parquet;

    @Option(names = "--partition-by", paramLabel = "dt[,account][,region]", defaultValue = "dt", converter = PartitionConverter.class,
            description = "With --parquet: partition folders, as export --partition-by (default: dt).")
    dev.trailhunt.model.PartitionLayout partitions;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: number of processors).")
    Integer threads;

    @Option(names = "--geoip", paramLabel = "DIR", description = "Folder of MaxMind-format .mmdb databases (City, ASN)"
            + " for source.geo.* and source.as.* (default: $TRAILHUNT_GEOIP, else the folders geoipupdate writes to).")
    Path geoip;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files or directories (searched recursively).")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println("trailhunt ingest: " + Visible.text(Ingester.missingInput(p)));
                return 2;
            }
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            err.println("trailhunt ingest: --threads must be at least 1");
            return 2;
        }
        boolean terminal = System.console() != null;
        IngestProgress progress = terminal ? new TerminalProgress(err) : IngestProgress.NONE;
        IngestSummary summary;
        Path temporary = parquet == null ? null : TemporaryDirs.create("parquet");
        Path store = temporary == null ? db : temporary.resolve("store.duckdb");
        try (GeoIpLookup lookup = GeoIpFolders.open(geoip, System.getenv())) {
            summary = new Ingester(new IngestOptions(n, terminal)).enrichingWith(lookup).ingest(store, paths, progress);
            if (lookup != null && lookup.failureLine() != null) {
                err.println(Visible.text(lookup.failureLine()));
            }
            if (temporary != null) {
                try (Store s = Store.openForReading(store)) {
                    s.exportParquet(parquet, partitions);
                }
                err.println("wrote ECS Parquet partitioned by " + partitions.text() + " to " + Visible.text(parquet.toString()));
            }
        } catch (IngestException | StoreException | GeoIpException e) {
            err.println("trailhunt ingest: " + Visible.text(e.getMessage()));
            return 1;
        } finally {
            TemporaryDirs.delete(temporary);
        }
        if (terminal) {
            err.print("\r\033[K");
            err.flush();
        }
        for (InputFile f : summary.files()) {
            if (f.isProblem() || InputFile.IGNORED.equals(f.status())) {
                err.println(Visible.text(f.status() + ": " + f.path() + ": " + f.reason()));
            }
        }
        print(out, summary, db);
        return summary.exitCode();
    }

    private static void print(PrintWriter out, IngestSummary s, Path db) {
        long digests = s.files().stream().filter(f -> "digest".equals(f.format()) && f.status().equals(InputFile.SKIPPED)).count();
        long ignored = s.count(InputFile.IGNORED);
        out.printf(Locale.ROOT, "files: %d loaded, %d skipped (%d digest), %s%d rejected, %d partial%n",
                s.count(InputFile.LOADED), s.count(InputFile.SKIPPED), digests, ignored > 0 ? ignored + " ignored (not logs), " : "",
                s.count(InputFile.REJECTED), s.count(InputFile.PARTIAL));
        out.printf(Locale.ROOT, "events: %d read, %d added, %d duplicates not stored again%n",
                s.eventsRead(), s.eventsAdded(), s.duplicatesSkipped());
        if (s.eventsAdded() == 0) {
            // Nothing new: the store's own range says what a hunt will see.
            storeRange(db).ifPresent(r -> out.printf(Locale.ROOT, "time range: %s (the store's; this run added no events)%n", r));
        } else if (s.firstEvent() != null) {
            out.printf(Locale.ROOT, "time range: %s .. %s%n", s.firstEvent(), s.lastEvent());
        }
        if (s.undated() > 0) {
            out.printf(Locale.ROOT, "undated: %d event%s without a valid eventTime (first: %s), dated at ingest as Elastic does"
                    + " and left out of the time range and of now%n", s.undated(), s.undated() == 1 ? "" : "s", s.firstUndated());
        }
        if (s.normalised() > 0) {
            out.printf(Locale.ROOT, "normalised: %d event%s whose event.original is not the input's text (first: %s),"
                    + " tagged trailhunt_original_normalised%n", s.normalised(), s.normalised() == 1 ? "" : "s",
                    Visible.text(s.firstNormalised()));
        }
        if (s.geoip().isEmpty()) {
            out.println("geoip: no GeoIP data; source.geo.* and source.as.* stay null (see --geoip)");
        }
        for (String d : s.geoip()) {
            out.println("geoip: " + Visible.text(d));
        }
        double secs = s.elapsed().toMillis() / 1000.0;
        out.printf(Locale.ROOT, "elapsed: %.1f s (%.0f events/s)%n", secs, secs > 0 ? s.eventsRead() / secs : 0.0);
        out.flush();
    }

    /** Reads the store's time range, or nothing when it holds no dated event or cannot be read now. */
    private static java.util.Optional<String> storeRange(Path db) {
        try (dev.trailhunt.engine.Store store = dev.trailhunt.engine.Store.openForReading(db)) {
            dev.trailhunt.engine.StoreProfile p = store.profile();
            return p.first() == null ? java.util.Optional.empty() : java.util.Optional.of(p.first() + " .. " + p.last());
        } catch (StoreException e) {
            return java.util.Optional.empty();
        }
    }

    /** Rewrites one status line on the terminal, at most a few times a second. */
    static final class TerminalProgress implements IngestProgress {
        private final PrintWriter err;
        private final long start = System.nanoTime();
        private long lastPrint;

        TerminalProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(long filesDone, long filesTotal, long events, long bytes) {
            long now = System.nanoTime();
            if (now - lastPrint < 200_000_000L && filesDone < filesTotal) {
                return;
            }
            lastPrint = now;
            err.print("\r\033[K" + line(filesDone, filesTotal, events, bytes, (now - start) / 1e9));
            err.flush();
        }

        /** Renders one progress line: files, events, events/s, MB/s and, once a file is done, the time left. */
        static String line(long filesDone, long filesTotal, long events, long bytes, double elapsedSeconds) {
            double secs = Math.max(1e-3, elapsedSeconds);
            String eta = "";
            if (filesDone > 0 && filesDone < filesTotal) {
                long left = Math.round(secs * (filesTotal - filesDone) / filesDone);
                eta = String.format(Locale.ROOT, ", ~%d:%02d left", left / 60, left % 60);
            }
            return String.format(Locale.ROOT, "files %d/%d, events %d (%.0f/s), %.1f MB/s%s",
                    filesDone, filesTotal, events, events / secs, bytes / 1e6 / secs, eta);
        }
    }
}
