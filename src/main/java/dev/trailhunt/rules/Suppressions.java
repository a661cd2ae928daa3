package dev.trailhunt.rules;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Words the notes of rules that suppress their alerts. */
final class Suppressions {
    private Suppressions() {}

    /** Says what suppression did: the settings, group_by fields the store lacks, and what max_signals left out. */
    static String note(Rule rule, Predicate<String> hasColumn, int dropped) {
        String note = "alert_suppression (" + rule.suppression().describe() + ")";
        List<String> absent = rule.suppression().groupBy().stream().filter(hasColumn.negate()).toList();
        if (!absent.isEmpty()) {
            note += "; no event has " + String.join(", ", absent) + " (not in the store): missing from every group";
        }
        if (dropped > 0) {
            note += String.format(Locale.ROOT, "; max_signals %d: %d matching event%s neither raised nor joined an alert, over the cap of every"
                    + " execution that read %s", rule.maxSignals(), dropped, dropped == 1 ? "" : "s", dropped == 1 ? "it" : "them");
        }
        return note;
    }

    /** Says that this rule's alerts are not suppressed, and why. */
    static String unsupported(Rule rule) {
        String what = switch (rule.type()) {
            case EQL -> "EQL sequence rules";
            case THRESHOLD -> "threshold rules other than for a duration by threshold fields";
            default -> rule.type().tomlName() + " rules";
        };
        return "unsupported: alert_suppression on " + what + " (" + rule.suppression().describe() + "); these are the alerts before suppression";
    }
}
