package dev.trailhunt.cli;

import dev.trailhunt.engine.StoreException;
import dev.trailhunt.hunt.HuntSession;
import dev.trailhunt.hunt.NowSpec;
import dev.trailhunt.hunt.TranslatingCompiler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Chooses the store a command reads (--db, or --data ingested into a temporary store) and what now() means. */
final class StoreOptions {
    static final class Source {
        @Option(names = "--db", paramLabel = "FILE", description = "Store to read (default: trailhunt.duckdb).")
        Path db;

        @Option(names = "--data", paramLabel = "PATH", arity = "1..*",
                description = "CloudTrail files or folders to ingest into a temporary store first, instead of --db.")
        List<Path> data;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    @Option(names = "--now", paramLabel = "latest|clock|ISO", defaultValue = "latest", converter = NowConverter.class,
            description = "What now() means: the newest event in the store (default, so reruns agree), the clock, or a time such as 2024-10-11T08:55:23Z.")
    NowSpec now;

    /** Returns the store file named by --db, or the default. */
    Path db() {
        return source != null && source.db != null ? source.db : Path.of("trailhunt.duckdb");
    }

    /** Opens the store for hunting; --data ingests first and reports problems on {@code err}. */
    HuntSession open(PrintWriter err, Clock clock) {
        if (source != null && source.data != null) {
            Path dir = TemporaryStore.ingest(source.data, err);
            return HuntSession.open(dir.resolve("trailhunt.duckdb"), dir, now, clock, TranslatingCompiler::forStore);
        }
        return HuntSession.open(db(), null, now, clock, TranslatingCompiler::forStore);
    }

    /** Opens the store when there is one, else an empty database, for commands that work without data. */
    HuntSession openIfPresent(PrintWriter err, Clock clock) {
        boolean given = source != null;
        if (!given && !java.nio.file.Files.exists(db())) {
            return HuntSession.openWithoutStore(now, clock, TranslatingCompiler::forStore);
        }
        return open(err, clock);
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

    /** Ingests --data into a fresh temporary directory. */
    static final class TemporaryStore {
        private TemporaryStore() {}

        static Path ingest(List<Path> data, PrintWriter err) {
            throw new StoreException("unsupported: --data needs the ingest command, which is not in this build yet; use --db");
        }
    }
}
