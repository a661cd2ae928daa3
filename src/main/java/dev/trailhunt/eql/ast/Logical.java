package dev.trailhunt.eql.ast;

import java.util.Objects;

/**
 * Combines two conditions with {@code and} or {@code or}.
 *
 * @param and true for {@code and}, false for {@code or}
 * @param left the left condition
 * @param right the right condition
 * @param position where the operator is
 */
public record Logical(boolean and, EqlExpr left, EqlExpr right, Position position) implements EqlExpr {
    /** Validates the components. */
    public Logical {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(position, "position");
    }

    @Override
    public <R> R accept(EqlExprVisitor<R> visitor) {
        return visitor.visitLogical(this);
    }
}
