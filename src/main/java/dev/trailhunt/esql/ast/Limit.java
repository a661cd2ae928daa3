package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Keeps the first rows: {@code LIMIT n}.
 *
 * @param count the non-negative row count as written
 * @param source the command text from its keyword to its end
 */
public record Limit(long count, Source source) implements Command {

    /** Validates and copies the components so the record stays immutable. */
    public Limit {
        if (count < 0) {
            throw new IllegalArgumentException("negative limit");
        }
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(CommandVisitor<R> visitor) {
        return visitor.visitLimit(this);
    }
}
