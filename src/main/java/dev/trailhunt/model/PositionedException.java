package dev.trailhunt.model;

import java.util.Locale;

/**
 * Reports an error in a query's text at a 1-based line and column, the one shape of every front-end's error (ES|QL, KQL,
 * EQL): the message is {@code line:column: detail}, and a detail starting {@code unsupported: } marks valid text that
 * trailhunt cannot run rather than a mistake.
 */
public abstract class PositionedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String detail;

    /**
     * Creates the error.
     *
     * @param line 1-based line of the error
     * @param column 1-based column (in characters) of the error
     * @param detail the message without position, e.g. {@code unsupported: pipes}
     */
    protected PositionedException(int line, int column, String detail) {
        super(String.format(Locale.ROOT, "%d:%d: %s", line, column, detail));
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** Returns the 1-based line of the error. */
    public final int line() {
        return line;
    }

    /** Returns the 1-based column of the error. */
    public final int column() {
        return column;
    }

    /** Returns the message without the position prefix. */
    public final String detail() {
        return detail;
    }

    /** Tells whether the text is valid in its language but uses what trailhunt does not support. */
    public final boolean isUnsupported() {
        return detail.startsWith("unsupported: ");
    }

    /** Formats the error for a terminal: {@code line:col: message}, the offending line, and a caret under the column. */
    public abstract String formatted();
}
