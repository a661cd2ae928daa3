package dev.trailhunt.esql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Appends computed columns left to right: {@code EVAL a = expr, expr}.
 *
 * @param fields the computed columns in written order
 * @param source the command text from its keyword to its end
 */
public record Eval(List<Alias> fields, Source source) implements Command {

    /** Validates and copies the components so the record stays immutable. */
    public Eval {
        fields = List.copyOf(fields);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(CommandVisitor<R> visitor) {
        return visitor.visitEval(this);
    }
}
