package dev.trailhunt.rules;

import java.time.Duration;
import java.util.List;

/**
 * Holds a rule's {@code alert_suppression}: alerts whose {@code group_by} values are equal merge into one alert that counts
 * the others ({@code kibana.alert.suppression.docs_count}), within one rule execution or, with a {@code duration}, for that
 * long after the alert was created (Kibana's "Suppress detection alerts", elastic/security-docs
 * {@code docs/detections/alert-suppression.asciidoc}).
 *
 * @param groupBy the fields whose values make a group: 1 to 3, or a threshold rule's threshold fields
 * @param duration how long an alert takes in its group's later alerts, or null to suppress within each execution only
 * @param suppressMissing whether events lacking a group_by field form their own group ({@code missing_fields_strategy =
 *     "suppress"}, Kibana's default) rather than each alerting alone ({@code "doNotSuppress"})
 */
public record AlertSuppression(List<String> groupBy, Duration duration, boolean suppressMissing) {
    /** Copies the list so the record stays immutable. */
    public AlertSuppression {
        groupBy = List.copyOf(groupBy);
    }

    /** Describes the settings for notes and {@code detect --explain} (a duration in its largest whole unit). */
    public String describe() {
        return "group_by " + String.join(", ", groupBy) + ", " + (duration == null ? "per rule execution" : "duration " + span(duration))
                + ", missing_fields_strategy " + (suppressMissing ? "suppress" : "doNotSuppress");
    }

    private static String span(Duration d) {
        long s = d.getSeconds();
        return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
