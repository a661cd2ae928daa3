package dev.trailhunt.cli;

import dev.trailhunt.engine.InputFile;
import dev.trailhunt.engine.QueryLimits;
import dev.trailhunt.engine.StoreException;
import dev.trailhunt.engine.TemporaryDirs;
import dev.trailhunt.engine.RemoteEngine;
import dev.trailhunt.ingest.IngestException;
import dev.trailhunt.ingest.IngestOptions;
import dev.trailhunt.ingest.IngestProgress;
import dev.trailhunt.geoip.GeoIpFolders;
import dev.trailhunt.geoip.GeoIpLookup;
import dev.trailhunt.ingest.IngestSummary;
import dev.trailhunt.ingest.Ingester;
import dev.trailhunt.hunt.BoundSpec;
import dev.trailhunt.hunt.DataNeeds;
import dev.trailhunt.hunt.HuntSession;
import dev.trailhunt.hunt.NowSpec;
import dev.trailhunt.hunt.TranslatingCompiler;
import dev.trailhunt.report.Visible;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Chooses the store a command reads (--db, or --data ingested into a temporary store) and what now() means. */
final class StoreOptions {
    static final class Source {
        // One FILE per --db; report takes several and writes one document over them all.
        @Option(names = "--db", paramLabel = "FILE", arity = "1",
                description = "Store to read (default: trailhunt.duckdb); report and verify take several, one --db each.")
        List<Path> db;

        // One PATH per --data, so that the HUNT arguments after it are not taken for paths.
        @Option(names = "--data", paramLabel = "PATH", arity = "1",
                description = "CloudTrail file or folder to ingest into a temporary store first, instead of --db; repeat for more."
                        + " Only what the hunts can observe is loaded (their columns, and the records their first WHERE can accept).")
        List<Path> data;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    @Option(names = "--now", paramLabel = "latest|clock|ISO", defaultValue = "latest", converter = NowConverter.class,
            description = "What now() means: the newest event in the store (default, so reruns agree), the clock, or a time such as 2024-10-11T08:55:23Z; a given time also hides the events after it.")
    NowSpec now;

    @Option(names = "--from", paramLabel = "TIME", converter = TimeConverter.class,
            description = "See only events at or after TIME: 2023-07-10T12:00:00Z, 2023-07-10, or before now such as -7d, -36h, -30m.")
    String from;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeConverter.class,
            description = "See only events before TIME (a date: up to the end of that day); same forms as --from.")
    String to;

    /** Returns --from and --to, checked. */
    BoundSpec bounds() {
        return new BoundSpec(from, to);
    }

    @picocli.CommandLine.Mixin
    EngineOptions remote = new EngineOptions();

    /** Names the engine the hunts run on. */
    enum Engine { duckdb, trino, athena }

    /** Says whether hunts run on Trino or Athena (which is Trino SQL too). */
    boolean onTrino() {
        return remote.onTrino();
    }

    /** Returns the ECS Parquet table --table names. */
    String table() {
        return remote.table;
    }

    /** Returns the store file named by --db, or the default. */
    Path db() {
        return dbs().get(0);
    }

    /** Returns every store named by --db, in order, or the default one. */
    List<Path> dbs() {
        return source != null && source.db != null && !source.db.isEmpty() ? source.db : List.of(Path.of("trailhunt.duckdb"));
    }

    /** Opens one of several --db stores for hunting within limits. */
    HuntSession open(Path db, Clock clock, QueryLimits limits) {
        return HuntSession.open(db, null, now, clock, TranslatingCompiler::forStore, limits);
    }

    /** Returns the --data paths, or none. */
    List<Path> data() {
        return source != null && source.data != null ? source.data : List.of();
    }

    /** Opens the store for hunting within limits; --data ingests first and reports problems on {@code err}. */
    HuntSession open(PrintWriter err, Clock clock, QueryLimits limits) {
        return open(err, clock, limits, DataNeeds.ALL);
    }

    /**
     * Opens the store for hunting within limits; --data ingests first, loading only what {@code needs}
     * says the hunts can observe, and reports problems on {@code err}.
     */
    HuntSession open(PrintWriter err, Clock clock, QueryLimits limits, DataNeeds needs) {
        if (onTrino()) {
            return openOnTrino();
        }
        if (source != null && source.data != null) {
            Path dir = TemporaryStore.ingest(source.data, err, needs);
            return HuntSession.open(dir.resolve(TemporaryStore.STORE_FILE), dir, now, bounds(), clock, TranslatingCompiler::forStore, limits);
        }
        return HuntSession.open(db(), null, now, bounds(), clock, TranslatingCompiler::forStore, limits);
    }

    /** Opens the store when there is one, else an empty database, for commands that work without data. */
    HuntSession openIfPresent(PrintWriter err, Clock clock) {
        if (onTrino()) {
            return openOnTrino();
        }
        boolean data = source != null && source.data != null;
        if (!data && !java.nio.file.Files.exists(db())) {
            if (source != null && source.db != null) {
                // A mistyped --db would otherwise look like a store with no events.
                err.println("note: no store at " + Visible.text(db().toString()) + "; explaining against the ECS schema");
                err.flush();
            }
            return HuntSession.openWithoutStore(now, bounds(), clock, TranslatingCompiler::forStore);
        }
        return open(err, clock, QueryLimits.defaults());
    }

    /** Checks a --from or --to text when the command line is parsed, so that a typo is a usage error. */
    static final class TimeConverter implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                new BoundSpec(value, null);
                return value;
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage().replace("--from ", ""));
            }
        }
    }

    private HuntSession openOnTrino() {
        if (source != null) {
            throw new StoreException("--engine " + remote.engine + " reads the table --table; --db and --data are for the DuckDB engine");
        }
        RemoteEngine trino = remote.connect();
        try {
            return HuntSession.openOnTrino(trino, remote.table, now, bounds(), Clock.systemUTC());
        } catch (RuntimeException e) {
            trino.close();
            throw e;
        }
    }

    /** Converts the --now text. */
    static final class NowConverter implements picocli.CommandLine.ITypeConverter<NowSpec> {
        @Override
        public NowSpec convert(String value) {
            try {
                return NowSpec.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * Ingests --data into a fresh private temporary directory, reporting each problem file on one
     * line; the directory goes away when the session closes, on exit or a signal, or on the next start after a crash.
     */
    static final class TemporaryStore {
        static final String STORE_FILE = "trailhunt.duckdb";

        private TemporaryStore() {}

        static Path ingest(List<Path> data, PrintWriter err, DataNeeds needs) {
            for (Path p : data) {
                if (!java.nio.file.Files.exists(p)) {
                    throw new StoreException("no such file or directory: " + p);
                }
            }
            Path dir;
            try {
                dir = TemporaryDirs.create("data");
            } catch (java.io.UncheckedIOException e) {
                throw new StoreException("cannot create a temporary store: " + e.getMessage(), e);
            }
            IngestSummary summary;
            // GeoIP databases are opened only when a query reads their fields ($TRAILHUNT_GEOIP or geoipupdate's folders).
            boolean geo = needs.columns() == null || needs.columns().stream().anyMatch(GeoIpLookup.COLUMNS::contains);
            try (GeoIpLookup lookup = geo ? GeoIpFolders.open(null, System.getenv()) : null) {
                int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
                IngestOptions options = new IngestOptions(threads, false, needs.columns(), needs.filter());
                summary = new Ingester(options).enrichingWith(lookup).ingest(dir.resolve(STORE_FILE), data, IngestProgress.NONE);
            } catch (IngestException | StoreException | dev.trailhunt.geoip.GeoIpException e) {
                TemporaryDirs.delete(dir);
                throw new StoreException(e.getMessage(), e);
            }
            for (InputFile f : summary.files()) {
                if (f.isProblem() || InputFile.IGNORED.equals(f.status())) {
                    err.println(Visible.text(f.status() + ": " + f.path() + ": " + f.reason()));
                }
            }
            long parsed = summary.eventsAdded() + summary.duplicatesSkipped();
            String mapped = parsed < summary.eventsRead()
                    ? String.format(java.util.Locale.ROOT, " (%d mapped; the others only counted: no query can select them)", parsed) : "";
            err.println(String.format(java.util.Locale.ROOT, "read %d events from %d files%s into a temporary store in %.2f s",
                    summary.eventsRead(), summary.files().size(), mapped, summary.elapsed().toMillis() / 1000.0));
            if (summary.undated() > 0) {
                err.println(Visible.text(String.format(java.util.Locale.ROOT,
                        "undated: %d event%s without a valid eventTime (first: %s), dated at ingest and left out of the time range",
                        summary.undated(), summary.undated() == 1 ? "" : "s", summary.firstUndated())));
            }
            err.flush();
            return dir;
        }
    }
}
