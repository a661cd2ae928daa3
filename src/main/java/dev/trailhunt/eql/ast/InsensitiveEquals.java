package dev.trailhunt.eql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Applies {@code :}, case-insensitive equality that treats {@code *} and {@code ?} as wildcards: {@code f : "a*"} or {@code f : ("a", "b")}.
 *
 * @param value the tested value
 * @param candidates the string constants, any of which may match
 * @param position where {@code :} is
 */
public record InsensitiveEquals(EqlExpr value, List<Constant> candidates, Position position) implements EqlExpr {
    /** Validates and copies the components. */
    public InsensitiveEquals {
        Objects.requireNonNull(value, "value");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(position, "position");
    }

    @Override
    public <R> R accept(EqlExprVisitor<R> visitor) {
        return visitor.visitInsensitiveEquals(this);
    }
}
