package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Holds a constant: null, boolean, integer, long, unsigned long, double or keyword string.
 *
 * @param value the value: null, {@link Boolean}, {@link Integer}, {@link Long}, {@link java.math.BigInteger} (unsigned long), {@link Double} or {@link String}
 * @param type the ES|QL type of the constant
 * @param source the expression text
 */
public record Literal(Object value, LiteralType type, Source source) implements Expr {

    /** Validates and copies the components so the record stays immutable. */
    public Literal {
        Objects.requireNonNull(type, "type");
        if (!type.accepts(value)) {
            throw new IllegalArgumentException("literal " + value + " is not of type " + type);
        }
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitLiteral(this);
    }
}
