package dev.trailhunt.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Raises the alerts of an event rule (query, single-event EQL, event-row ES|QL) that suppresses them: each execution's
 * window holds candidates, one per event and group, and {@link Suppressor} merges them. An event counts in a group once
 * over the run, as Kibana's query rule keeps a history of the groups it aggregated ({@code suppressionGroupHistory}) and
 * its other rules drop an alert whose id exists.
 */
final class SuppressedEvents {
    private SuppressedEvents() {}

    /**
     * Holds the alerts and how many matching events neither raised nor joined an alert.
     *
     * @param alerts the alerts, in time order
     * @param dropped the events some window held that no execution took, every one being over its {@code max_signals}
     */
    record Result(List<Alert> alerts, int dropped) {}

    /**
     * Returns the alerts of events in time order whose values are those of the rule's group_by fields.
     *
     * @param perValue true for query rules, whose composite aggregation makes a group per value of a multi-valued field (and
     *     keeps only the first {@code max_signals} groups of an execution in key order); false where identical sorted arrays
     *     make one group (EQL, ES|QL, Kibana's in-memory suppression)
     */
    static Result of(Rule rule, ExecutionPlan plan, List<EventRow> rows, boolean perValue) {
        AlertSuppression spec = rule.suppression();
        List<EventRow> events = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (EventRow r : rows) {
            if (plan.covers(r.micros()) && (r.key().isEmpty() || seen.add(r.key()))) {
                events.add(r);
            }
        }
        List<List<List<String>>> keys = new ArrayList<>();
        for (EventRow r : events) {
            keys.add(keys(r.values(), perValue, spec.suppressMissing()));
        }
        Suppressor suppressor = new Suppressor(rule);
        Set<String> taken = new HashSet<>();
        Set<Integer> alerted = new HashSet<>();
        int n = events.size();
        int lo = 0;
        int hi = 0;
        long last = ExecutionPlan.micros(plan.lastExecutionTime());
        long t = n == 0 ? Long.MAX_VALUE : plan.firstAfter(events.get(0).micros());
        while (lo < n && t <= last) {
            long from = t - plan.lookbackMicros();
            while (lo < n && events.get(lo).micros() < from) {
                lo++;
            }
            if (lo >= n) {
                break;
            }
            if (events.get(lo).micros() >= t) {
                t = plan.firstAfter(events.get(lo).micros());
                continue;
            }
            hi = Math.max(hi, lo);
            while (hi < n && events.get(hi).micros() < t) {
                hi++;
            }
            List<Suppressor.Candidate> candidates = new ArrayList<>();
            IdentityHashMap<Suppressor.Candidate, Integer> owner = new IdentityHashMap<>();
            for (int i = lo; i < hi; i++) {
                EventRow r = events.get(i);
                for (List<String> key : keys.get(i)) {
                    if (!taken.contains(r.key() + '\u0000' + key)) {
                        Suppressor.Candidate c = new Suppressor.Candidate(
                                new Alert(rule, ExecutionPlan.instant(r.micros()), List.of(r.id()), List.of(r.key()), List.of()), key,
                                r.micros(), r.micros(), 0);
                        candidates.add(c);
                        owner.put(c, i);
                    }
                }
            }
            Set<Suppressor.Candidate> left = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            if (perValue) {
                left.addAll(overComposite(candidates, rule.maxSignals(), spec.suppressMissing()));
            }
            List<Suppressor.Candidate> read = candidates.stream().filter(c -> !left.contains(c)).toList();
            left.addAll(suppressor.execution(t, from, read));
            for (Suppressor.Candidate c : candidates) {
                if (!left.contains(c)) {
                    taken.add(events.get(owner.get(c)).key() + '\u0000' + c.key());
                    alerted.add(owner.get(c));
                }
            }
            t += plan.intervalMicros();
        }
        List<Alert> alerts = new ArrayList<>(suppressor.alerts());
        alerts.sort(Comparator.comparing(Alert::timestamp).thenComparing(a -> String.join(",", a.eventKeys())));
        int dropped = 0;
        for (int i = 0; i < n; i++) {
            if (!alerted.contains(i) && !keys.get(i).isEmpty()) {
                dropped++;
            }
        }
        return new Result(alerts, dropped);
    }

    /**
     * Returns an event's groups: per value for query rules (a missing field a null group under {@code suppress}, and the
     * event ungrouped, a null in its key, under {@code doNotSuppress}); else one group of each field's sorted values.
     */
    static List<List<String>> keys(List<List<String>> values, boolean perValue, boolean suppressMissing) {
        boolean missing = values.stream().anyMatch(List::isEmpty);
        if (!perValue || (missing && !suppressMissing)) {
            List<String> key = new ArrayList<>();
            for (List<String> v : values) {
                key.add(term(v));
            }
            return List.of(key);
        }
        return ValueCombinations.of(values, ValueCombinations.Missing.NULL_VALUE);
    }

    /** Returns a field's term as Kibana's suppression terms hold it: its one value, its values sorted, or null when missing. */
    static String term(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() == 1) {
            return values.get(0);
        }
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return "[" + String.join(", ", sorted) + "]";
    }

    /**
     * Returns the suppressible candidates of groups past the first {@code max} in the composite aggregation's key order
     * (ascending, a missing value last), which a query rule's execution does not read.
     */
    private static List<Suppressor.Candidate> overComposite(List<Suppressor.Candidate> candidates, int max, boolean suppressMissing) {
        Comparator<String> term = Comparator.nullsLast(Comparator.naturalOrder());
        TreeSet<List<String>> groups = new TreeSet<>((a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = term.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        for (Suppressor.Candidate c : candidates) {
            if (suppressMissing || !c.missing()) {
                groups.add(c.key());
            }
        }
        List<Suppressor.Candidate> out = new ArrayList<>();
        if (groups.size() <= max) {
            return out;
        }
        Set<List<String>> kept = new HashSet<>(new ArrayList<>(groups).subList(0, max));
        for (Suppressor.Candidate c : candidates) {
            if ((suppressMissing || !c.missing()) && !kept.contains(c.key())) {
                out.add(c);
            }
        }
        return out;
    }
}
