package dev.trailhunt.esql.ast;

import java.util.Objects;

/**
 * Locates a node in the query text: 1-based line and column, 0-based character offset and length, and the verbatim slice.
 *
 * @param line 1-based line of the first character
 * @param column 1-based column (in characters) of the first character
 * @param offset 0-based character offset of the first character in the whole query text
 * @param length number of characters covered
 * @param text the verbatim source slice, used to name unnamed STATS and EVAL columns
 */
public record Source(int line, int column, int offset, int length, String text) {

    /** Stands for a node that has no place in the text, such as one built by a test or a rewrite. */
    public static final Source EMPTY = new Source(0, 0, 0, 0, "");

    /** Validates the position and the text. */
    public Source {
        Objects.requireNonNull(text, "text");
        if (line < 0 || column < 0 || offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative source position");
        }
    }

    /** Formats the position as {@code line:column}, the form every error message uses. */
    public String position() {
        return line + ":" + column;
    }

    @Override
    public String toString() {
        return position();
    }
}
