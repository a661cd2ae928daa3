package dev.trailhunt.hunt;

import dev.trailhunt.engine.QueryLimits;
import dev.trailhunt.engine.Store;
import dev.trailhunt.engine.StoreProfile;
import dev.trailhunt.engine.RemoteEngine;
import dev.trailhunt.engine.StoreException;
import dev.trailhunt.engine.TemporaryDirs;
import dev.trailhunt.model.PartitionLayout;
import java.nio.file.Path;
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

    private final Store store;
    private final Path temporaryDir;
    private final Path spillDir;
    private final HuntRunner runner;
    /** The Trino connection the session runs on and closes, or null on DuckDB. */
    private RemoteEngine trino;

    private HuntSession(Store store, Path temporaryDir, Path spillDir, HuntRunner runner) {
        this.store = store;
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
     * @param compilers makes the ES|QL translator for the store
     * @param limits the time and memory each query may use
     */
    public static HuntSession open(Path db, Path temporaryDir, NowSpec nowSpec, Clock clock,
            Function<Store, TranslatingCompiler> compilers, QueryLimits limits) {
        return open(db, temporaryDir, nowSpec, BoundSpec.NONE, clock, compilers, limits);
    }

    /**
     * Opens an existing store file whose events the run sees only within a time bound.
     *
     * @param bounds {@code --from} and {@code --to}, resolved against now once it is known
     */
    public static HuntSession open(Path db, Path temporaryDir, NowSpec nowSpec, BoundSpec bounds, Clock clock,
            Function<Store, TranslatingCompiler> compilers, QueryLimits limits) {
        Store store;
        try {
            store = Store.openForReading(db);
        } catch (RuntimeException e) {
            TemporaryDirs.delete(temporaryDir);
            throw e;
        }
        return start(store, temporaryDir, Store::profile, nowSpec, bounds, clock, compilers, limits);
    }

    /** Opens an empty in-memory database, so that hunts can be explained before any data is ingested. */
    public static HuntSession openWithoutStore(NowSpec nowSpec, Clock clock, Function<Store, TranslatingCompiler> compilers) {
        return openWithoutStore(nowSpec, BoundSpec.NONE, clock, compilers);
    }

    /** Opens an empty in-memory database with a time bound, so that bounded hunts can be explained before any data is ingested. */
    public static HuntSession openWithoutStore(NowSpec nowSpec, BoundSpec bounds, Clock clock, Function<Store, TranslatingCompiler> compilers) {
        return start(Store.openInMemory(), null, Store::profileWithoutStore, nowSpec, bounds, clock, compilers, QueryLimits.defaults());
    }

    /**
     * Opens a session that runs ES|QL hunts on Trino over the ECS Parquet table {@code table}: now and
     * the run's profile come from one query on the engine, the partition columns from another that
     * reads no rows; the private in-memory DuckDB only backs the runner's interface and holds no events.
     *
     * @param bounds {@code --from} and {@code --to}, resolved against now once it is known
     */
    public static HuntSession openOnTrino(RemoteEngine trino, String table, NowSpec nowSpec, BoundSpec bounds, Clock clock) {
        StoreProfile profile = trino.profile(table);
        PartitionLayout partitions = PartitionLayout.of(trino.columns(table));
        HuntSession session = start(Store.openInMemory(), null, s -> profile, nowSpec, bounds, clock,
                s -> TranslatingCompiler.forTrino(table, partitions, trino), QueryLimits.defaults());
        session.trino = trino;
        return session;
    }

    /** Sandboxes a freshly opened store, profiles it and resolves now; on failure releases everything. */
    private static HuntSession start(Store store, Path temporaryDir, Function<Store, StoreProfile> profiler,
            NowSpec nowSpec, BoundSpec bounds, Clock clock, Function<Store, TranslatingCompiler> compilers, QueryLimits limits) {
        Path spill = null;
        try {
            spill = TemporaryDirs.create("spill");
            store.sandbox(limits, spill);
            StoreProfile profile = profiler.apply(store);
            ResolvedNow now = ResolvedNow.resolve(nowSpec, profile, clock);
            return new HuntSession(store, temporaryDir, spill,
                    new HuntRunner(store, compilers.apply(store), profile, now, bounds.resolve(nowSpec, now), MAX_SQL_ROWS, limits));
        } catch (RuntimeException e) {
            closeQuietly(store);
            TemporaryDirs.delete(spill);
            TemporaryDirs.delete(temporaryDir);
            throw e;
        }
    }

    /** Returns the runner bound to this session's store and now. */
    public HuntRunner runner() {
        return runner;
    }

    /** Returns the session's read-only, sandboxed store, for readers of its other tables (the alerts {@code detect} stored). */
    public Store store() {
        return store;
    }

    @Override
    public void close() {
        if (trino != null) {
            trino.close();
        }
        closeQuietly(store);
        TemporaryDirs.delete(spillDir);
        TemporaryDirs.delete(temporaryDir);
    }

    private static void closeQuietly(Store store) {
        try {
            store.close();
        } catch (StoreException e) {
            // Closing a read-only connection cannot lose data; nothing useful to report.
        }
    }
}
