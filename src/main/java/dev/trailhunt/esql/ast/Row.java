package dev.trailhunt.esql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Produces one row of constants: {@code ROW a = 1, b = "x"}.
 *
 * @param fields the columns in written order
 * @param source the command text from its keyword to its end
 */
public record Row(List<Alias> fields, Source source) implements Command {

    /** Validates and copies the components so the record stays immutable. */
    public Row {
        fields = List.copyOf(fields);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(CommandVisitor<R> visitor) {
        return visitor.visitRow(this);
    }
}
