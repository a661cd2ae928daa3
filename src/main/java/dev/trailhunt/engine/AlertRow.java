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
 */
public record AlertRow(String ruleId, String ruleName, String ruleType, String severity, int riskScore, List<String> techniques,
        Instant timestamp, List<String> eventIds, List<String> eventHashes, List<String> groupBy) {
    /** Copies the lists so the record stays immutable. */
    public AlertRow {
        techniques = List.copyOf(techniques);
        eventIds = List.copyOf(eventIds);
        eventHashes = List.copyOf(eventHashes);
        groupBy = List.copyOf(groupBy);
    }
}
