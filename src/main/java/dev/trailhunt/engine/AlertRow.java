package dev.trailhunt.engine;

import java.time.Instant;
import java.util.List;

/**
 * Holds one row of the {@code alerts} table.
 *
 * @param ruleId the rule's rule_id
 * @param ruleName the rule's name
 * @param ruleType the rule's type as its TOML spells it
 * @param severity the rule's severity in lower case
 * @param riskScore the rule's risk score
 * @param techniques the MITRE ATT&amp;CK technique ids
 * @param timestamp the alert's time
 * @param eventIds the ids of the events behind the alert
 * @param eventHashes the same events' {@code event.hash}, unique where ids are not
 * @param groupBy the {@code field=value} pairs of the alert's group
 * @param suppression Kibana's {@code kibana.alert.suppression.*} of the alert, or null when its rule does not suppress alerts
 */
public record AlertRow(String ruleId, String ruleName, String ruleType, String severity, int riskScore, List<String> techniques,
        Instant timestamp, List<String> eventIds, List<String> eventHashes, List<String> groupBy, Suppression suppression) {
    /** Copies the lists so the record stays immutable. */
    public AlertRow {
        techniques = List.copyOf(techniques);
        eventIds = List.copyOf(eventIds);
        eventHashes = List.copyOf(eventHashes);
        groupBy = List.copyOf(groupBy);
    }

    /** Creates a row of an alert without suppression. */
    public AlertRow(String ruleId, String ruleName, String ruleType, String severity, int riskScore, List<String> techniques,
            Instant timestamp, List<String> eventIds, List<String> eventHashes, List<String> groupBy) {
        this(ruleId, ruleName, ruleType, severity, riskScore, techniques, timestamp, eventIds, eventHashes, groupBy, null);
    }

    /**
     * Holds the suppression columns of an alert.
     *
     * @param docsCount {@code suppression_docs_count}: the alerts merged into this one
     * @param start {@code suppression_start}: the earliest merged candidate's time
     * @param end {@code suppression_end}: the latest merged candidate's time
     * @param terms {@code suppression_terms}: {@code field=value} per group_by field ({@code field=null} when missing), and
     *     for a multi-valued field where identical arrays make one group, its values sorted in brackets ({@code field=[a, b]})
     *     as Kibana's terms hold the sorted array
     */
    public record Suppression(long docsCount, Instant start, Instant end, List<String> terms) {
        /** Copies the list so the record stays immutable. */
        public Suppression {
            terms = List.copyOf(terms);
        }

        /** Describes the suppression for a terminal: count, span and group. */
        public String describe() {
            return "suppressed " + docsCount + " (" + start + " .. " + end + ") " + String.join(" ", terms);
        }
    }
}
