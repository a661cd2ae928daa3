package dev.trailhunt.hunt;

import dev.trailhunt.engine.Store;
import dev.trailhunt.engine.StoreProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Opens a store for hunting: read-only, sandboxed, profiled, with now resolved once; owns the
 * temporary store made for {@code --data} and deletes it on close.
 */
public final class HuntSession implements AutoCloseable {
    /** Caps the rows of a DuckDB SQL hunt, as ES|QL caps LIMIT. */
    public static final int MAX_SQL_ROWS = 10_000;

    private final Connection connection;
    private final Path temporaryDir;
    private final HuntRunner runner;

    private HuntSession(Connection connection, Path temporaryDir, HuntRunner runner) {
        this.connection = connection;
        this.temporaryDir = temporaryDir;
        this.runner = runner;
    }

    /**
     * Opens an existing store file.
     *
     * @param db the store file
     * @param temporaryDir a directory to delete on close (the {@code --data} store), or null
     * @param nowSpec how to choose now
     * @param clock the clock for {@code --now clock} and empty stores
     * @param compilers makes the ES|QL translator for the store's connection
     */
    public static HuntSession open(Path db, Path temporaryDir, NowSpec nowSpec, Clock clock, Function<Connection, TranslatingCompiler> compilers) {
        return start(Store.openForReading(db), temporaryDir, StoreProfile::read, nowSpec, clock, compilers);
    }

    /** Opens an empty in-memory database, so that hunts can be explained before any data is ingested. */
    public static HuntSession openWithoutStore(NowSpec nowSpec, Clock clock, Function<Connection, TranslatingCompiler> compilers) {
        return start(Store.openInMemory(), null, StoreProfile::withoutStore, nowSpec, clock, compilers);
    }

    /** Sandboxes a fresh connection, profiles it and resolves now; on failure releases everything. */
    private static HuntSession start(Connection c, Path temporaryDir, Function<Connection, StoreProfile> profiler,
            NowSpec nowSpec, Clock clock, Function<Connection, TranslatingCompiler> compilers) {
        try {
            Store.sandbox(c);
            StoreProfile profile = profiler.apply(c);
            ResolvedNow now = ResolvedNow.resolve(nowSpec, profile, clock);
            return new HuntSession(c, temporaryDir, new HuntRunner(c, compilers.apply(c), profile, now, MAX_SQL_ROWS));
        } catch (RuntimeException e) {
            closeQuietly(c);
            deleteTree(temporaryDir);
            throw e;
        }
    }

    /** Returns the runner bound to this session's store and now. */
    public HuntRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        closeQuietly(connection);
        deleteTree(temporaryDir);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // Closing a read-only connection cannot lose data; nothing useful to report.
        }
    }

    /** Deletes a temporary directory tree, ignoring what is already gone. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary file is harmless; the OS cleans its temp directory.
        }
    }
}
