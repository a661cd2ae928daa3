package dev.trailhunt.cli;

/** Supplies the shell's typed lines: JLine on a terminal, a script in tests. */
interface ShellLines {
    /** Signals that the user pressed Ctrl-C: the half-typed statement is dropped and the shell goes on. */
    final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    /**
     * Reads one line after showing the prompt.
     *
     * @return the line without its end, or null at the end of input (Ctrl-D)
     * @throws Interrupted when the user pressed Ctrl-C
     */
    String read(String prompt);

    /** Returns the width to fit tables to, 0 for no limit. */
    int width();
}
