package dev.trailhunt.eql;

import java.util.Locale;

/**
 * Reports an EQL query that is invalid or uses what trailhunt does not support, at its line and column with a caret.
 */
public final class EqlException extends RuntimeException {
    private final int line;
    private final int column;
    private final String detail;
    private final String caret;

    /** Creates the error for {@code detail} at {@code line:column} of {@code text}. */
    public EqlException(int line, int column, String detail, String text) {
        super(String.format(Locale.ROOT, "%d:%d: %s", line, column, detail));
        this.line = line;
        this.column = column;
        this.detail = detail;
        this.caret = excerpt(text, line, column);
    }

    private static String excerpt(String text, int line, int column) {
        // CaretExcerpt adds the excerpt after a message; an empty message leaves the line and the caret.
        String shown = dev.trailhunt.model.CaretExcerpt.in("", text == null ? "" : text, line, column);
        return shown.isEmpty() ? "" : shown.substring(1);
    }

    /** Returns the 1-based line of the error. */
    public int line() {
        return line;
    }

    /** Returns the 1-based column of the error. */
    public int column() {
        return column;
    }

    /** Returns the message without the position, e.g. {@code unsupported: pipes}. */
    public String detail() {
        return detail;
    }

    /** Tells whether the query is valid EQL that trailhunt cannot run. */
    public boolean isUnsupported() {
        return detail.startsWith("unsupported: ");
    }

    /** Returns the offending source line with a caret under the column, or an empty string. */
    public String caret() {
        return caret;
    }

    /** Returns the message, the source line and the caret, the form a terminal shows. */
    public String formatted() {
        return caret.isEmpty() ? getMessage() : getMessage() + "\n" + caret;
    }
}
