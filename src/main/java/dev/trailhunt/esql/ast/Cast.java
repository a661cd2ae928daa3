package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Converts a value with the inline cast operator: {@code expr::type}.
 *
 * @param value the converted expression
 * @param type the target type name lower-cased as written, e.g. {@code long}, {@code datetime}
 * @param source the expression text
 */
public record Cast(Expr value, String type, Source source) implements Expr {

    /** Validates and copies the components so the record stays immutable. */
    public Cast {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitCast(this);
    }
}
