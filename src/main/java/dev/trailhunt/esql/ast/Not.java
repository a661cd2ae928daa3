package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Negates a boolean with three-valued logic: {@code NOT expr}.
 *
 * @param operand the negated expression
 * @param source the expression text
 */
public record Not(Expr operand, Source source) implements Expr {

    /** Validates and copies the components so the record stays immutable. */
    public Not {
        Objects.requireNonNull(operand, "operand");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitNot(this);
    }
}
