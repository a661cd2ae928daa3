package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Renames one column, written {@code old AS new} or {@code new = old}.
 *
 * @param oldName the existing column name
 * @param newName the new column name
 * @param source the clause text
 */
public record RenamePair(String oldName, String newName, Source source) implements Node {

    /** Validates the components. */
    public RenamePair {
        Objects.requireNonNull(oldName, "oldName");
        Objects.requireNonNull(newName, "newName");
        Objects.requireNonNull(source, "source");
    }
}
