package dev.trailhunt.esql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Holds a multi-valued constant: {@code [1, 2, 3]} or {@code ["a", "b"]}.
 *
 * @param values the elements in written order
 * @param source the expression text
 */
public record ListLiteral(List<Literal> values, Source source) implements Expr {

    /** Validates and copies the components so the record stays immutable. */
    public ListLiteral {
        values = List.copyOf(values);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitListLiteral(this);
    }
}
