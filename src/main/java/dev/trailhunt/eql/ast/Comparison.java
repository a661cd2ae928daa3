package dev.trailhunt.eql.ast;

import java.util.Objects;

/**
 * Compares two values with {@code == != < <= > >=}; {@code ==} on strings is case-sensitive.
 *
 * @param op the operator as written
 * @param left the left value
 * @param right the right value
 * @param position where the operator is
 */
public record Comparison(String op, EqlExpr left, EqlExpr right, Position position) implements EqlExpr {
    /** Validates the components. */
    public Comparison {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(position, "position");
    }

    @Override
    public <R> R accept(EqlExprVisitor<R> visitor) {
        return visitor.visitComparison(this);
    }
}
