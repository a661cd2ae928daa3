package dev.trailhunt.rules;

import dev.trailhunt.engine.QueryException;
import dev.trailhunt.engine.EventTable;
import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Alias;
import dev.trailhunt.esql.ast.Drop;
import dev.trailhunt.esql.ast.Eval;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.From;
import dev.trailhunt.esql.ast.Keep;
import dev.trailhunt.esql.ast.NamePattern;
import dev.trailhunt.esql.ast.Query;
import dev.trailhunt.esql.ast.Source;
import dev.trailhunt.esql.ast.Stats;
import dev.trailhunt.esql.ast.Where;
import dev.trailhunt.esql.parser.EsqlParser;
import dev.trailhunt.esql.parser.EsqlSyntaxException;
import dev.trailhunt.model.ResultColumn;
import dev.trailhunt.model.ResultTable;
import dev.trailhunt.translate.EsqlException;
import dev.trailhunt.translate.Translation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs ES|QL rules with the hunt translator. A rule without STATS alerts once per event row (deduplicated by
 * {@code event.id}) over the whole run, which the union of its windows is; a rule with STATS runs once per
 * execution window that its first WHERE finds events in, with {@code NOW()} at the execution time, and
 * identical rows from overlapping windows alert once.
 *
 * <p>{@code METADATA _id, _version, _index} name Elasticsearch document metadata a local store does not
 * have; rules only KEEP them, so they are left out of the rows.
 */
final class EsqlRuleRunner {
    private static final String INGESTED = "event.ingested";
    private static final Set<String> METADATA = Set.of("_id", "_version", "_index");

    private EsqlRuleRunner() {}

    /** Runs one ES|QL rule, all its windows in one query where {@link WindowedStats} can. */
    static RuleRun run(Rule rule, EventTable store, RuleCompiler compiler, ExecutionPlan plan) {
        return run(rule, store, compiler, plan, true);
    }

    /** Runs one ES|QL rule; {@code batch} false runs an aggregating rule window by window, which tests compare with. */
    static RuleRun run(Rule rule, EventTable store, RuleCompiler compiler, ExecutionPlan plan, boolean batch) {
        Query query;
        try {
            query = EsqlParser.parse(rule.query());
        } catch (EsqlSyntaxException e) {
            return RuleRun.failed(rule, QueryError.at(rule, e.line(), e.column(), e.detail()), "");
        }
        if (!(query.commands().get(0) instanceof From from)) {
            return RuleRun.notRun(rule, "an ES|QL rule that does not read FROM an index");
        }
        for (String p : from.indexPatterns()) {
            if (compiler.sources().resolve(p).isEmpty()) {
                return RuleRun.notRun(rule, "reads " + String.join(", ", from.indexPatterns()) + ", not CloudTrail alone");
            }
        }
        boolean aggregating = query.commands().stream().anyMatch(c -> c instanceof Stats);
        String sql = "";
        try {
            if (!aggregating) {
                Query q = rewrite(query, plan.start(), plan.end(), true, compiler.hasColumn(RuleCompiler.HASH));
                Translation t = compiler.translate(q);
                sql = t.sql();
                return eventAlerts(rule, plan, store.query(t.sql(), t.columns()), sql);
            }
            Query timed = rewrite(query, plan.start(), plan.end(), false, false);
            long copies = batch ? WindowedStats.copies(plan) : 0;
            if (copies > 0 && WindowedStats.rewrite(timed, rule.query(), plan, 1).isPresent()) {
                List<Row> found = new ArrayList<>();
                // One query for every execution where the rule's shape and the dialect allow it, else one per copy (each a full scan).
                Optional<Query> expanded = WindowedStats.expanded(timed, rule.query(), plan, compiler.dialect());
                List<Query> queries = new ArrayList<>();
                if (expanded.isPresent()) {
                    queries.add(expanded.get());
                } else {
                    for (long j = 1; j <= copies; j++) {
                        queries.add(WindowedStats.rewrite(timed, rule.query(), plan, j).orElseThrow());
                    }
                }
                for (Query copy : queries) {
                    Translation tr = compiler.translate(copy);
                    sql = tr.sql();
                    ResultTable rows = store.query(tr.sql(), tr.columns());
                    int exec = index(rows.columns(), WindowedStats.EXECUTION);
                    for (List<Object> row : rows.rows()) {
                        Instant at = exec >= 0 && row.get(exec) instanceof Instant t ? t : plan.end();
                        found.add(row(rule, at, rows.columns(), row));
                    }
                }
                Aggregated result = aggregated(rule, plan, found);
                return new RuleRun(rule, RuleRun.Status.RAN, result.note(), result.alerts(), sql);
            }
            // Translating once up front fails a rule the translator rejects even when no window holds events.
            sql = compiler.translate(rewrite(query, plan.start(), plan.end(), false, false)).sql();
            TreeSet<Long> executions = executions(query, store, compiler, plan);
            List<Row> found = new ArrayList<>();
            for (long t : executions) {
                Instant exec = ExecutionPlan.instant(t);
                Instant from0 = ExecutionPlan.instant(Math.max(t - plan.lookbackMicros(), ExecutionPlan.micros(plan.start())));
                Instant to = ExecutionPlan.instant(Math.min(t - 1, ExecutionPlan.micros(plan.end())));
                Translation tr = compiler.at(exec).translate(rewrite(query, from0, to, false, false));
                sql = tr.sql();
                ResultTable rows = store.query(tr.sql(), tr.columns());
                for (List<Object> row : rows.rows()) {
                    found.add(row(rule, exec, rows.columns(), row));
                }
            }
            Aggregated result = aggregated(rule, plan, found);
            String note = executions.isEmpty() ? "" : executions.size() + " execution windows held events its first WHERE accepts";
            return new RuleRun(rule, RuleRun.Status.RAN, SingleEventAlerts.join(note, result.note()), result.alerts(), sql);
        } catch (EsqlException e) {
            return Detector.failed(rule, QueryError.at(rule, e.line(), e.column(), e.getMessage()), sql);
        } catch (QueryException e) {
            return RuleRun.failed(rule, rule.location() + ": " + e.getMessage(), sql);
        }
    }

    /** Finds the executions whose window holds an event the query's first WHERE accepts, in one query. */
    private static TreeSet<Long> executions(Query query, EventTable store, RuleCompiler compiler, ExecutionPlan plan) {
        List<Command> probe = new ArrayList<>();
        probe.add(query.commands().get(0));
        if (query.commands().size() > 1 && query.commands().get(1) instanceof Where w) {
            probe.add(w);
        }
        probe.add(new Keep(List.of(new NamePattern("@timestamp", Source.EMPTY)), Source.EMPTY));
        Translation t = compiler.translate(rewrite(new Query(probe, query.source()), plan.start(), plan.end(), false, false));
        TreeSet<Long> out = new TreeSet<>();
        for (List<Object> r : store.query(t.sql(), t.columns()).rows()) {
            if (r.get(0) instanceof Instant ts) {
                long m = ExecutionPlan.micros(ts);
                if (plan.covers(m)) {
                    for (long e = plan.firstAfter(m); e <= plan.lastExecution(m); e = plan.firstAfter(e)) {
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }

    /** Drops document metadata, bounds the time (inclusive) right after FROM and, for event rows, keeps the event's id and time. */
    private static Query rewrite(Query query, Instant from, Instant to, boolean keepIdentity, boolean hashed) {
        List<Command> out = new ArrayList<>();
        for (Command c : query.commands()) {
            if (c instanceof From f) {
                out.add(new From(f.indexPatterns(), List.of(), f.source()));
                out.add(new Where(RuleCompiler.and(RuleCompiler.compare(BinaryOp.GTE, from),
                        RuleCompiler.compare(BinaryOp.LTE, to)), Source.EMPTY));
                // Rules read event.ingested, which a local load cannot know: each event's @timestamp stands for it.
                out.add(new Eval(List.of(new Alias(INGESTED, new FieldRef("@timestamp", Source.EMPTY), true, Source.EMPTY)), Source.EMPTY));
            } else if (c instanceof Keep k) {
                LinkedHashSet<NamePattern> patterns = new LinkedHashSet<>();
                for (NamePattern p : k.patterns()) {
                    if (!METADATA.contains(p.pattern())) {
                        patterns.add(p);
                    }
                }
                if (keepIdentity) {
                    patterns.add(new NamePattern("event.id", Source.EMPTY));
                    patterns.add(new NamePattern("@timestamp", Source.EMPTY));
                    if (hashed) {
                        patterns.add(new NamePattern(RuleCompiler.HASH, Source.EMPTY));
                    }
                }
                out.add(new Keep(new ArrayList<>(patterns), k.source()));
            } else if (c instanceof Drop d) {
                List<NamePattern> patterns = d.patterns().stream().filter(p -> !METADATA.contains(p.pattern())).toList();
                if (!patterns.isEmpty()) {
                    out.add(new Drop(patterns, d.source()));
                }
            } else {
                out.add(c);
            }
        }
        return new Query(out, query.source(), query.settings());
    }

    /** Holds one row of an aggregating rule's execution: its alert as raised without suppression, and its group_by terms. */
    private record Row(long exec, Alert alert, List<String> key) {}

    /** Holds an aggregating rule's alerts and what max_signals and suppression say of them. */
    private record Aggregated(List<Alert> alerts, String note) {}

    private static Row row(Rule rule, Instant exec, List<ResultColumn> columns, List<Object> row) {
        List<String> key = new ArrayList<>();
        if (rule.suppression() != null) {
            // The rule's group_by fields are columns of its rows (Kibana offers an aggregating rule's result columns only); a column
            // the rows lack, or a null, is a missing field.
            for (String f : rule.suppression().groupBy()) {
                int i = index(columns, f);
                key.add(i < 0 ? null : SuppressedEvents.term(EventRow.keywords(row.get(i))));
            }
        }
        return new Row(ExecutionPlan.micros(exec), new Alert(rule, exec, List.of(), List.of(), describe(columns, row)), key);
    }

    /**
     * Caps each execution at {@code max_signals} rows, as Kibana appends {@code | LIMIT max_signals} to the query (the rows in
     * {@code field=value} order here, the order of an unsorted STATS being Elasticsearch's own), then suppresses them or, without
     * suppression, lets identical rows of overlapping windows alert once, at the first execution that found them.
     */
    private static Aggregated aggregated(Rule rule, ExecutionPlan plan, List<Row> rows) {
        java.util.TreeMap<Long, List<Row>> byExecution = new java.util.TreeMap<>();
        for (Row r : rows) {
            byExecution.computeIfAbsent(r.exec(), k -> new ArrayList<>()).add(r);
        }
        int over = 0;
        List<Alert> alerts = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        Suppressor suppressor = rule.suppression() == null ? null : new Suppressor(rule);
        for (java.util.Map.Entry<Long, List<Row>> e : byExecution.entrySet()) {
            List<Row> exec = new ArrayList<>(e.getValue());
            exec.sort(java.util.Comparator.comparing(r -> String.join("\u0000", r.alert().groupBy())));
            if (exec.size() > rule.maxSignals()) {
                over += exec.size() - rule.maxSignals();
                exec = exec.subList(0, rule.maxSignals());
            }
            if (suppressor != null) {
                List<Suppressor.Candidate> candidates = new ArrayList<>();
                for (Row r : exec) {
                    // A row has no @timestamp of its own: Kibana's suppression time falls back to the alert's, the execution time.
                    candidates.add(new Suppressor.Candidate(r.alert(), r.key(), e.getKey(), e.getKey(), 0));
                }
                suppressor.execution(e.getKey(), e.getKey() - plan.lookbackMicros(), candidates);
            } else {
                for (Row r : exec) {
                    if (seen.add(r.alert().groupBy())) {
                        alerts.add(r.alert());
                    }
                }
            }
        }
        String note = over == 0 ? "" : String.format(java.util.Locale.ROOT, "max_signals %d: %d row%s over the cap of %s execution",
                rule.maxSignals(), over, over == 1 ? "" : "s", over == 1 ? "its" : "their");
        if (suppressor != null) {
            alerts = suppressor.alerts();
            alerts.sort(java.util.Comparator.comparing(Alert::timestamp).thenComparing(a -> String.join("\u0000", a.groupBy())));
            String s = "alert_suppression (" + rule.suppression().describe() + ")";
            if (suppressor.dropped() > 0) {
                s += "; " + suppressor.dropped() + " new alert" + (suppressor.dropped() == 1 ? "" : "s") + " over an execution's max_signals";
            }
            note = SingleEventAlerts.join(s, note);
        }
        return new Aggregated(alerts, note);
    }

    private static RuleRun eventAlerts(Rule rule, ExecutionPlan plan, ResultTable rows, String sql) {
        int id = index(rows.columns(), "event.id");
        int ts = index(rows.columns(), "@timestamp");
        int hash = index(rows.columns(), RuleCompiler.HASH);
        List<String> groupBy = rule.suppression() == null ? List.of() : rule.suppression().groupBy();
        List<String> absent = groupBy.stream().filter(f -> index(rows.columns(), f) < 0).toList();
        List<EventRow> events = new ArrayList<>();
        for (List<Object> r : rows.rows()) {
            if (ts >= 0 && r.get(ts) instanceof Instant t) {
                String eventId = id >= 0 && r.get(id) != null ? r.get(id).toString() : "";
                String key = hash >= 0 && r.get(hash) != null ? r.get(hash).toString() : eventId;
                List<List<String>> values = new ArrayList<>();
                for (String f : groupBy) {
                    int i = index(rows.columns(), f);
                    values.add(i < 0 ? List.of() : EventRow.keywords(r.get(i)));
                }
                events.add(new EventRow(eventId, key, ExecutionPlan.micros(t), values));
            }
        }
        events.sort((a, b) -> a.micros() != b.micros() ? Long.compare(a.micros(), b.micros()) : a.key().compareTo(b.key()));
        if (rule.suppression() != null && absent.isEmpty()) {
            SuppressedEvents.Result result = SuppressedEvents.of(rule, plan, events, false);
            return new RuleRun(rule, RuleRun.Status.RAN, Suppressions.note(rule, f -> true, result.dropped()), result.alerts(), sql);
        }
        SingleEventAlerts.Result alerts = SingleEventAlerts.capped(rule, plan, events);
        String note = SingleEventAlerts.note(rule, alerts);
        if (rule.suppression() != null) {
            // Kibana reads a non-aggregating rule's group_by fields from the source event too; these rows carry only the columns the
            // query keeps, so suppression by another field is not applied rather than applied to a field read as missing.
            note = SingleEventAlerts.join("unsupported: alert_suppression by " + String.join(", ", absent)
                    + ", which the rule's rows do not keep; these are the alerts before suppression", note);
        }
        return new RuleRun(rule, RuleRun.Status.RAN, note, alerts.alerts(), sql);
    }

    private static int index(List<ResultColumn> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> describe(List<ResultColumn> columns, List<Object> row) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (row.get(i) != null && !columns.get(i).name().equals(WindowedStats.EXECUTION)) {
                out.add(columns.get(i).name() + "=" + row.get(i));
            }
        }
        return out;
    }
}
