package dev.trailhunt.eql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Matches a value against wildcard patterns ({@code like}, {@code like~}) or Lucene regular expressions ({@code regex}, {@code regex~}).
 *
 * @param value the tested value
 * @param patterns the patterns, any of which may match
 * @param regex true for {@code regex}, false for {@code like}
 * @param caseInsensitive whether the {@code ~} form was written
 * @param position where the operator is
 */
public record PatternMatch(EqlExpr value, List<String> patterns, boolean regex, boolean caseInsensitive, Position position)
        implements EqlExpr {
    /** Validates and copies the components. */
    public PatternMatch {
        Objects.requireNonNull(value, "value");
        patterns = List.copyOf(patterns);
        Objects.requireNonNull(position, "position");
    }

    @Override
    public <R> R accept(EqlExprVisitor<R> visitor) {
        return visitor.visitPatternMatch(this);
    }
}
