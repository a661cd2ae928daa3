package dev.trailhunt.esql.parser;

import dev.trailhunt.model.PositionedException;

/**
 * Reports an ES|QL syntax error at a 1-based line and column, with the offending line and a caret for display.
 */
public final class EsqlSyntaxException extends PositionedException {

    private static final long serialVersionUID = 1L;

    private final String sourceLine;

    /**
     * Creates the exception for a position in a query.
     *
     * @param line 1-based line of the error
     * @param column 1-based column (in characters) of the error
     * @param detail the message without position, e.g. {@code expected '==' but found '='}
     * @param sourceLine the full text of the offending line, without its line break
     */
    public EsqlSyntaxException(int line, int column, String detail, String sourceLine) {
        super(line, column, detail);
        this.sourceLine = sourceLine == null ? "" : sourceLine;
    }

    /** Returns the text of the offending line. */
    public String sourceLine() {
        return sourceLine;
    }

    /** Formats the error for a terminal: {@code line:col: message}, the offending line, and a caret under the column. */
    @Override
    public String formatted() {
        return dev.trailhunt.model.CaretExcerpt.under(getMessage(), sourceLine, column());
    }
}
