package dev.trailhunt.esql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Extracts new columns with grok patterns: {@code GROK expr "pattern"[, "pattern"…]}.
 *
 * @param input the string expression to match
 * @param patterns the grok patterns with escapes already resolved, at least one
 * @param source the command text from its keyword to its end
 */
public record Grok(Expr input, List<String> patterns, Source source) implements Command {

    /** Validates and copies the components so the record stays immutable. */
    public Grok {
        Objects.requireNonNull(input, "input");
        patterns = List.copyOf(patterns);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(CommandVisitor<R> visitor) {
        return visitor.visitGrok(this);
    }
}
