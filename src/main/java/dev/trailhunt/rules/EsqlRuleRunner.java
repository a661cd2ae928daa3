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
                SingleEventAlerts.Result alerts = eventAlerts(rule, plan, store.query(t.sql(), t.columns()));
                return new RuleRun(rule, RuleRun.Status.RAN, SingleEventAlerts.note(rule, alerts), alerts.alerts(), sql);
            }
            List<Alert> alerts = new ArrayList<>();
            Set<List<String>> seen = new HashSet<>();
            Query timed = rewrite(query, plan.start(), plan.end(), false, false);
            long copies = batch ? WindowedStats.copies(plan) : 0;
            if (copies > 0 && WindowedStats.rewrite(timed, rule.query(), plan, 1).isPresent()) {
                List<Alert> found = new ArrayList<>();
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
                        List<String> groupBy = describe(rows.columns(), row);
                        Instant at = exec >= 0 && row.get(exec) instanceof Instant t ? t : plan.end();
                        found.add(new Alert(rule, at, List.of(), List.of(), groupBy));
                    }
                }
                // Identical rows of overlapping windows alert once, at the first execution that found them.
                found.sort(java.util.Comparator.comparing(Alert::timestamp).thenComparing(a -> String.join("\u0000", a.groupBy())));
                for (Alert a : found) {
                    if (seen.add(a.groupBy())) {
                        alerts.add(a);
                    }
                }
                return new RuleRun(rule, RuleRun.Status.RAN, "", alerts, sql);
            }
            // Translating once up front fails a rule the translator rejects even when no window holds events.
            sql = compiler.translate(rewrite(query, plan.start(), plan.end(), false, false)).sql();
            TreeSet<Long> executions = executions(query, store, compiler, plan);
            for (long t : executions) {
                Instant exec = ExecutionPlan.instant(t);
                Instant from0 = ExecutionPlan.instant(Math.max(t - plan.lookbackMicros(), ExecutionPlan.micros(plan.start())));
                Instant to = ExecutionPlan.instant(Math.min(t - 1, ExecutionPlan.micros(plan.end())));
                Translation tr = compiler.at(exec).translate(rewrite(query, from0, to, false, false));
                sql = tr.sql();
                ResultTable rows = store.query(tr.sql(), tr.columns());
                for (List<Object> row : rows.rows()) {
                    List<String> groupBy = describe(rows.columns(), row);
                    if (seen.add(groupBy)) {
                        alerts.add(new Alert(rule, exec, List.of(), List.of(), groupBy));
                    }
                }
            }
            String note = executions.isEmpty() ? "" : executions.size() + " execution windows held events its first WHERE accepts";
            return new RuleRun(rule, RuleRun.Status.RAN, note, alerts, sql);
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

    private static SingleEventAlerts.Result eventAlerts(Rule rule, ExecutionPlan plan, ResultTable rows) {
        int id = index(rows.columns(), "event.id");
        int ts = index(rows.columns(), "@timestamp");
        int hash = index(rows.columns(), RuleCompiler.HASH);
        List<EventRow> events = new ArrayList<>();
        for (List<Object> r : rows.rows()) {
            if (ts >= 0 && r.get(ts) instanceof Instant t) {
                String eventId = id >= 0 && r.get(id) != null ? r.get(id).toString() : "";
                String key = hash >= 0 && r.get(hash) != null ? r.get(hash).toString() : eventId;
                events.add(new EventRow(eventId, key, ExecutionPlan.micros(t), List.of()));
            }
        }
        events.sort((a, b) -> a.micros() != b.micros() ? Long.compare(a.micros(), b.micros()) : a.key().compareTo(b.key()));
        return SingleEventAlerts.capped(rule, plan, events);
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
