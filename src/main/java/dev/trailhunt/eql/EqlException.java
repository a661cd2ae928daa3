package dev.trailhunt.eql;

import dev.trailhunt.model.PositionedException;

/**
 * Reports an EQL query that is invalid or uses what trailhunt does not support, at its line and column with a caret.
 */
public final class EqlException extends PositionedException {
    private static final long serialVersionUID = 1L;

    private final String caret;

    /** Creates the error for {@code detail} at {@code line:column} of {@code text}. */
    public EqlException(int line, int column, String detail, String text) {
        super(line, column, detail);
        this.caret = excerpt(text, line, column);
    }

    private static String excerpt(String text, int line, int column) {
        // CaretExcerpt adds the excerpt after a message; an empty message leaves the line and the caret.
        String shown = dev.trailhunt.model.CaretExcerpt.in("", text == null ? "" : text, line, column);
        return shown.isEmpty() ? "" : shown.substring(1);
    }

    /** Returns the offending source line with a caret under the column, or an empty string. */
    public String caret() {
        return caret;
    }

    /** Returns the message, the source line and the caret, the form a terminal shows. */
    @Override
    public String formatted() {
        return caret.isEmpty() ? getMessage() : getMessage() + "\n" + caret;
    }
}
