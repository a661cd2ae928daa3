package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Turns each value of a multi-valued column into its own row: {@code MV_EXPAND field}.
 *
 * @param field the column name, dotted parts joined
 * @param source the command text from its keyword to its end
 */
public record MvExpand(String field, Source source) implements Command {

    /** Validates and copies the components so the record stays immutable. */
    public MvExpand {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(CommandVisitor<R> visitor) {
        return visitor.visitMvExpand(this);
    }
}
