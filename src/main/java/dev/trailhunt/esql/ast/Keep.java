package dev.trailhunt.esql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Keeps and reorders columns by name or wildcard pattern: {@code KEEP a, b*}.
 *
 * @param patterns the patterns in written order
 * @param source the command text from its keyword to its end
 */
public record Keep(List<NamePattern> patterns, Source source) implements Command {

    /** Validates and copies the components so the record stays immutable. */
    public Keep {
        patterns = List.copyOf(patterns);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(CommandVisitor<R> visitor) {
        return visitor.visitKeep(this);
    }
}
