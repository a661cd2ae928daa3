package dev.trailhunt.rules;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Holds one detect run: what every rule did over the run's time range.
 *
 * @param runs one outcome per rule, in load order
 * @param start the run's first instant, or null when the store holds no events
 * @param end the run's last instant (inclusive), or null when the store holds no events
 * @param history how new_terms treated the start of the data
 */
public record Detection(List<RuleRun> runs, Instant start, Instant end, HistoryPolicy history) {
    /** Copies the list so the record stays immutable. */
    public Detection {
        runs = List.copyOf(runs);
    }

    /** Returns the rules that fired, most severe first, then by risk score, alert count and name. */
    public List<RuleRun> fired() {
        return runs.stream().filter(r -> !r.alerts().isEmpty())
                .sorted(Comparator.comparing((RuleRun r) -> r.rule().severity()).reversed()
                        .thenComparing(Comparator.comparingInt((RuleRun r) -> r.rule().riskScore()).reversed())
                        .thenComparing(Comparator.comparingInt((RuleRun r) -> r.alerts().size()).reversed())
                        .thenComparing(r -> r.rule().name())
                        .thenComparing(r -> r.rule().id()))
                .toList();
    }

    /** Returns the rules of a status, in load order. */
    public List<RuleRun> withStatus(RuleRun.Status status) {
        return runs.stream().filter(r -> r.status() == status).toList();
    }

    /** Counts the alerts of every rule. */
    public long alerts() {
        return runs.stream().mapToLong(r -> r.alerts().size()).sum();
    }
}
