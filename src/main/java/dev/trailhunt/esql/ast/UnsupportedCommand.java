package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Stands for a command ES|QL has but trailhunt does not run, such as ENRICH or LOOKUP JOIN; the translator reports it.
 *
 * @param keyword the command keyword upper-cased, e.g. {@code ENRICH}, {@code LOOKUP JOIN}, {@code INLINE STATS}
 * @param source the command text from its keyword to its end
 */
public record UnsupportedCommand(String keyword, Source source) implements Command {

    /** Validates and copies the components so the record stays immutable. */
    public UnsupportedCommand {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(CommandVisitor<R> visitor) {
        return visitor.visitUnsupportedCommand(this);
    }
}
