package dev.trailhunt.eql.ast;

import java.util.Objects;

/**
 * Negates a condition: {@code not x}, also {@code x not in (…)}.
 *
 * @param operand the negated condition
 * @param position where {@code not} is
 */
public record Negation(EqlExpr operand, Position position) implements EqlExpr {
    /** Validates the components. */
    public Negation {
        Objects.requireNonNull(operand, "operand");
        Objects.requireNonNull(position, "position");
    }

    @Override
    public <R> R accept(EqlExprVisitor<R> visitor) {
        return visitor.visitNegation(this);
    }
}
