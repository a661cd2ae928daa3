package dev.trailhunt.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Raises one alert per matching event for query rules and single-event EQL: each event at most once, as Elastic dedupes by id. */
final class SingleEventAlerts {
    private SingleEventAlerts() {}

    /** Returns the alerts for the events some execution's window holds. */
    static List<Alert> of(Rule rule, ExecutionPlan plan, List<EventRow> rows) {
        List<Alert> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (EventRow r : rows) {
            if (plan.covers(r.micros()) && (r.key().isEmpty() || seen.add(r.key()))) {
                out.add(new Alert(rule, ExecutionPlan.instant(r.micros()), List.of(r.id()), List.of(r.key()), List.of()));
            }
        }
        return out;
    }
}
