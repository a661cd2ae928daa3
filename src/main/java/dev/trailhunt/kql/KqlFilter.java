package dev.trailhunt.kql;

import dev.trailhunt.esql.ast.Expr;
import java.util.Objects;
import java.util.Set;

/**
 * Holds a KQL query lowered into an ES|QL condition, with the fields it named that the store does not have.
 *
 * @param filter the condition, true for events the query matches and false for all others (never null)
 * @param unknownFields the field names the query used that no store column holds, sorted; each matched nothing
 */
public record KqlFilter(Expr filter, Set<String> unknownFields) {

    /** Validates and copies the components so the record stays immutable. */
    public KqlFilter {
        Objects.requireNonNull(filter, "filter");
        unknownFields = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(unknownFields));
    }
}
