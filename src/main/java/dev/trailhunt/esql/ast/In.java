package dev.trailhunt.esql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Tests membership: {@code expr [NOT] IN (a, b, …)}.
 *
 * @param value the tested expression
 * @param list the candidates in written order, at least one
 * @param negated whether NOT IN was written
 * @param source the expression text
 */
public record In(Expr value, List<Expr> list, boolean negated, Source source) implements Expr {

    /** Validates and copies the components so the record stays immutable. */
    public In {
        Objects.requireNonNull(value, "value");
        list = List.copyOf(list);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitIn(this);
    }
}
