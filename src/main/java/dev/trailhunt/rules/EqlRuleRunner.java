package dev.trailhunt.rules;

import dev.trailhunt.engine.EventTable;
import dev.trailhunt.eql.Eql;
import dev.trailhunt.eql.EqlException;
import dev.trailhunt.eql.SequenceMatcher;
import dev.trailhunt.eql.ast.EqlQuery;
import dev.trailhunt.eql.ast.FieldName;
import dev.trailhunt.eql.ast.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs EQL rules: a single-event query is one filter (one alert per event); a sequence fetches each step's
 * candidates with one filter query and matches them with the EQL sequence matcher, keeping the sequences that
 * fit in one execution window.
 */
final class EqlRuleRunner {
    private EqlRuleRunner() {}

    /** Runs one EQL rule. */
    static RuleRun run(Rule rule, EventTable store, RuleCompiler compiler, ExecutionPlan plan, Instant start, Instant end) {
        EqlQuery query;
        try {
            query = Eql.parse(rule.query());
        } catch (EqlException e) {
            String message = QueryError.at(rule, e.line(), e.column(), e.detail());
            return e.isUnsupported() ? RuleRun.notRun(rule, message) : RuleRun.failed(rule, message, "");
        }
        String categoryField = rule.eventCategoryOverride().isEmpty() ? Eql.DEFAULT_CATEGORY_FIELD : rule.eventCategoryOverride();
        try {
            // EqlQuery is sealed: Single or Sequence.
            if (query instanceof EqlQuery.Single single) {
                return single(rule, store, compiler, plan, start, end, single, categoryField);
            }
            return sequence(rule, store, compiler, plan, start, end, (EqlQuery.Sequence) query, categoryField);
        } catch (EqlException e) {
            String message = QueryError.at(rule, e.line(), e.column(), e.detail());
            return e.isUnsupported() ? RuleRun.notRun(rule, message) : RuleRun.failed(rule, message, "");
        }
    }

    private static RuleRun single(Rule rule, EventTable store, RuleCompiler compiler, ExecutionPlan plan, Instant start, Instant end,
            EqlQuery.Single q, String categoryField) {
        Eql.Lowered lowered = Eql.lower(q, categoryField);
        if (rule.suppression() != null) {
            FilterRun rows = FilterRun.fetch(store, compiler, lowered.filter(), start, end, rule.suppression().groupBy());
            // Kibana suppresses EQL alerts in memory: identical sorted arrays of a multi-valued field make one group.
            SuppressedEvents.Result result = SuppressedEvents.of(rule, plan, rows.rows(), false);
            return new RuleRun(rule, RuleRun.Status.RAN, SingleEventAlerts.join(missing(lowered.unknownFields()),
                    Suppressions.note(rule, compiler::hasColumn, result.dropped())), result.alerts(), rows.sql());
        }
        FilterRun rows = FilterRun.fetch(store, compiler, lowered.filter(), start, end, List.of());
        SingleEventAlerts.Result alerts = SingleEventAlerts.capped(rule, plan, rows.rows());
        return new RuleRun(rule, RuleRun.Status.RAN, SingleEventAlerts.join(missing(lowered.unknownFields()), SingleEventAlerts.note(rule, alerts)),
                alerts.alerts(), rows.sql());
    }

    private static RuleRun sequence(Rule rule, EventTable store, RuleCompiler compiler, ExecutionPlan plan, Instant start, Instant end,
            EqlQuery.Sequence q, String categoryField) {
        List<SequenceMatcher.Candidate> candidates = new ArrayList<>();
        java.util.Map<String, String> idOf = new java.util.HashMap<>();
        Set<FieldName> unknown = new LinkedHashSet<>();
        StringBuilder sql = new StringBuilder();
        List<Step> steps = new ArrayList<>(q.steps());
        if (q.until() != null) {
            steps.add(q.until());
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Eql.Lowered lowered = Eql.lower(q, step, categoryField);
            unknown.addAll(lowered.unknownFields());
            List<String> keys = q.keysOf(step).stream().map(FieldName::name).toList();
            FilterRun rows = FilterRun.fetch(store, compiler, lowered.filter(), start, end, keys);
            sql.append(sql.length() == 0 ? "" : ";\n").append(rows.sql());
            int index = i < q.steps().size() ? i : SequenceMatcher.UNTIL;
            for (EventRow r : rows.rows()) {
                // Each value of a multi-valued key is a join key of its own, several such keys join on every combination
                // (elastic/elasticsearch#89965); a missing key keeps the event out, as Elasticsearch does.
                List<List<String>> combinations;
                try {
                    combinations = ValueCombinations.of(r.values(), ValueCombinations.Missing.ALL_NULL);
                } catch (ValueCombinations.TooMany e) {
                    return RuleRun.notRun(rule, rule.location() + ":" + rule.queryLine() + ": unsupported: sequence by multi-valued keys with "
                            + e.getMessage());
                }
                for (List<String> values : combinations) {
                    candidates.add(new SequenceMatcher.Candidate(index, ExecutionPlan.instant(r.micros()), r.key(), new ArrayList<Object>(values), r.key()));
                }
                idOf.put(r.key(), r.id());
            }
        }
        List<Alert> alerts = new ArrayList<>();
        java.util.IdentityHashMap<Alert, Long> lastOf = new java.util.IdentityHashMap<>();
        Set<List<String>> seen = new HashSet<>();
        for (SequenceMatcher.Match m : SequenceMatcher.match(q.steps().size(), q.maxspan(), candidates)) {
            long first = ExecutionPlan.micros(m.events().get(0).timestamp());
            long last = ExecutionPlan.micros(m.events().get(m.events().size() - 1).timestamp());
            // An execution sees a sequence only when its window holds every event of it.
            if (!plan.covers(first) || !plan.covers(last) || plan.firstAfter(last) - plan.lookbackMicros() > first) {
                continue;
            }
            if (seen.add(m.eventIds())) {
                List<String> groupBy = new ArrayList<>();
                for (int k = 0; k < q.by().size() && k < m.keys().size(); k++) {
                    groupBy.add(q.by().get(k).name() + "=" + m.keys().get(k));
                }
                Alert a = new Alert(rule, ExecutionPlan.instant(first), m.eventIds().stream().map(idOf::get).toList(), m.eventIds(), groupBy);
                alerts.add(a);
                lastOf.put(a, last);
            }
        }
        alerts.sort((a, b) -> a.timestamp().compareTo(b.timestamp()) != 0 ? a.timestamp().compareTo(b.timestamp())
                : String.join(",", a.eventKeys()).compareTo(String.join(",", b.eventKeys())));
        // An execution's EQL search returns at most max_signals sequences (its size), earliest first.
        List<ExecutionCap.Item> items = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            items.add(new ExecutionCap.Item(plan.firstAfter(lastOf.get(alerts.get(i))), plan.lastExecution(ExecutionPlan.micros(alerts.get(i).timestamp())),
                    String.format(java.util.Locale.ROOT, "%020d", i)));
        }
        ExecutionCap.Result capped = ExecutionCap.apply(items, plan.intervalMicros(), rule.maxSignals());
        alerts = capped.kept().stream().map(alerts::get).toList();
        String note = missing(new ArrayList<>(unknown));
        if (capped.dropped() > 0) {
            note = SingleEventAlerts.join(note, String.format(java.util.Locale.ROOT, "max_signals %d: %d sequence%s over the cap of every execution that read %s",
                    rule.maxSignals(), capped.dropped(), capped.dropped() == 1 ? "" : "s", capped.dropped() == 1 ? "it" : "them"));
        }
        if (rule.suppression() != null) {
            note = SingleEventAlerts.join(note, Suppressions.unsupported(rule));
        }
        return new RuleRun(rule, RuleRun.Status.RAN, note, alerts, sql.toString());
    }

    private static String missing(List<FieldName> unknown) {
        if (unknown.isEmpty()) {
            return "";
        }
        Set<String> names = new LinkedHashSet<>();
        unknown.forEach(f -> names.add(f.name()));
        return "fields the store lacks, treated as missing: " + String.join(", ", names);
    }
}
