package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Tests for null: {@code expr IS [NOT] NULL}.
 *
 * @param value the tested expression
 * @param negated whether IS NOT NULL was written
 * @param source the expression text
 */
public record IsNull(Expr value, boolean negated, Source source) implements Expr {

    /** Validates and copies the components so the record stays immutable. */
    public IsNull {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitIsNull(this);
    }
}
