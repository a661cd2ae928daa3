package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Negates a number or time span: {@code -expr}.
 *
 * @param operand the negated expression
 * @param source the expression text
 */
public record Neg(Expr operand, Source source) implements Expr {

    /** Validates and copies the components so the record stays immutable. */
    public Neg {
        Objects.requireNonNull(operand, "operand");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitNeg(this);
    }
}
