package dev.trailhunt.rules;

import dev.trailhunt.engine.AlertRow;
import java.time.Instant;
import java.util.List;

/**
 * Holds one alert a rule raised.
 *
 * @param rule the rule that raised it
 * @param timestamp the time of the earliest event behind it, or the execution time for an aggregating rule
 * @param eventIds the event ids (ECS {@code event.id}) behind the alert, in time order
 * @param eventKeys the same events' {@code event.hash}, which tells apart events that share an id
 * @param groupBy the {@code field=value} pairs that make the alert's group (threshold fields, new terms, ES|QL columns)
 * @param suppression what alert suppression merged into this alert, or null when the rule does not suppress
 */
public record Alert(Rule rule, Instant timestamp, List<String> eventIds, List<String> eventKeys, List<String> groupBy,
        AlertRow.Suppression suppression) {
    /** Copies the lists so the record stays immutable. */
    public Alert {
        eventIds = List.copyOf(eventIds);
        eventKeys = List.copyOf(eventKeys);
        groupBy = List.copyOf(groupBy);
    }

    /** Creates an alert of a rule without suppression. */
    public Alert(Rule rule, Instant timestamp, List<String> eventIds, List<String> eventKeys, List<String> groupBy) {
        this(rule, timestamp, eventIds, eventKeys, groupBy, null);
    }
}
