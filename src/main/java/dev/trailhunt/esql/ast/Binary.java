package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Applies a binary operator: comparison, arithmetic, AND or OR.
 *
 * @param op the operator
 * @param left the left operand
 * @param right the right operand
 * @param source the expression text
 */
public record Binary(BinaryOp op, Expr left, Expr right, Source source) implements Expr {

    /** Validates and copies the components so the record stays immutable. */
    public Binary {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitBinary(this);
    }
}
