package dev.trailhunt.kql;

import dev.trailhunt.model.PositionedException;
import java.util.List;

/**
 * Reports invalid or unsupported KQL at a 1-based line and column, with the offending line and a caret for display.
 */
public final class KqlException extends PositionedException {

    private static final long serialVersionUID = 1L;

    private final String sourceLine;

    /**
     * Creates the exception for a position in a query.
     *
     * @param line 1-based line of the error
     * @param column 1-based column (in characters) of the error
     * @param detail the message without position, e.g. {@code expected ':' but found '='}
     * @param sourceLine the full text of the offending line, without its line break
     */
    public KqlException(int line, int column, String detail, String sourceLine) {
        super(line, column, detail);
        this.sourceLine = sourceLine == null ? "" : sourceLine;
    }

    /** Creates the exception for a 0-based character offset in {@code text}. */
    static KqlException at(String text, int offset, String detail) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        List<String> lines = text.lines().toList();
        String source = line - 1 < lines.size() ? lines.get(line - 1) : "";
        return new KqlException(line, offset - lineStart + 1, detail, source);
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
