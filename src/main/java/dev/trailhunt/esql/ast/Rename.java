package dev.trailhunt.esql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Renames columns in place: {@code RENAME old AS new} or {@code RENAME new = old}.
 *
 * @param pairs the renames, applied left to right
 * @param source the command text from its keyword to its end
 */
public record Rename(List<RenamePair> pairs, Source source) implements Command {

    /** Validates and copies the components so the record stays immutable. */
    public Rename {
        pairs = List.copyOf(pairs);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(CommandVisitor<R> visitor) {
        return visitor.visitRename(this);
    }
}
