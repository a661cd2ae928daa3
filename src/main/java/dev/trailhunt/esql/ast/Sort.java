package dev.trailhunt.esql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Sorts rows: {@code SORT expr [ASC|DESC] [NULLS FIRST|LAST], …}.
 *
 * @param orders the sort keys, most significant first
 * @param source the command text from its keyword to its end
 */
public record Sort(List<Order> orders, Source source) implements Command {

    /** Validates and copies the components so the record stays immutable. */
    public Sort {
        orders = List.copyOf(orders);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(CommandVisitor<R> visitor) {
        return visitor.visitSort(this);
    }
}
