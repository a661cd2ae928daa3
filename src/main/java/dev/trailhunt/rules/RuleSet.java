package dev.trailhunt.rules;

import java.util.List;

/**
 * Holds what a load of rule files gave.
 *
 * @param rules the rules read, in path order
 * @param invalid one positioned message per file that is not a valid rule
 * @param ignored the TOML files found in folders that hold no {@code [rule]} table (hunts, configuration)
 */
public record RuleSet(List<Rule> rules, List<String> invalid, int ignored) {
    /** Copies the lists so the record stays immutable. */
    public RuleSet {
        rules = List.copyOf(rules);
        invalid = List.copyOf(invalid);
    }
}
