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

    /**
     * Holds threshold alerts and how many groups reached the threshold in an execution over its {@code max_signals}.
     *
     * @param alerts the alerts, in time then group order
     * @param dropped the groups over an execution's cap (a group over the cap of several executions counts in each)
     */
    record Result(List<Alert> alerts, int dropped) {}

    /** Holds one group's events and where its windows and signal history stand. */
    private static final class Group {
        final List<String> key;
        final List<EventRow> events = new ArrayList<>();
        long since = Long.MIN_VALUE;
        int lo;
        int hi;

        Group(List<String> key) {
            this.key = key;
        }
    }

    /** Holds a group that reached the threshold in an execution's window. */
    private record Hit(Group group, List<EventRow> window, int cardinality) {}

    /**
     * Tells whether the rule's alerts are suppressed here: Kibana suppresses threshold alerts for a duration only, by fields
     * among the threshold fields (its buckets hold no others).
     */
    static boolean suppresses(Rule rule) {
        return rule.suppression() != null && rule.suppression().duration() != null
                && rule.threshold().fields().containsAll(rule.suppression().groupBy());
    }

    /** Returns the alerts; {@code rows} carry the threshold fields, then the cardinality field when set. */
    static List<Alert> of(Rule rule, ExecutionPlan plan, List<EventRow> rows) {
        return capped(rule, plan, rows).alerts();
    }

    /**
     * Returns the alerts, each execution keeping at most {@code max_signals} groups as Kibana's {@code findThresholdSignals}
     * does: the groups sorted by cardinality descending when the rule counts one, else by their newest event ascending; a group
     * over the cap alerts in a later execution that still reaches the threshold, or never.
     */
    static Result capped(Rule rule, ExecutionPlan plan, List<EventRow> rows) {
        ThresholdSpec spec = rule.threshold();
        int groupFields = spec.fields().size();
        boolean cardinality = !spec.cardinalityField().isEmpty();
        Map<List<String>, Group> groups = new LinkedHashMap<>();
        for (EventRow r : rows) {
            if (!plan.covers(r.micros())) {
                continue;
            }
            EventRow keyed = new EventRow(r.id(), r.key(), r.micros(), r.values().subList(0, groupFields));
            for (List<String> key : keyed.combinations()) {
                groups.computeIfAbsent(key, Group::new).events.add(r);
            }
        }
        java.util.TreeMap<Long, List<Group>> byExecution = new java.util.TreeMap<>();
        for (Group g : groups.values()) {
            TreeSet<Long> executions = new TreeSet<>();
            for (EventRow e : g.events) {
                for (long t = plan.firstAfter(e.micros()); t <= plan.lastExecution(e.micros()); t = plan.firstAfter(t)) {
                    executions.add(t);
                }
            }
            for (long t : executions) {
                byExecution.computeIfAbsent(t, k -> new ArrayList<>()).add(g);
            }
        }
        List<Alert> out = new ArrayList<>();
        int dropped = 0;
        Suppressor suppressor = suppresses(rule) ? new Suppressor(rule) : null;
        for (Map.Entry<Long, List<Group>> exec : byExecution.entrySet()) {
            List<Suppressor.Candidate> candidates = new ArrayList<>();
            long t = exec.getKey();
            List<Hit> hits = new ArrayList<>();
            for (Group g : exec.getValue()) {
                long from = Math.max(t - plan.lookbackMicros(), g.since == Long.MIN_VALUE ? Long.MIN_VALUE : g.since + 1);
                // Windows and the signal history only move forward, so two cursors bound each window.
                while (g.lo < g.events.size() && g.events.get(g.lo).micros() < from) {
                    g.lo++;
                }
                g.hi = Math.max(g.hi, g.lo);
                while (g.hi < g.events.size() && g.events.get(g.hi).micros() < t) {
                    g.hi++;
                }
                List<EventRow> window = g.events.subList(g.lo, g.hi);
                if (window.size() < spec.value()) {
                    continue;
                }
                Set<String> distinct = new HashSet<>();
                if (cardinality) {
                    for (EventRow e : window) {
                        distinct.addAll(e.values().get(groupFields));
                    }
                }
                if (!cardinality || distinct.size() >= spec.cardinalityValue()) {
                    hits.add(new Hit(g, window, distinct.size()));
                }
            }
            java.util.Comparator<Hit> order = cardinality ? java.util.Comparator.comparingInt((Hit h) -> h.cardinality()).reversed()
                    : java.util.Comparator.comparingLong((Hit h) -> h.window().get(h.window().size() - 1).micros());
            hits.sort(order.thenComparing(h -> String.join("\u0000", h.group().key)));
            for (int i = 0; i < hits.size(); i++) {
                if (i >= rule.maxSignals()) {
                    dropped++;
                    continue;
                }
                Hit h = hits.get(i);
                h.group().since = h.window().get(h.window().size() - 1).micros();
                List<String> groupBy = new ArrayList<>();
                for (int f = 0; f < groupFields; f++) {
                    groupBy.add(spec.fields().get(f) + "=" + h.group().key.get(f));
                }
                Alert a = new Alert(rule, ExecutionPlan.instant(Math.min(t, ExecutionPlan.micros(plan.end()))),
                        h.window().stream().map(EventRow::id).toList(), h.window().stream().map(EventRow::key).toList(), groupBy);
                if (suppressor == null) {
                    out.add(a);
                } else {
                    // Kibana's suppressed threshold alert: its group is the bucket's values of the group_by fields, its
                    // suppression.start and .end the execution's time (wrap_suppressed_threshold_alerts.ts).
                    List<String> key = new ArrayList<>();
                    for (String f : rule.suppression().groupBy()) {
                        int at = spec.fields().indexOf(f);
                        key.add(at < 0 ? null : h.group().key.get(at));
                    }
                    candidates.add(new Suppressor.Candidate(a, key, t, t, 0));
                }
            }
            if (suppressor != null) {
                suppressor.execution(t, t - plan.lookbackMicros(), candidates);
            }
        }
        if (suppressor != null) {
            out.addAll(suppressor.alerts());
        }
        out.sort((a, b) -> a.timestamp().compareTo(b.timestamp()) != 0 ? a.timestamp().compareTo(b.timestamp())
                : String.join(",", a.groupBy()).compareTo(String.join(",", b.groupBy())));
        return new Result(out, dropped);
    }
}
