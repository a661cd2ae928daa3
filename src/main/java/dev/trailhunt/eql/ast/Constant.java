package dev.trailhunt.eql.ast;

import java.util.Objects;

/**
 * Holds a literal: a string, a {@link Long} or {@link Double} number, a boolean, or null.
 *
 * @param value the value; Java null for EQL {@code null}
 * @param position where the literal starts
 */
public record Constant(Object value, Position position) implements EqlExpr {
    /** Validates the components. */
    public Constant {
        if (value != null && !(value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean)) {
            throw new IllegalArgumentException("not an EQL constant: " + value);
        }
        Objects.requireNonNull(position, "position");
    }

    /** Tells whether this is a string literal. */
    public boolean isString() {
        return value instanceof String;
    }

    @Override
    public <R> R accept(EqlExprVisitor<R> visitor) {
        return visitor.visitConstant(this);
    }
}
