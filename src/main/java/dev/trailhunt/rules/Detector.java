package dev.trailhunt.rules;

import dev.trailhunt.engine.AlertRow;
import dev.trailhunt.engine.QueryException;
import dev.trailhunt.engine.QueryGuard;
import dev.trailhunt.engine.EventTable;
import dev.trailhunt.engine.StoreProfile;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.translate.EsqlException;
import dev.trailhunt.translate.Translation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs detection rules over a store as Elastic's manual rule run (backfill) would, and stores their alerts.
 *
 * <p>Rules read {@code event.ingested} as their time ({@code timestamp_override}); a local load cannot know
 * when Elastic would have indexed an event, so each event's {@code @timestamp} stands for it.
 */
public final class Detector {
    private static final java.util.regex.Pattern GEO = java.util.regex.Pattern.compile("source\\.(as|geo)\\.");
    private final EventTable store;
    private final StoreProfile profile;
    private final HistoryPolicy history;

    /**
     * Creates a detector.
     *
     * @param store the events: the store, sandboxed and opened for writing when the alerts are to be stored,
     *     or a table on Trino or Athena, whose alerts can only be printed
     * @param profile the store's profile (its first and last event bound the run)
     * @param history how new_terms rules treat the start of the data
     */
    public Detector(EventTable store, StoreProfile profile, HistoryPolicy history) {
        this.store = store;
        this.profile = profile;
        this.history = history;
    }

    /**
     * Runs the rules between {@code from} and {@code to} (each null for the store's first or last event).
     */
    public Detection run(List<Rule> rules, Instant from, Instant to) {
        return run(rules, from, to, List.of(store));
    }

    /**
     * Runs the rules between {@code from} and {@code to} (each null for the store's first or last event) over {@code lanes}:
     * tables of the same events (e.g. connections to one store), each read by one thread that takes the next rule when it
     * finishes one; the outcomes are in load order whatever the lanes.
     */
    public Detection run(List<Rule> rules, Instant from, Instant to, List<? extends EventTable> lanes) {
        if (!profile.hasEvents()) {
            List<RuleRun> runs = new ArrayList<>();
            for (Rule r : rules) {
                runs.add(Runnability.whyNot(r).map(why -> RuleRun.notRun(r, why))
                        .orElseGet(() -> new RuleRun(r, RuleRun.Status.RAN, "the store holds no events", List.of(), "")));
            }
            return new Detection(runs, null, null, history);
        }
        Instant start = from == null || from.isBefore(profile.first()) ? profile.first() : from;
        Instant end = to == null || to.isAfter(profile.last()) ? profile.last() : to;
        RuleCompiler compiler = RuleCompiler.forStore(store, end);
        boolean geoip = hasGeoIp(compiler);
        RuleRun[] runs = new RuleRun[rules.size()];
        AtomicInteger next = new AtomicInteger();
        if (lanes.size() <= 1) {
            drain(rules, runs, next, lanes.isEmpty() ? store : lanes.get(0), compiler, start, end, geoip);
            return new Detection(List.of(runs), start, end, history);
        }
        ExecutorService pool = Executors.newFixedThreadPool(lanes.size() - 1, task -> {
            Thread t = new Thread(task, "trailhunt-detect-lane");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> others = new ArrayList<>();
            for (EventTable lane : lanes.subList(1, lanes.size())) {
                others.add(pool.submit(QueryGuard.sharing(() -> {
                    drain(rules, runs, next, lane, compiler, start, end, geoip);
                    return null;
                })));
            }
            Throwable failure = null;
            try {
                drain(rules, runs, next, lanes.get(0), compiler, start, end, geoip);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            for (Future<Void> f : others) {
                if (failure != null) {
                    // The other lanes stop after their current rule, and are waited for: the caller closes their connections next.
                    next.set(rules.size());
                }
                try {
                    f.get();
                } catch (ExecutionException e) {
                    next.set(rules.size());
                    failure = failure == null ? e.getCause() : failure;
                } catch (InterruptedException e) {
                    next.set(rules.size());
                    Thread.currentThread().interrupt();
                    failure = failure == null ? new IllegalStateException("interrupted while rules ran", e) : failure;
                }
            }
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error err) {
                throw err;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        } finally {
            pool.shutdown();
        }
        return new Detection(List.of(runs), start, end, history);
    }

    /** Runs rules on one lane until none is left, each outcome into its rule's slot. */
    private void drain(List<Rule> rules, RuleRun[] runs, AtomicInteger next, EventTable lane, RuleCompiler compiler,
            Instant start, Instant end, boolean geoip) {
        for (int i = next.getAndIncrement(); i < rules.size(); i = next.getAndIncrement()) {
            runs[i] = runTimed(rules.get(i), lane, compiler, start, end, geoip);
        }
    }

    private RuleRun runTimed(Rule r, EventTable lane, RuleCompiler compiler, Instant start, Instant end, boolean geoip) {
        Optional<String> why = Runnability.whyNot(r);
        long t0 = System.nanoTime();
        RuleRun run = why.isPresent() ? RuleRun.notRun(r, why.get()) : runOne(r, lane, compiler, start, end);
        run = run.took((System.nanoTime() - t0) / 1_000_000);
        if (run.status() == RuleRun.Status.RAN && !geoip && GEO.matcher(r.query()).find()) {
            // Rules on source.as.* or source.geo.* run, but without GeoIP data those fields are missing from every event.
            run = new RuleRun(r, run.status(), join(run.reason(),
                    "reads GeoIP fields (source.as.*, source.geo.*), which no event of this store has (no GeoIP enrichment)"),
                    run.alerts(), run.sql(), run.millis());
        }
        if (run.status() == RuleRun.Status.RAN && r.suppression() != null
                && r.type() == RuleType.THRESHOLD && !ThresholdAlerts.suppresses(r)) {
            // Kibana suppresses threshold alerts only for a duration by threshold fields: the run says its alerts are the
            // unsuppressed ones rather than show a count that could be wrong.
            run = new RuleRun(r, run.status(), join(run.reason(), Suppressions.unsupported(r)), run.alerts(), run.sql(), run.millis());
        }
        return run;
    }

    /**
     * Replaces the stored alerts of the rules this detection ran with their new alerts.
     *
     * @throws IllegalStateException when the events are not in a DuckDB store (a Trino table holds no alerts)
     */
    public void store(Detection detection) {
        if (!(store instanceof dev.trailhunt.engine.Store writable)) {
            throw new IllegalStateException("alerts are stored only in a DuckDB store, not in " + store.eventsTable());
        }
        List<String> ids = new ArrayList<>();
        List<AlertRow> rows = new ArrayList<>();
        for (RuleRun run : detection.runs()) {
            if (run.status() != RuleRun.Status.RAN) {
                continue;
            }
            Rule r = run.rule();
            ids.add(r.id());
            for (Alert a : run.alerts()) {
                rows.add(new AlertRow(r.id(), r.name(), r.type().tomlName(), r.severity().label(), r.riskScore(), r.techniques(),
                        a.timestamp(), a.eventIds(), a.eventKeys(), a.groupBy(), a.suppression()));
            }
        }
        writable.replaceAlerts(ids, rows);
    }

    private RuleRun runOne(Rule rule, EventTable table, RuleCompiler compiler, Instant start, Instant end) {
        ExecutionPlan plan = new ExecutionPlan(start, end, rule.interval(), rule.lookback());
        if (end.isBefore(start)) {
            return new RuleRun(rule, RuleRun.Status.RAN, "--from is after --to: no executions", List.of(), "");
        }
        if (rule.type() == RuleType.ESQL) {
            return EsqlRuleRunner.run(rule, table, compiler, plan);
        }
        if (rule.type() == RuleType.EQL) {
            try {
                return EqlRuleRunner.run(rule, table, compiler, plan, start, end);
            } catch (EsqlException e) {
                return failed(rule, rule.location() + ":" + rule.queryLine() + ": " + e.getMessage(), "");
            } catch (QueryException e) {
                return RuleRun.failed(rule, rule.location() + ": " + e.getMessage(), "");
            }
        }
        String sql = "";
        try {
            RuleFilters.Lowered lowered = RuleFilters.of(rule);
            Expr filter = FlattenedPrefilter.apply(lowered.filter(), compiler::hasColumn);
            switch (rule.type()) {
                case NEW_TERMS: {
                    List<String> fields = new ArrayList<>(rule.newTerms().fields());
                    if (rule.suppression() != null) {
                        fields.addAll(rule.suppression().groupBy());
                    }
                    FilterRun rows = FilterRun.fetch(table, compiler, filter, profile.first(), end, fields);
                    sql = rows.sql();
                    NewTermsAlerts.Result result = NewTermsAlerts.of(rule, plan, rows.rows(), ExecutionPlan.micros(profile.first()), history);
                    String absent = absent(compiler, rule.newTerms().fields());
                    String suppressed = rule.suppression() == null ? "" : Suppressions.note(rule, compiler::hasColumn, 0);
                    return new RuleRun(rule, RuleRun.Status.RAN, join(join(join(lowered.note(), absent), newTermsNote(rule, result)), suppressed),
                            result.alerts(), sql);
                }
                case THRESHOLD: {
                    List<String> fields = new ArrayList<>(rule.threshold().fields());
                    if (!rule.threshold().cardinalityField().isEmpty()) {
                        fields.add(rule.threshold().cardinalityField());
                    }
                    FilterRun rows = FilterRun.fetch(table, compiler, filter, start, end, fields);
                    ThresholdAlerts.Result result = ThresholdAlerts.capped(rule, plan, rows.rows());
                    String capped = result.dropped() == 0 ? "" : String.format(Locale.ROOT, "max_signals %d: %d group%s reached the threshold"
                            + " over an execution's cap", rule.maxSignals(), result.dropped(), result.dropped() == 1 ? "" : "s");
                    String suppressed = ThresholdAlerts.suppresses(rule) ? "alert_suppression (" + rule.suppression().describe() + ")" : "";
                    return new RuleRun(rule, RuleRun.Status.RAN, join(join(join(lowered.note(), absent(compiler, fields)), capped), suppressed),
                            result.alerts(), rows.sql());
                }
                default: {
                    if (rule.suppression() != null) {
                        List<String> fields = rule.suppression().groupBy();
                        FilterRun rows = FilterRun.fetch(table, compiler, filter, start, end, fields);
                        SuppressedEvents.Result result = SuppressedEvents.of(rule, plan, rows.rows(), true);
                        return new RuleRun(rule, RuleRun.Status.RAN, join(lowered.note(), Suppressions.note(rule, compiler::hasColumn, result.dropped())),
                                result.alerts(), rows.sql());
                    }
                    FilterRun rows = FilterRun.fetch(table, compiler, filter, start, end, List.of());
                    SingleEventAlerts.Result alerts = SingleEventAlerts.capped(rule, plan, rows.rows());
                    return new RuleRun(rule, RuleRun.Status.RAN, join(lowered.note(), SingleEventAlerts.note(rule, alerts)), alerts.alerts(), rows.sql());
                }
            }
        } catch (ValueCombinations.TooMany e) {
            return RuleRun.notRun(rule, rule.location() + ":" + rule.queryLine() + ": unsupported: " + rule.type().tomlName()
                    + " fields with " + e.getMessage());
        } catch (RuleQueryException e) {
            return e.unsupported() ? RuleRun.notRun(rule, e.getMessage()) : RuleRun.failed(rule, e.getMessage(), sql);
        } catch (EsqlException e) {
            return failed(rule, rule.location() + ":" + rule.queryLine() + ": " + e.getMessage(), sql);
        } catch (QueryException e) {
            return RuleRun.failed(rule, rule.location() + ": " + e.getMessage(), sql);
        }
    }

    /** Lists a rule another engine cannot run ({@code unsupported on trino: …}) as not run, like any unsupported feature; else as failed. */
    static RuleRun failed(Rule rule, String message, String sql) {
        return message.contains(": unsupported on ") ? RuleRun.notRun(rule, message) : RuleRun.failed(rule, message, sql);
    }

    /** Tells whether any event of the store carries GeoIP enrichment. */
    private boolean hasGeoIp(RuleCompiler compiler) {
        if (!compiler.hasColumn("source.as.organization.name") || !compiler.hasColumn("source.geo.country_iso_code")) {
            return false;
        }
        Translation t = compiler.translate(EsqlParser.parse("FROM " + RuleCompiler.CLOUDTRAIL
                + " | WHERE source.as.organization.name IS NOT NULL OR source.geo.country_iso_code IS NOT NULL | KEEP @timestamp | LIMIT 1"));
        return store.query(t.sql(), t.columns()).size() > 0;
    }

    private static String absent(RuleCompiler compiler, List<String> fields) {
        List<String> missing = fields.stream().filter(f -> !compiler.hasColumn(f)).toList();
        return missing.isEmpty() ? "" : "no event has " + String.join(", ", missing) + " (not in the store), so no group or term holds it";
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    private String newTermsNote(Rule rule, NewTermsAlerts.Result result) {
        String policy = history == HistoryPolicy.WAIT
                ? String.format(Locale.ROOT, "first history window (until %s): no alerts (--history wait)", result.historyFrom())
                : String.format(Locale.ROOT, "first history window (until %s): the unknown past counted as empty (--history alert)", result.historyFrom());
        String note = result.heldBack() == 0 ? policy : policy + String.format(Locale.ROOT, "; %d first sightings held back", result.heldBack());
        return result.dropped() == 0 ? note : note + String.format(Locale.ROOT, "; max_signals %d: %d new term%s over the cap of every execution"
                + " that read %s", rule.maxSignals(), result.dropped(), result.dropped() == 1 ? "" : "s", result.dropped() == 1 ? "it" : "them");
    }
}
