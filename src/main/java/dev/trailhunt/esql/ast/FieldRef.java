package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Refers to a column by name; dotted and {@code @}-prefixed names are joined into one, backquotes removed.
 *
 * @param name the column name, e.g. {@code event.action}
 * @param source the expression text
 */
public record FieldRef(String name, Source source) implements Expr {

    /** Validates and copies the components so the record stays immutable. */
    public FieldRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitFieldRef(this);
    }
}
