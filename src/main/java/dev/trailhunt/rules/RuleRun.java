package dev.trailhunt.rules;

import java.util.List;

/**
 * Holds the outcome of one rule.
 *
 * @param rule the rule
 * @param status whether it ran, could not run or failed
 * @param reason why it did not run or failed, or a note on how it ran; empty when there is nothing to say
 * @param alerts the alerts, in time order
 * @param sql the SQL it ran, for explain and reports
 * @param millis the wall-clock milliseconds the rule took (its share of a scan it shared with other rules included)
 */
public record RuleRun(Rule rule, Status status, String reason, List<Alert> alerts, String sql, long millis) {
    /** Says how a rule's run ended. */
    public enum Status {
        /** The rule ran over the events. */
        RAN,
        /** The rule cannot run here: its type, language or data source is not one trailhunt runs. */
        NOT_RUN,
        /** The rule's query is invalid or could not be translated or executed. */
        FAILED
    }

    /** Copies the list so the record stays immutable. */
    public RuleRun {
        alerts = List.copyOf(alerts);
    }

    /** Creates an outcome whose time is not measured yet. */
    public RuleRun(Rule rule, Status status, String reason, List<Alert> alerts, String sql) {
        this(rule, status, reason, alerts, sql, 0);
    }

    /** Returns this outcome with its measured time. */
    RuleRun took(long ms) {
        return new RuleRun(rule, status, reason, alerts, sql, ms);
    }

    /** Creates the outcome of a rule that cannot run here. */
    static RuleRun notRun(Rule rule, String reason) {
        return new RuleRun(rule, Status.NOT_RUN, reason, List.of(), "");
    }

    /** Creates the outcome of a rule that failed. */
    static RuleRun failed(Rule rule, String reason, String sql) {
        return new RuleRun(rule, Status.FAILED, reason, List.of(), sql);
    }
}
