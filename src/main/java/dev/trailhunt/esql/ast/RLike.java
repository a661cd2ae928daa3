package dev.trailhunt.esql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Matches a whole string against Lucene regular expressions: {@code expr [NOT] RLIKE "re"} or {@code RLIKE ("re", …)}.
 *
 * @param value the tested expression
 * @param patterns the regular expressions with string escapes resolved
 * @param negated whether NOT RLIKE was written
 * @param source the expression text
 */
public record RLike(Expr value, List<String> patterns, boolean negated, Source source) implements Expr {

    /** Validates and copies the components so the record stays immutable. */
    public RLike {
        Objects.requireNonNull(value, "value");
        patterns = List.copyOf(patterns);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitRLike(this);
    }
}
