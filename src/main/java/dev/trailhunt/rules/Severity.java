package dev.trailhunt.rules;

import java.util.Locale;
import java.util.Optional;

/** Orders Elastic's rule severities from low to critical. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** Reads a severity name in any case, or nothing when it names none. */
    public static Optional<Severity> parse(String text) {
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Returns the name in lower case, as rules write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
