package dev.trailhunt.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Raises threshold alerts: per execution window, each group of the threshold fields whose event count
 * reaches the value (and whose distinct count of the cardinality field reaches its value, when set).
 *
 * <p>As Elastic's threshold signal history does, a group that alerted counts only its events after the
 * newest event of its last alert in later executions, so overlapping windows do not alert twice on the same events.
 */
final class ThresholdAlerts {
    private ThresholdAlerts() {}

    /** Returns the alerts; {@code rows} carry the threshold fields, then the cardinality field when set. */
    static List<Alert> of(Rule rule, ExecutionPlan plan, List<EventRow> rows) {
        ThresholdSpec spec = rule.threshold();
        int groupFields = spec.fields().size();
        boolean cardinality = !spec.cardinalityField().isEmpty();
        Map<List<String>, List<EventRow>> groups = new LinkedHashMap<>();
        for (EventRow r : rows) {
            if (!plan.covers(r.micros())) {
                continue;
            }
            EventRow keyed = new EventRow(r.id(), r.key(), r.micros(), r.values().subList(0, groupFields));
            for (List<String> key : keyed.combinations()) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        List<Alert> out = new ArrayList<>();
        for (Map.Entry<List<String>, List<EventRow>> g : groups.entrySet()) {
            List<EventRow> events = g.getValue();
            TreeSet<Long> executions = new TreeSet<>();
            for (EventRow e : events) {
                for (long t = plan.firstAfter(e.micros()); t <= plan.lastExecution(e.micros()); t = plan.firstAfter(t)) {
                    executions.add(t);
                }
            }
            long since = Long.MIN_VALUE;
            int lo = 0;
            int hi = 0;
            for (long t : executions) {
                long from = Math.max(t - plan.lookbackMicros(), since == Long.MIN_VALUE ? Long.MIN_VALUE : since + 1);
                // Windows and the signal history only move forward, so two cursors bound each window.
                while (lo < events.size() && events.get(lo).micros() < from) {
                    lo++;
                }
                hi = Math.max(hi, lo);
                while (hi < events.size() && events.get(hi).micros() < t) {
                    hi++;
                }
                List<EventRow> window = events.subList(lo, hi);
                if (window.size() < spec.value()) {
                    continue;
                }
                Set<String> distinct = new HashSet<>();
                if (cardinality) {
                    for (EventRow e : window) {
                        distinct.addAll(e.values().get(groupFields));
                    }
                }
                if (window.size() >= spec.value() && (!cardinality || distinct.size() >= spec.cardinalityValue())) {
                    since = window.get(window.size() - 1).micros();
                    List<String> ids = window.stream().map(EventRow::id).toList();
                    List<String> keys = window.stream().map(EventRow::key).toList();
                    List<String> groupBy = new ArrayList<>();
                    for (int i = 0; i < groupFields; i++) {
                        groupBy.add(spec.fields().get(i) + "=" + g.getKey().get(i));
                    }
                    out.add(new Alert(rule, ExecutionPlan.instant(Math.min(t, ExecutionPlan.micros(plan.end()))), ids, keys, groupBy));
                }
            }
        }
        out.sort((a, b) -> a.timestamp().compareTo(b.timestamp()) != 0 ? a.timestamp().compareTo(b.timestamp())
                : String.join(",", a.groupBy()).compareTo(String.join(",", b.groupBy())));
        return out;
    }
}
