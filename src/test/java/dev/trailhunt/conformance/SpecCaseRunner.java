package dev.trailhunt.conformance;

import dev.trailhunt.engine.QueryException;
import dev.trailhunt.engine.Store;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.esql.parser.EsqlSyntaxException;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.translate.EsqlException;
import dev.trailhunt.translate.EsqlTranslator;
import dev.trailhunt.translate.TranslateOptions;
import dev.trailhunt.translate.Translation;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs csv-spec cases through trailhunt's parser, translator and DuckDB, and classifies each one.
 *
 * <p>All datasets live in one sandboxed in-memory DuckDB database. A case that runs longer than the
 * time limit fails; its store is abandoned and the next case gets a fresh database.
 */
final class SpecCaseRunner implements AutoCloseable {
    /**
     * Lists capabilities whose cases cannot be answered by a single-index, settings-free engine:
     * metric/tsid and union-type indices, cross-index lookups and enrichment.
     */
    static final Set<String> MISSING_CAPABILITIES = Set.of(
            "aggregate_metric_double_v0", "union_types",
            "metadata_tsid_field", "join_lookup_v12", "enrich_load", "inline_stats");

    private static final long TIME_LIMIT_SECONDS = 20;

    private final SpecDatasets datasets;
    private final SpecSourceCatalog catalog;
    private final TranslateOptions options;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(SpecCaseRunner::daemon);
    private ExecutorService current = worker;
    private Store store;

    SpecCaseRunner(SpecDatasets datasets, Instant now) {
        this.datasets = datasets;
        this.catalog = new SpecSourceCatalog(datasets);
        this.options = TranslateOptions.defaults(now);
        this.store = freshDatabase();
    }

    /** Runs one case and says how it went; never throws for a problem of the case itself. */
    CaseResult run(SpecCase c) {
        if (!c.enabled()) {
            return new CaseResult(c, CaseResult.Outcome.DISABLED, "switched off by the spec: " + c.name() + "#" + c.instructions(), null);
        }
        for (String capability : c.capabilities()) {
            if (MISSING_CAPABILITIES.contains(capability)) {
                return unsupported(c, "unsupported: capability " + capability);
            }
        }
        ExpectedTable expected;
        try {
            expected = ExpectedTable.parse(c.resultLines());
        } catch (SpecFormatException e) {
            return new CaseResult(c, CaseResult.Outcome.FAILED, "spec: " + e.getMessage(), null);
        }
        for (SpecType t : expected.types()) {
            if (t.resultType().isEmpty()) {
                return unsupported(c, "unsupported: result type " + t.esqlName());
            }
        }
        Future<CaseResult> future = current.submit(() -> execute(c, expected));
        try {
            return future.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            abandonStore();
            return new CaseResult(c, CaseResult.Outcome.FAILED, "timeout: no answer after " + TIME_LIMIT_SECONDS + " s", null);
        } catch (ExecutionException e) {
            return crash(c, e.getCause(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return crash(c, e, null);
        }
    }

    private CaseResult execute(SpecCase c, ExpectedTable expected) {
        Query query;
        try {
            query = EsqlParser.parse(c.query());
        } catch (EsqlSyntaxException e) {
            if (e.isUnsupported()) {
                return unsupported(c, e.detail() + " at " + e.line() + ":" + e.column());
            }
            return new CaseResult(c, CaseResult.Outcome.FAILED, "syntax: " + e.getMessage(), null);
        } catch (RuntimeException e) {
            return crash(c, e, null);
        }
        Translation translation;
        catalog.clearMisses();
        try {
            translation = new EsqlTranslator(catalog, options).translate(query);
        } catch (EsqlException e) {
            if (!catalog.misses().isEmpty()) {
                return unsupported(c, "unsupported: dataset " + catalog.misses());
            }
            if (e.kind() == EsqlException.Kind.UNSUPPORTED) {
                return unsupported(c, e.getMessage());
            }
            return new CaseResult(c, CaseResult.Outcome.FAILED, "translate: " + e.getMessage(), null);
        } catch (RuntimeException e) {
            return crash(c, e, null);
        }
        if (!catalog.misses().isEmpty()) {
            return unsupported(c, "unsupported: dataset " + catalog.misses());
        }
        ResultTable actual;
        try {
            actual = store.query(translation.sql(), translation.columns());
        } catch (QueryException e) {
            return new CaseResult(c, CaseResult.Outcome.FAILED, "execution: " + e.getMessage(), translation.sql());
        } catch (RuntimeException e) {
            return crash(c, e, translation.sql());
        }
        // Warnings are deliberately not compared: DuckDB's try() turns overflow into null without one.
        return ResultMatcher.firstDifference(expected, actual, c.ignoreOrder())
                .map(diff -> new CaseResult(c, CaseResult.Outcome.FAILED, "wrong answer: " + diff, translation.sql()))
                .orElseGet(() -> new CaseResult(c, CaseResult.Outcome.PASSED, "", translation.sql()));
    }

    private static CaseResult unsupported(SpecCase c, String reason) {
        return new CaseResult(c, CaseResult.Outcome.UNSUPPORTED, reason, null);
    }

    private static CaseResult crash(SpecCase c, Throwable e, String sql) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        return new CaseResult(c, CaseResult.Outcome.FAILED, "crash: " + e.getClass().getSimpleName() + message, sql);
    }

    private Store freshDatabase() {
        Store s = Store.openInMemory();
        // A runaway case (e.g. REPEAT with a huge count) must fail alone, not starve the machine.
        s.execute("SET memory_limit = '512MB'");
        s.execute("SET threads = 1");
        datasets.createTables(s);
        return s.sandbox();
    }

    private void abandonStore() {
        // The stuck query keeps its thread and store; later cases get a new worker and database.
        current = Executors.newSingleThreadExecutor(SpecCaseRunner::daemon);
        store = freshDatabase();
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "esql-spec-case");
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        worker.shutdownNow();
        current.shutdownNow();
        store.close();
    }
}
