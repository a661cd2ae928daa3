package dev.trailhunt.esql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Reads from indices: {@code FROM idx[, idx…] [METADATA _id, …]}.
 *
 * @param indexPatterns the index patterns as written, e.g. {@code logs-aws.cloudtrail-*} (quoted ones unquoted)
 * @param metadata the METADATA field names, empty when absent
 * @param source the command text from its keyword to its end
 */
public record From(List<String> indexPatterns, List<String> metadata, Source source) implements Command {

    /** Validates and copies the components so the record stays immutable. */
    public From {
        indexPatterns = List.copyOf(indexPatterns);
        metadata = List.copyOf(metadata);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R accept(CommandVisitor<R> visitor) {
        return visitor.visitFrom(this);
    }
}
