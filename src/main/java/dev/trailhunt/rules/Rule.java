package dev.trailhunt.rules;

import java.time.Duration;
import java.util.List;

/**
 * Holds one detection rule as Elastic's TOML defines it.
 *
 * @param id the rule_id
 * @param name the rule name
 * @param type the rule type
 * @param language the query language (kuery, eql, esql, lucene) or empty
 * @param query the query text, or empty (machine learning)
 * @param queryLine the 1-based line of the TOML file the query text starts on, so errors point into the file
 * @param indices the index patterns, empty for ES|QL (its FROM names them) and machine learning
 * @param lookback how far back each execution reads ({@code from = "now-6m"})
 * @param interval the time between executions
 * @param severity the severity
 * @param riskScore the risk score, 0 to 100
 * @param techniques the MITRE ATT&amp;CK technique and subtechnique ids, in file order
 * @param tactics the MITRE ATT&amp;CK tactic names, in file order
 * @param tags the tags
 * @param newTerms the new_terms settings, or null
 * @param threshold the threshold settings, or null
 * @param eventCategoryOverride the EQL event_category_override, or empty for event.category
 * @param buildingBlock whether the rule is a building block (its alerts feed other rules)
 * @param location the file the rule came from
 * @param maxSignals the most alerts one execution raises ({@code max_signals}, 100 unless the rule says otherwise)
 * @param suppression the rule's {@code alert_suppression}, or null when it has none
 */
public record Rule(String id, String name, RuleType type, String language, String query, int queryLine, List<String> indices,
        Duration lookback, Duration interval, Severity severity, int riskScore, List<String> techniques, List<String> tactics,
        List<String> tags, NewTermsSpec newTerms, ThresholdSpec threshold, String eventCategoryOverride, boolean buildingBlock,
        String location, int maxSignals, AlertSuppression suppression) {
    /** Elastic's default {@code max_signals}. */
    public static final int DEFAULT_MAX_SIGNALS = 100;

    /** Creates a rule with the default {@code max_signals}. */
    public Rule(String id, String name, RuleType type, String language, String query, int queryLine, List<String> indices,
            Duration lookback, Duration interval, Severity severity, int riskScore, List<String> techniques, List<String> tactics,
            List<String> tags, NewTermsSpec newTerms, ThresholdSpec threshold, String eventCategoryOverride, boolean buildingBlock,
            String location) {
        this(id, name, type, language, query, queryLine, indices, lookback, interval, severity, riskScore, techniques, tactics, tags,
                newTerms, threshold, eventCategoryOverride, buildingBlock, location, DEFAULT_MAX_SIGNALS, null);
    }

    /** Copies the lists so the record stays immutable. */
    public Rule {
        indices = List.copyOf(indices);
        techniques = List.copyOf(techniques);
        tactics = List.copyOf(tactics);
        tags = List.copyOf(tags);
    }
}
