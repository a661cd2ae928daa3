package dev.trailhunt.esql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Matches a whole string against wildcard patterns ({@code *}, {@code ?}, backslash escapes): {@code expr [NOT] LIKE "p"} or {@code LIKE ("p", "q")}.
 *
 * @param value the tested expression
 * @param patterns the patterns with string escapes resolved; pattern escapes such as backslash-star are kept
 * @param negated whether NOT LIKE was written
 * @param source the expression text
 */
public record Like(Expr value, List<String> patterns, boolean negated, Source source) implements Expr {

    /** Validates and copies the components so the record stays immutable. */
    public Like {
        Objects.requireNonNull(value, "value");
        patterns = List.copyOf(patterns);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitLike(this);
    }
}
