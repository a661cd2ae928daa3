package dev.trailhunt.rules;

/** Signals a rule file that cannot be read as a rule, with the file and, when known, line:column. */
public final class RuleFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code message} already names the file and the position. */
    public RuleFileException(String message) {
        super(message);
    }
}
