package dev.trailhunt.model;

import java.util.List;

/** Shows where an error is: the message, the offending line, and a caret under the column. */
public final class CaretExcerpt {
    private CaretExcerpt() {}

    /**
     * Adds {@code sourceLine} and a caret under its 1-based {@code column} to {@code message}; tabs
     * before the column are kept so the caret lines up with the excerpt in a terminal.
     */
    public static String under(String message, String sourceLine, int column) {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1; i++) {
            caret.append(i < sourceLine.length() && sourceLine.charAt(i) == '\t' ? '\t' : ' ');
        }
        return message + "\n" + sourceLine + "\n" + caret + "^";
    }

    /** Adds line {@code line} of {@code text} with a caret under {@code column}; a line the text lacks adds nothing. */
    public static String in(String message, String text, int line, int column) {
        List<String> lines = text.lines().toList();
        if (line < 1 || line > lines.size()) {
            return message;
        }
        return under(message, lines.get(line - 1), column);
    }
}
