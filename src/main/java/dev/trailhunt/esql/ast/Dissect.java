package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Splits a string into new columns by a dissect pattern: {@code DISSECT expr "pattern" [APPEND_SEPARATOR="sep"]}.
 *
 * @param input the string expression to split
 * @param pattern the dissect pattern with escapes already resolved
 * @param appendSeparator the APPEND_SEPARATOR value, or null when absent
 * @param source the command text from its keyword to its end
 */
public record Dissect(Expr input, String pattern, String appendSeparator, Source source) implements Command {

    /** Validates and copies the components so the record stays immutable. */
    public Dissect {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(CommandVisitor<R> visitor) {
        return visitor.visitDissect(this);
    }
}
