package dev.trailhunt.hunt;

import dev.trailhunt.engine.QueryException;
import dev.trailhunt.engine.QueryGuard;
import dev.trailhunt.engine.QueryLimits;
import dev.trailhunt.engine.SandboxedSql;
import dev.trailhunt.engine.SqlRejectedException;
import dev.trailhunt.engine.Store;
import dev.trailhunt.engine.StoreException;
import dev.trailhunt.engine.StoreProfile;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.translate.Dialect;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.model.TimeBound;
import dev.trailhunt.translate.TranslateOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs hunts on one sandboxed store with one resolved now: ES|QL is translated and
 * executed, DuckDB SQL from {@code .sql} files runs as is, other languages are listed as skipped.
 */
public final class HuntRunner {
    private static final java.util.regex.Pattern ORDER_BY =
            java.util.regex.Pattern.compile("\\border\\s+by\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    private final Store sandboxed;
    private final TranslatingCompiler compiler;
    private final StoreProfile profile;
    private final ResolvedNow now;
    private final TimeBound bound;
    private final int maxSqlRows;
    private final QueryLimits limits;

    /**
     * Creates a runner.
     *
     * @param sandboxed a store opened read-only and sandboxed
     * @param compiler the ES|QL translator
     * @param profile the store's profile
     * @param now the instant now() stands for
     * @param maxSqlRows the row cap for DuckDB SQL hunts, like ES|QL's maximum LIMIT
     * @param limits the time and memory each query may use; the store's memory was set to them
     */
    public HuntRunner(Store sandboxed, TranslatingCompiler compiler, StoreProfile profile, ResolvedNow now, int maxSqlRows,
            QueryLimits limits) {
        this(sandboxed, compiler, profile, now, TimeBound.NONE, maxSqlRows, limits);
    }

    /** Creates a runner whose ES|QL sees only the events within {@code bound}. */
    public HuntRunner(Store sandboxed, TranslatingCompiler compiler, StoreProfile profile, ResolvedNow now, TimeBound bound,
            int maxSqlRows, QueryLimits limits) {
        this.sandboxed = sandboxed;
        this.compiler = compiler;
        this.profile = profile;
        this.now = now;
        this.bound = bound;
        this.maxSqlRows = maxSqlRows;
        this.limits = limits;
    }

    /** Returns the now this runner uses. */
    public ResolvedNow now() {
        return now;
    }

    /** Returns the time bound every query of this runner sees the events through. */
    public TimeBound bound() {
        return bound;
    }

    /** Counts the rows a query would return with its final LIMIT (or ES|QL's implicit one) raised by one, to learn whether it cut rows. */
    int rowsBeyond(Query query, String esql, int limit) {
        TranslateOptions probe = new TranslateOptions(now.instant(), LimitCut.DEFAULT_LIMIT + 1, LimitCut.MAX_LIMIT + 1, bound);
        return compiler.execute(sandboxed, compiler.compile(LimitCut.raised(query, limit + 1), esql, probe)).size();
    }

    /** Returns the fields ES|QL's FROM sees in this store, in ECS schema order. */
    public List<dev.trailhunt.translate.SourceColumn> fields() {
        return compiler.fields();
    }

    /** Returns the profile of the store this runner reads. */
    public StoreProfile profile() {
        return profile;
    }

    /** Runs every query of a hunt; failures are recorded per query so that other hunts still run. */
    public HuntRun run(HuntDefinition hunt) {
        List<QueryRun> runs = new ArrayList<>();
        for (HuntQuery q : hunt.queries()) {
            // Each query gets its own time; one that runs out fails alone and the next one starts afresh.
            try (QueryGuard guard = QueryGuard.start(limits)) {
                runs.add(run(q));
            }
        }
        return new HuntRun(hunt, runs);
    }

    /** Runs a list of hunts and packages the run for reports. */
    public RunResult runAll(List<HuntDefinition> hunts, String trailhuntVersion) {
        List<HuntRun> out = new ArrayList<>();
        for (HuntDefinition h : hunts) {
            out.add(run(h));
        }
        return new RunResult(profile, now, bound, out, trailhuntVersion);
    }

    /** Returns the dialect the runner's ES|QL hunts are translated to. */
    public Dialect dialect() {
        return compiler.dialect();
    }

    /**
     * Translates an ES|QL query without running it, for explain.
     *
     * @param parsed the query's text parsed with {@link TranslatingCompiler#parse}
     */
    public CompiledQuery compile(HuntQuery query, Query parsed) {
        return compiler.compile(parsed, query.text(), now.instant(), bound);
    }

    private QueryRun run(HuntQuery q) {
        if (!q.runnable()) {
            return new QueryRun(q, QueryRun.Status.SKIPPED, "", null, q.skipReason(), List.of());
        }
        if (q.language() == QueryLanguage.DUCKDB_SQL && compiler.dialect() != Dialect.DUCKDB) {
            return new QueryRun(q, QueryRun.Status.FAILED, q.text().strip(), null,
                    "unsupported on " + compiler.dialect().label() + ": a DuckDB SQL hunt (only ES|QL is translated)", List.of());
        }
        if (q.language() == QueryLanguage.DUCKDB_SQL) {
            if (bound.from() != null || (bound.until() != null && !bound.untilInclusive())) {
                // The bound is applied to FROM of a translated query; SQL text is run as written and cannot be bounded exactly.
                return new QueryRun(q, QueryRun.Status.FAILED, "", null,
                        "unsupported: --from/--to on a DuckDB SQL query at 1:1; put the bound in its WHERE on \"@timestamp\"", List.of());
            }
            try {
                SandboxedSql.Capped capped = sandboxed.runSql(q.text(), maxSqlRows);
                ResultTable t = capped.table();
                // SQL without ORDER BY has no defined order; order it fully so reports rerun to the same bytes.
                ResultTable ordered = ORDER_BY.matcher(q.text()).find() ? t : RowOrder.total(t, QueryShape.UNORDERED);
                String note = capped.capped() ? String.format(java.util.Locale.ROOT,
                        "note: the SQL has more rows than the %,d a hunt returns; these are the first %,d (narrow it with WHERE, LIMIT or an aggregate)",
                        maxSqlRows, maxSqlRows) : "";
                if (!bound.isNone()) {
                    note = (note.isEmpty() ? "" : note + "\n") + "note: --now does not hide later events from DuckDB SQL; bound it in its WHERE on \"@timestamp\"";
                }
                return new QueryRun(q, QueryRun.Status.RAN, q.text().strip(), ordered, note, List.of());
            } catch (SqlRejectedException | QueryException e) {
                return new QueryRun(q, QueryRun.Status.FAILED, q.text().strip(), null, e.getMessage(), List.of());
            }
        }
        Query query;
        try {
            query = TranslatingCompiler.parse(q.text());
        } catch (HuntException e) {
            return new QueryRun(q, QueryRun.Status.FAILED, "", null, e.getMessage(), List.of());
        }
        QueryShape shape = QueryShape.of(query);
        CompiledQuery compiled;
        try {
            compiled = compiler.compile(query, q.text(), now.instant(), bound);
        } catch (HuntException e) {
            return new QueryRun(q, QueryRun.Status.FAILED, "", null, e.getMessage(), shape.windows());
        }
        try {
            ResultTable t = compiler.execute(sandboxed, compiled);
            return new QueryRun(q, QueryRun.Status.RAN, compiled.sql(), RowOrder.total(t, shape), LimitCut.note(this, query, q.text(), t.size()),
                    shape.windows());
        } catch (HuntException | StoreException | QueryException e) {
            return new QueryRun(q, QueryRun.Status.FAILED, compiled.sql(), null, e.getMessage(), shape.windows());
        }
    }
}
