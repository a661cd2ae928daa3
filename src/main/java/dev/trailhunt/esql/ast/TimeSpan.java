package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Holds a time-span constant such as {@code 7 days} or {@code 1 hour}; a leading minus is a {@link Neg} around it.
 *
 * @param amount the non-negative number of units as written
 * @param unit the unit, which also tells calendar period from exact duration
 * @param source the expression text
 */
public record TimeSpan(long amount, TimeSpanUnit unit, Source source) implements Expr {

    /** Returns whether this span is a calendar period or an exact duration. */
    public TimeSpanUnit.Kind kind() {
        return unit.kind();
    }

    /** Validates and copies the components so the record stays immutable. */
    public TimeSpan {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("negative time span amount");
        }
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitTimeSpan(this);
    }
}
