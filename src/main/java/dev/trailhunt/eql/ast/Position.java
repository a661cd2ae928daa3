package dev.trailhunt.eql.ast;

/**
 * Locates a node in the EQL text.
 *
 * @param line 1-based line
 * @param column 1-based column in characters
 */
public record Position(int line, int column) {
    /** Formats the position as {@code line:column}, the form every error message uses. */
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
