package dev.trailhunt.esql.parser;

import java.util.Locale;

/**
 * Reports an ES|QL syntax error at a 1-based line and column, with the offending line and a caret for display.
 */
public final class EsqlSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String detail;
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
        super(String.format(Locale.ROOT, "%d:%d: %s", line, column, detail));
        this.line = line;
        this.column = column;
        this.detail = detail;
        this.sourceLine = sourceLine == null ? "" : sourceLine;
    }

    /** Returns the 1-based line of the error. */
    public int line() {
        return line;
    }

    /** Returns the 1-based column of the error. */
    public int column() {
        return column;
    }

    /** Returns the message without the position prefix. */
    public String detail() {
        return detail;
    }

    /** Tells whether the text is valid ES|QL that trailhunt does not support, such as function options or parameters. */
    public boolean isUnsupported() {
        return detail.startsWith("unsupported: ");
    }

    /** Returns the text of the offending line. */
    public String sourceLine() {
        return sourceLine;
    }

    /** Formats the error for a terminal: {@code line:col: message}, the offending line, and a caret under the column. */
    public String formatted() {
        return dev.trailhunt.model.CaretExcerpt.under(getMessage(), sourceLine, column);
    }
}
