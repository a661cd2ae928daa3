package dev.trailhunt.eql.ast;

import java.util.Objects;

/**
 * Names a field: {@code process.name}, a backquoted name, or an optional {@code ?field}.
 *
 * @param name the dotted field name
 * @param optional whether {@code ?} was written before the name
 * @param position where the name starts
 */
public record FieldName(String name, boolean optional, Position position) implements EqlExpr {
    /** Validates the components. */
    public FieldName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
    }

    @Override
    public <R> R accept(EqlExprVisitor<R> visitor) {
        return visitor.visitFieldName(this);
    }
}
