package dev.trailhunt.rules;

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
        Suppressed suppression) {
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

    /**
     * Holds Kibana's {@code kibana.alert.suppression.*} fields of a suppressed alert.
     *
     * @param docsCount how many alerts were suppressed into this one ({@code docs_count}; 0 when none were)
     * @param start the time of the earliest candidate merged ({@code suppression.start})
     * @param end the time of the latest candidate merged ({@code suppression.end})
     * @param terms the group: {@code field=value} per group_by field, {@code field=null} for a missing field, and for a
     *     multi-valued field where identical arrays make one group, its values sorted in brackets ({@code field=[a, b]}) as
     *     Kibana's terms hold the sorted array
     */
    public record Suppressed(long docsCount, Instant start, Instant end, List<String> terms) {
        /** Copies the list so the record stays immutable. */
        public Suppressed {
            terms = List.copyOf(terms);
        }

        /** Describes the suppression for a terminal: count, span and group. */
        public String describe() {
            return "suppressed " + docsCount + " (" + start + " .. " + end + ") " + String.join(" ", terms);
        }
    }
}
