package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Keeps the rows whose condition is true: {@code WHERE expr}.
 *
 * @param condition the boolean expression
 * @param source the command text from its keyword to its end
 */
public record Where(Expr condition, Source source) implements Command {

    /** Validates and copies the components so the record stays immutable. */
    public Where {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(CommandVisitor<R> visitor) {
        return visitor.visitWhere(this);
    }
}
