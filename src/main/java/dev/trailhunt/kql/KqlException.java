package dev.trailhunt.kql;

import java.util.List;
import java.util.Locale;

/**
 * Reports invalid or unsupported KQL at a 1-based line and column, with the offending line and a caret for display.
 */
public final class KqlException extends RuntimeException {

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
     * @param detail the message without position, e.g. {@code expected ':' but found '='}
     * @param sourceLine the full text of the offending line, without its line break
     */
    public KqlException(int line, int column, String detail, String sourceLine) {
        super(String.format(Locale.ROOT, "%d:%d: %s", line, column, detail));
        this.line = line;
        this.column = column;
        this.detail = detail;
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

    /** Tells whether the text is valid KQL that trailhunt does not support, such as free text without a field. */
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
