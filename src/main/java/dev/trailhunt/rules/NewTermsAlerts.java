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
        int heldBack = 0;
        for (EventRow r : rows) {
            List<List<String>> tuples = r.combinations();
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
        return new Result(kept, heldBack, ExecutionPlan.instant(firstFull), capped.dropped());
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
