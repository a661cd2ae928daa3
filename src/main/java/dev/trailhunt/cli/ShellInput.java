package dev.trailhunt.cli;

import java.util.Optional;

/**
 * Gathers typed lines into statements: a backslash command is one line; a query ends with a line
 * whose last character is {@code ;} (dropped) or with an empty line, so that a pasted multi-line
 * hunt runs as one statement.
 */
final class ShellInput {
    private final StringBuilder pending = new StringBuilder();

    /** Tells whether part of a query was typed and waits for its end. */
    boolean continuing() {
        return pending.length() > 0;
    }

    /** Forgets a half-typed query, as Ctrl-C does. */
    void clear() {
        pending.setLength(0);
    }

    /** Adds one typed line and returns the statement it completes, if any. */
    Optional<String> add(String line) {
        String stripped = line.strip();
        if (pending.length() == 0) {
            if (stripped.isEmpty()) {
                return Optional.empty();
            }
            if (stripped.startsWith("\\")) {
                return Optional.of(stripped);
            }
        }
        if (stripped.isEmpty()) {
            return Optional.of(take());
        }
        if (stripped.endsWith(";")) {
            appendLine(line.substring(0, line.lastIndexOf(';')));
            return Optional.of(take());
        }
        appendLine(line);
        return Optional.empty();
    }

    private void appendLine(String line) {
        if (pending.length() > 0) {
            pending.append('\n');
        }
        pending.append(line);
    }

    private String take() {
        String s = pending.toString().strip();
        pending.setLength(0);
        return s;
    }
}
