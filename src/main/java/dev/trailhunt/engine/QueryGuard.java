package dev.trailhunt.engine;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Holds the limits of the query running on this thread and cancels its DuckDB statements from a
 * watchdog thread when its time is up; DuckDB then interrupts the query and the connection stays usable.
 *
 * <p>The guard is ambient (a thread-local) so that every statement the engine runs for one hunt
 * query, whichever layer builds it, is covered without passing the limits through each of them.
 */
public final class QueryGuard implements AutoCloseable {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trailhunt-query-watchdog");
        t.setDaemon(true);
        return t;
    });
    private static final ThreadLocal<QueryGuard> CURRENT = new ThreadLocal<>();

    private final QueryLimits limits;
    private final QueryGuard outer;
    private final Set<Statement> running = new HashSet<>();
    private final ScheduledFuture<?> timer;
    private volatile boolean expired;

    private QueryGuard(QueryLimits limits, QueryGuard outer) {
        this.limits = limits;
        this.outer = outer;
        this.timer = limits.hasTimeout()
                ? WATCHDOG.schedule(this::expire, limits.timeout().toNanos(), TimeUnit.NANOSECONDS)
                : null;
    }

    /** Starts guarding the query about to run on this thread; close the guard when it is done. */
    public static QueryGuard start(QueryLimits limits) {
        QueryGuard g = new QueryGuard(limits, CURRENT.get());
        CURRENT.set(g);
        return g;
    }

    /**
     * Wraps a task to run on another thread under the guard of the calling thread (its limits, its timer), so that work one
     * query splits over threads is cancelled as one; without a guard on the calling thread the task runs unguarded.
     */
    public static <T> java.util.concurrent.Callable<T> sharing(java.util.concurrent.Callable<T> task) {
        QueryGuard g = CURRENT.get();
        return () -> {
            QueryGuard before = CURRENT.get();
            if (g != null) {
                CURRENT.set(g);
            }
            try {
                return task.call();
            } finally {
                if (before == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(before);
                }
            }
        };
    }

    /**
     * Registers a statement of the current query so that the watchdog can cancel it; without a
     * guard on this thread (tests, explain) nothing is watched.
     *
     * @throws QueryLimitException when the query's time ran out before this statement started
     */
    static Watch watch(Statement statement) {
        QueryGuard g = CURRENT.get();
        if (g == null) {
            return () -> { };
        }
        synchronized (g.running) {
            if (g.expired) {
                throw g.timedOut(null);
            }
            g.running.add(statement);
        }
        return () -> {
            synchronized (g.running) {
                g.running.remove(statement);
            }
        };
    }

    /**
     * Returns the limit a DuckDB failure stands for (the timeout fired, or DuckDB ran out of memory or
     * spill space), or null when the failure is the query's own.
     */
    static QueryLimitException limitFor(SQLException e) {
        QueryGuard g = CURRENT.get();
        if (g != null && g.expired) {
            return g.timedOut(e);
        }
        String m = Store.firstLine(e);
        int error = m.indexOf("Out of Memory Error:");
        if (error < 0) {
            return null;
        }
        // DuckDB's first sentence says what it could not allocate; the advice after it is about SET, which hunts cannot run.
        String detail = m.substring(error + "Out of Memory Error:".length()).strip();
        int end = detail.indexOf(". ");
        detail = end < 0 ? detail : detail.substring(0, end);
        detail = detail.endsWith(".") ? detail.substring(0, detail.length() - 1) : detail;
        if (String.valueOf(e.getMessage()).contains("max_temp_directory_size")) {
            String spill = g == null ? "" : " of " + QueryLimits.sizeText(g.limits.spillBytes());
            return new QueryLimitException("limit: query exceeded the spill space" + spill + " (" + QueryLimits.SPILL_FACTOR
                    + " × --memory-limit): " + detail, e);
        }
        String memory = g == null ? "" : " " + QueryLimits.sizeText(g.limits.memoryBytes());
        return new QueryLimitException("limit: query exceeded the" + memory + " memory limit (--memory-limit): " + detail, e);
    }

    /** Returns the failure for rows that do not fit in the Java heap, after their references are dropped. */
    static QueryLimitException heapExhausted(OutOfMemoryError e) {
        return new QueryLimitException("limit: the query's rows do not fit in trailhunt's Java heap"
                + " (add LIMIT or fewer columns, or run java with a larger -Xmx)", e);
    }

    private QueryLimitException timedOut(SQLException cause) {
        return new QueryLimitException("limit: query exceeded the " + QueryLimits.durationText(limits.timeout())
                + " timeout (--timeout)", cause);
    }

    private void expire() {
        synchronized (running) {
            expired = true;
            for (Statement st : running) {
                try {
                    st.cancel();
                } catch (SQLException e) {
                    // The statement finished or closed meanwhile; nothing is left to interrupt.
                }
            }
        }
    }

    /** Unregisters a statement from its guard. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.cancel(false);
        }
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
