package dev.trailhunt.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Raises one alert per matching event for query rules and single-event EQL: each event at most once, as Elastic dedupes by id,
 * and at most {@code max_signals} new alerts per execution, taking the window's events in ascending time as Elastic's search
 * (sorted on the timestamp field, ascending) pages them; an event over the cap alerts in a later execution whose window still
 * holds it, or never.
 */
final class SingleEventAlerts {
    private SingleEventAlerts() {}

    /**
     * Holds the alerts and how many events the cap kept from alerting.
     *
     * @param alerts the alerts, in time order
     * @param dropped the events that some window held but no execution alerted, being over its {@code max_signals}
     */
    record Result(List<Alert> alerts, int dropped) {}

    /** Says how many events the cap dropped, or nothing when it dropped none. */
    static String note(Rule rule, Result result) {
        return result.dropped() == 0 ? "" : String.format(java.util.Locale.ROOT,
                "max_signals %d: %d matching event%s raised no alert, over the cap of every execution that read %s",
                rule.maxSignals(), result.dropped(), result.dropped() == 1 ? "" : "s", result.dropped() == 1 ? "it" : "them");
    }

    /** Joins two notes with a semicolon. */
    static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    /** Returns the alerts for the events some execution's window holds. */
    static List<Alert> of(Rule rule, ExecutionPlan plan, List<EventRow> rows) {
        return capped(rule, plan, rows).alerts();
    }

    /** Returns the alerts, executions capped at the rule's {@code max_signals}, and the number of events the cap dropped; rows in time order. */
    static Result capped(Rule rule, ExecutionPlan plan, List<EventRow> rows) {
        List<EventRow> events = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (EventRow r : rows) {
            if (plan.covers(r.micros()) && (r.key().isEmpty() || seen.add(r.key()))) {
                events.add(r);
            }
        }
        List<Alert> out = new ArrayList<>();
        int max = rule.maxSignals();
        int n = events.size();
        // Each execution alerts the earliest events of its window not alerted yet, so the alerted events are always a prefix of those
        // still in reach: lo is the first event the current window can hold, next the first not alerted.
        int lo = 0;
        int next = 0;
        int dropped = 0;
        long e = n == 0 ? 0 : plan.firstAfter(events.get(0).micros());
        long last = ExecutionPlan.micros(plan.lastExecutionTime());
        while (lo < n) {
            if (e > last) {
                // The run's executions are over: what no execution alerted stays unalerted.
                dropped += n - Math.max(next, lo);
                break;
            }
            long from = e - plan.lookbackMicros();
            while (lo < n && events.get(lo).micros() < from) {
                if (lo >= next) {
                    dropped++;
                    next = lo + 1;
                }
                lo++;
            }
            if (lo >= n) {
                break;
            }
            if (events.get(lo).micros() >= e) {
                // No event in this window: the next execution that reads one is the first after it.
                e = plan.firstAfter(events.get(lo).micros());
                continue;
            }
            int taken = 0;
            next = Math.max(next, lo);
            while (next < n && events.get(next).micros() < e && taken < max) {
                EventRow r = events.get(next);
                out.add(new Alert(rule, ExecutionPlan.instant(r.micros()), List.of(r.id()), List.of(r.key()), List.of()));
                next++;
                taken++;
            }
            e += plan.intervalMicros();
        }
        return new Result(out, dropped);
    }
}
