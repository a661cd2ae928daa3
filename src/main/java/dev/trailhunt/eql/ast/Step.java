package dev.trailhunt.eql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Holds one bracketed step of a sequence: {@code [category where condition] by keys}.
 *
 * @param category the event category, or null for {@code any}
 * @param condition the condition after {@code where}
 * @param by the step's own join keys, added after the sequence's
 * @param position where the opening bracket is
 */
public record Step(String category, EqlExpr condition, List<FieldName> by, Position position) {
    /** Validates and copies the components. */
    public Step {
        Objects.requireNonNull(condition, "condition");
        by = List.copyOf(by);
        Objects.requireNonNull(position, "position");
    }
}
