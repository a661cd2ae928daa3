package dev.trailhunt.eql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Tests membership: {@code f in ("a", "b")}, or {@code in~} without regard to case.
 *
 * @param value the tested value
 * @param candidates the constants, in written order
 * @param caseInsensitive whether {@code in~} was written
 * @param position where {@code in} is
 */
public record Lookup(EqlExpr value, List<Constant> candidates, boolean caseInsensitive, Position position) implements EqlExpr {
    /** Validates and copies the components. */
    public Lookup {
        Objects.requireNonNull(value, "value");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(position, "position");
    }

    @Override
    public <R> R accept(EqlExprVisitor<R> visitor) {
        return visitor.visitLookup(this);
    }
}
