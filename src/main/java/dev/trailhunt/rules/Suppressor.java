package dev.trailhunt.rules;

import dev.trailhunt.engine.AlertRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Applies a rule's alert suppression to the candidate alerts of its executions, taken in execution order, as Kibana's
 * {@code alertWithSuppression} (rule_registry {@code create_persistence_rule_type_wrapper.ts}) does:
 * <ul>
 *   <li>with {@code missing_fields_strategy = "doNotSuppress"} a candidate lacking a group_by field is an alert of its own;</li>
 *   <li>the existing alert of a group is the latest one created at or after the suppression window's start: the execution's
 *       time minus {@code duration}, or the execution's look-back start when suppression is per rule execution;</li>
 *   <li>a candidate no later than that alert's {@code suppression.end} was suppressed already and is dropped;</li>
 *   <li>the others are grouped in memory, earliest first: the first is the group's candidate, each other adds its
 *       {@code docs_count + 1} and moves {@code suppression.end};</li>
 *   <li>with a {@code duration} the group's existing alert takes the candidate (its count grows by the candidate's
 *       {@code docs_count + 1}); per rule execution, and when there is no such alert, the candidate becomes a new alert;</li>
 *   <li>an execution creates at most {@code max_signals} new alerts; updates of existing alerts are not counted.</li>
 * </ul>
 */
final class Suppressor {
    /**
     * Holds one alert an execution would raise without suppression.
     *
     * @param alert the alert as it would be raised
     * @param key the group: one term per group_by field, null for a missing field
     * @param start the candidate's time ({@code suppression.start}), microseconds
     * @param end the latest time it covers ({@code suppression.end}), microseconds
     * @param docsCount the candidates it already stands for, besides itself
     */
    record Candidate(Alert alert, List<String> key, long start, long end, long docsCount) {
        /** Tells whether a group_by field is missing from it. */
        boolean missing() {
            return key.contains(null);
        }
    }

    /** Holds one alert as suppression grows it. */
    private static final class Open {
        final Alert first;
        final long created;
        final List<String> terms;
        long docs;
        long start;
        long end;
        final LinkedHashSet<String> keys = new LinkedHashSet<>();
        final List<String> ids = new ArrayList<>();

        Open(Alert first, long created, List<String> terms, long docs, long start, long end) {
            this.first = first;
            this.created = created;
            this.terms = terms;
            this.docs = docs;
            this.start = start;
            this.end = end;
        }

        void take(Alert a) {
            take(a.eventIds(), a.eventKeys());
        }

        void take(Open o) {
            take(o.ids, new ArrayList<>(o.keys));
        }

        private void take(List<String> eventIds, List<String> eventKeys) {
            for (int i = 0; i < eventKeys.size(); i++) {
                if (keys.add(eventKeys.get(i))) {
                    ids.add(i < eventIds.size() ? eventIds.get(i) : "");
                }
            }
        }

        Alert alert() {
            return new Alert(first.rule(), first.timestamp(), ids, new ArrayList<>(keys), first.groupBy(),
                    new AlertRow.Suppression(docs, ExecutionPlan.instant(start), ExecutionPlan.instant(end), terms));
        }
    }

    private final Rule rule;
    private final AlertSuppression spec;
    private final List<Object> created = new ArrayList<>();
    private final Map<List<String>, Open> latest = new HashMap<>();
    private int dropped;

    Suppressor(Rule rule) {
        this.rule = rule;
        this.spec = rule.suppression();
    }

    /**
     * Suppresses the candidates of the execution at {@code t} (microseconds) whose window starts at {@code from}, and returns
     * those over the execution's {@code max_signals}, which neither raised nor joined an alert.
     */
    List<Candidate> execution(long t, long from, List<Candidate> candidates) {
        List<Candidate> over = new ArrayList<>();
        int max = rule.maxSignals();
        int made = 0;
        List<Candidate> suppressible = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!spec.suppressMissing() && c.missing()) {
                // Kibana creates these as ordinary alerts first, within the execution's max_signals.
                if (made < max) {
                    created.add(c.alert());
                    made++;
                } else {
                    dropped++;
                    over.add(c);
                }
            } else {
                suppressible.add(c);
            }
        }
        Duration d = spec.duration();
        long windowStart = d == null ? from : t - d.toNanos() / 1000;
        // Earliest first (a stable sort: candidates of one time keep the caller's order).
        suppressible.sort(Comparator.comparingLong(Candidate::start));
        Map<List<String>, Open> groups = new LinkedHashMap<>();
        Map<List<String>, List<Candidate>> members = new HashMap<>();
        for (Candidate c : suppressible) {
            Open existing = existing(c.key(), windowStart);
            if (existing != null && existing.end >= c.end()) {
                continue;
            }
            members.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
            Open g = groups.get(c.key());
            if (g == null) {
                g = new Open(c.alert(), t, terms(c.key()), c.docsCount(), c.start(), c.end());
                g.take(c.alert());
                groups.put(c.key(), g);
            } else {
                g.docs += c.docsCount() + 1;
                g.end = Math.max(g.end, c.end());
                g.take(c.alert());
            }
        }
        for (Map.Entry<List<String>, Open> e : groups.entrySet()) {
            Open g = e.getValue();
            Open existing = d == null ? null : existing(e.getKey(), windowStart);
            if (existing != null) {
                existing.docs += g.docs + 1;
                existing.end = Math.max(existing.end, g.end);
                existing.take(g);
            } else if (made < max) {
                created.add(g);
                latest.put(e.getKey(), g);
                made++;
            } else {
                dropped++;
                over.addAll(members.get(e.getKey()));
            }
        }
        return over;
    }

    private Open existing(List<String> key, long windowStart) {
        Open o = latest.get(key);
        return o != null && o.created >= windowStart ? o : null;
    }

    private List<String> terms(List<String> key) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            out.add(spec.groupBy().get(i) + "=" + (key.get(i) == null ? "null" : key.get(i)));
        }
        return out;
    }

    /** Returns the alerts in creation order, each suppressed alert with what it took in. */
    List<Alert> alerts() {
        List<Alert> out = new ArrayList<>();
        for (Object o : created) {
            out.add(o instanceof Open open ? open.alert() : (Alert) o);
        }
        return out;
    }

    /** Counts the alerts executions did not create, being over their {@code max_signals} (a group over the cap in several executions counts in each). */
    int dropped() {
        return dropped;
    }
}
