package dev.trailhunt.rules;

import java.util.List;
import java.util.Locale;

/** Chooses rules by name, rule id, tag or MITRE ATT&amp;CK technique or tactic, and by least severity. */
public final class RuleSelector {
    private RuleSelector() {}

    /** Tells whether the rule is at least {@code least} severe (null: any) and matches one of {@code terms} (empty: any). */
    public static boolean selects(Rule rule, Severity least, List<String> terms) {
        if (least != null && rule.severity().compareTo(least) < 0) {
            return false;
        }
        if (terms.isEmpty()) {
            return true;
        }
        for (String term : terms) {
            if (matches(rule, term.strip())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Rule rule, String term) {
        if (rule.id().equalsIgnoreCase(term) || rule.name().equalsIgnoreCase(term)) {
            return true;
        }
        String lower = term.toLowerCase(Locale.ROOT);
        for (String t : rule.tags()) {
            // Tags read "Tactic: Discovery"; the part after the colon names it as well.
            String value = t.contains(":") ? t.substring(t.indexOf(':') + 1).strip() : t;
            if (t.equalsIgnoreCase(term) || value.equalsIgnoreCase(term)) {
                return true;
            }
        }
        for (String t : rule.techniques()) {
            // A technique selects its subtechniques too: T1552 selects T1552.005.
            if (t.equalsIgnoreCase(term) || t.toLowerCase(Locale.ROOT).startsWith(lower + ".")) {
                return true;
            }
        }
        return rule.tactics().stream().anyMatch(t -> t.equalsIgnoreCase(term));
    }
}
