package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Applies the full-text match operator: {@code field : "query"}.
 *
 * @param field the searched field
 * @param query the query constant
 * @param source the expression text
 */
public record Match(Expr field, Expr query, Source source) implements Expr {

    /** Validates and copies the components so the record stays immutable. */
    public Match {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitMatch(this);
    }
}
