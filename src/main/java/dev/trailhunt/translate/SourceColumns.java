package dev.trailhunt.translate;

import dev.trailhunt.esql.ast.Query;
import java.util.function.Predicate;

/** Tells which source columns a query can observe, for callers outside the translator (a one-off store's projection). */
public final class SourceColumns {
    private SourceColumns() {}

    /** Returns a test of the source column names {@code query} can observe, or null when it can observe every column. */
    public static Predicate<String> observedBy(Query query) {
        return ReferencedNames.of(query);
    }
}
