package dev.trailhunt.esql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Aggregates rows: {@code STATS [agg [WHERE cond], …] [BY key, …]}.
 *
 * @param aggregates the aggregate columns in written order, possibly empty when only BY is given
 * @param groupings the BY keys in written order, empty without BY; a plain field key is an alias named after the field
 * @param source the command text from its keyword to its end
 */
public record Stats(List<Aggregate> aggregates, List<Alias> groupings, Source source) implements Command {

    /** Validates and copies the components so the record stays immutable. */
    public Stats {
        aggregates = List.copyOf(aggregates);
        groupings = List.copyOf(groupings);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(CommandVisitor<R> visitor) {
        return visitor.visitStats(this);
    }
}
