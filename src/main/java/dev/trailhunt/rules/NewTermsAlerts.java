package dev.trailhunt.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Raises new_terms alerts: an event alerts when a value combination of its new_terms fields did not occur in
 * the history window before the window of the last execution that reads it ({@code history_window_start} up to
 * that execution's {@code from}), and no earlier event of that window had it; events lacking a field have no terms.
 */
final class NewTermsAlerts {
    private NewTermsAlerts() {}

    /**
     * Holds new_terms alerts and what the start of the data held back.
     *
     * @param alerts the alerts, in time order
     * @param heldBack events with a first-seen combination whose history reached before the first event, not alerted under {@link HistoryPolicy#WAIT}
     * @param historyFrom the first instant whose history window lies wholly within the data
     * @param dropped new terms over the {@code max_signals} of every execution that read them
     */
    record Result(List<Alert> alerts, int heldBack, Instant historyFrom, int dropped) {}

    /**
     * Returns the alerts.
     *
     * @param rows the filter's events from the first event of the store on, with the new_terms fields
     * @param dataFirst the store's first event
     */
    static Result of(Rule rule, ExecutionPlan plan, List<EventRow> rows, long dataFirst, HistoryPolicy policy) {
        long history = rule.newTerms().history().toNanos() / 1000;
        Map<List<String>, Long> lastSeen = new HashMap<>();
        List<Alert> out = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        int heldBack = 0;
        for (EventRow r : rows) {
            int terms = rule.newTerms().fields().size();
            // The rows carry the new_terms fields, then the suppression's group_by fields when the rule suppresses.
            List<List<String>> tuples = new EventRow(r.id(), r.key(), r.micros(), r.values().subList(0, terms)).combinations();
            if (plan.covers(r.micros())) {
                long historyStart = plan.lastExecution(r.micros()) - plan.lookbackMicros() - history;
                List<String> fresh = null;
                boolean unknownPast = false;
                for (List<String> t : tuples) {
                    Long prev = lastSeen.get(t);
                    if (prev == null && historyStart < dataFirst) {
                        unknownPast = true;
                    } else if (prev == null || prev < historyStart) {
                        fresh = t;
                        break;
                    }
                }
                if (fresh == null && unknownPast && policy == HistoryPolicy.ALERT) {
                    fresh = firstUnseen(tuples, lastSeen);
                }
                if (fresh != null) {
                    List<String> groupBy = new ArrayList<>();
                    for (int i = 0; i < fresh.size(); i++) {
                        groupBy.add(rule.newTerms().fields().get(i) + "=" + fresh.get(i));
                    }
                    out.add(new Alert(rule, ExecutionPlan.instant(r.micros()), List.of(r.id()), List.of(r.key()), groupBy));
                    List<String> group = new ArrayList<>();
                    for (List<String> v : r.values().subList(terms, r.values().size())) {
                        group.add(SuppressedEvents.term(v));
                    }
                    groups.add(group);
                } else if (unknownPast) {
                    heldBack++;
                }
            }
            for (List<String> t : tuples) {
                lastSeen.put(t, r.micros());
            }
        }
        long firstFull = dataFirst + plan.lookbackMicros() + history;
        // Kibana pages the new terms of an execution in its composite aggregation's key order and stops at max_signals alerts.
        List<ExecutionCap.Item> items = new ArrayList<>();
        for (Alert a : out) {
            long ts = ExecutionPlan.micros(a.timestamp());
            items.add(new ExecutionCap.Item(plan.firstAfter(ts), plan.lastExecution(ts), String.join("\u0000", a.groupBy())));
        }
        ExecutionCap.Result capped = ExecutionCap.apply(items, plan.intervalMicros(), rule.maxSignals());
        List<Alert> kept = capped.kept().stream().map(out::get).toList();
        if (rule.suppression() != null) {
            kept = suppressed(rule, plan, out, capped, groups);
        }
        return new Result(kept, heldBack, ExecutionPlan.instant(firstFull), capped.dropped());
    }

    /**
     * Suppresses the raised alerts in memory, execution by execution, as Kibana's new_terms rule does
     * ({@code bulkCreateSuppressedNewTermsAlertsInMemory}): each alert's group is its event's group_by values, identical
     * sorted arrays one group, its suppression time the event's.
     */
    private static List<Alert> suppressed(Rule rule, ExecutionPlan plan, List<Alert> alerts, ExecutionCap.Result capped, List<List<String>> groups) {
        java.util.TreeMap<Long, List<Suppressor.Candidate>> byExecution = new java.util.TreeMap<>();
        for (int i : capped.kept()) {
            long ts = ExecutionPlan.micros(alerts.get(i).timestamp());
            byExecution.computeIfAbsent(capped.raisedAt()[i], k -> new ArrayList<>()).add(new Suppressor.Candidate(alerts.get(i), groups.get(i), ts, ts, 0));
        }
        Suppressor suppressor = new Suppressor(rule);
        for (java.util.Map.Entry<Long, List<Suppressor.Candidate>> e : byExecution.entrySet()) {
            suppressor.execution(e.getKey(), e.getKey() - plan.lookbackMicros(), e.getValue());
        }
        List<Alert> out = new ArrayList<>(suppressor.alerts());
        out.sort(java.util.Comparator.comparing(Alert::timestamp).thenComparing(a -> String.join(",", a.eventKeys())));
        return out;
    }

    private static List<String> firstUnseen(List<List<String>> tuples, Map<List<String>, Long> lastSeen) {
        for (List<String> t : tuples) {
            if (!lastSeen.containsKey(t)) {
                return t;
            }
        }
        return null;
    }
}
