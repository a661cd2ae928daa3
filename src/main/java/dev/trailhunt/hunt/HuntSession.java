package dev.trailhunt.hunt;

import dev.trailhunt.engine.QueryLimits;
import dev.trailhunt.engine.Store;
import dev.trailhunt.engine.StoreProfile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Function;

/**
 * Opens a store for hunting: read-only, sandboxed, bounded by {@link QueryLimits}, profiled, with now
 * resolved once; owns the temporary store made for {@code --data} and DuckDB's private spill folder,
 * and deletes both on close.
 */
public final class HuntSession implements AutoCloseable {
    /** Caps the rows of a DuckDB SQL hunt, as ES|QL caps LIMIT. */
    public static final int MAX_SQL_ROWS = 10_000;

    private final Connection connection;
    private final Path temporaryDir;
    private final Path spillDir;
    private final HuntRunner runner;

    private HuntSession(Connection connection, Path temporaryDir, Path spillDir, HuntRunner runner) {
        this.connection = connection;
        this.temporaryDir = temporaryDir;
        this.spillDir = spillDir;
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
     * @param limits the time and memory each query may use
     */
    public static HuntSession open(Path db, Path temporaryDir, NowSpec nowSpec, Clock clock,
            Function<Connection, TranslatingCompiler> compilers, QueryLimits limits) {
        Connection c;
        try {
            c = Store.openForReading(db);
        } catch (RuntimeException e) {
            TemporaryDirs.delete(temporaryDir);
            throw e;
        }
        return start(c, temporaryDir, StoreProfile::read, nowSpec, clock, compilers, limits);
    }

    /** Opens an empty in-memory database, so that hunts can be explained before any data is ingested. */
    public static HuntSession openWithoutStore(NowSpec nowSpec, Clock clock, Function<Connection, TranslatingCompiler> compilers) {
        return start(Store.openInMemory(), null, StoreProfile::withoutStore, nowSpec, clock, compilers, QueryLimits.defaults());
    }

    /** Sandboxes a fresh connection, profiles it and resolves now; on failure releases everything. */
    private static HuntSession start(Connection c, Path temporaryDir, Function<Connection, StoreProfile> profiler,
            NowSpec nowSpec, Clock clock, Function<Connection, TranslatingCompiler> compilers, QueryLimits limits) {
        Path spill = null;
        try {
            spill = TemporaryDirs.create("spill");
            Store.sandbox(c, limits, spill);
            StoreProfile profile = profiler.apply(c);
            ResolvedNow now = ResolvedNow.resolve(nowSpec, profile, clock);
            return new HuntSession(c, temporaryDir, spill, new HuntRunner(c, compilers.apply(c), profile, now, MAX_SQL_ROWS, limits));
        } catch (RuntimeException e) {
            closeQuietly(c);
            TemporaryDirs.delete(spill);
            TemporaryDirs.delete(temporaryDir);
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
        TemporaryDirs.delete(spillDir);
        TemporaryDirs.delete(temporaryDir);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // Closing a read-only connection cannot lose data; nothing useful to report.
        }
    }
}
