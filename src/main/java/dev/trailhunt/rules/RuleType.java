package dev.trailhunt.rules;

import java.util.Locale;

/** Names the detection rule types Elastic ships, as the TOML {@code type} field spells them. */
public enum RuleType {
    QUERY, NEW_TERMS, THRESHOLD, EQL, ESQL, MACHINE_LEARNING, THREAT_MATCH, OTHER;

    /** Reads a TOML {@code type} value; unknown types become {@link #OTHER}. */
    public static RuleType of(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "query" -> QUERY;
            case "new_terms" -> NEW_TERMS;
            case "threshold" -> THRESHOLD;
            case "eql" -> EQL;
            case "esql" -> ESQL;
            case "machine_learning" -> MACHINE_LEARNING;
            case "threat_match" -> THREAT_MATCH;
            default -> OTHER;
        };
    }

    /** Returns the name as the TOML spells it. */
    public String tomlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
