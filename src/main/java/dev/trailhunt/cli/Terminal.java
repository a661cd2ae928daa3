package dev.trailhunt.cli;

import java.util.Map;

/** Decides terminal width and colour from the environment, so that pipes and files get plain text. */
final class Terminal {
    private static final int FALLBACK_WIDTH = 120;

    private Terminal() {}

    /** Tells whether standard output is an interactive terminal. */
    static boolean interactive() {
        return System.console() != null;
    }

    /** Tells whether to colour output: only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
    static boolean colour(Map<String, String> env, boolean toTerminal) {
        String noColor = env.get("NO_COLOR");
        return toTerminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }

    /**
     * Returns the width to fit tables to: the option when given; no limit when writing to a pipe
     * or a file, so that grep and cut see whole values; else {@code COLUMNS} or a common width.
     */
    static int width(Integer option, Map<String, String> env, boolean toTerminal) {
        if (option != null) {
            return Math.max(0, option);
        }
        if (!toTerminal) {
            return 0;
        }
        String columns = env.get("COLUMNS");
        if (columns != null && columns.matches("\\d{1,4}")) {
            return Integer.parseInt(columns);
        }
        return FALLBACK_WIDTH;
    }
}
