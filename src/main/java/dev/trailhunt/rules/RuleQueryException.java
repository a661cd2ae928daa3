package dev.trailhunt.rules;

/** Signals a rule query that cannot be parsed or lowered; the message is positioned in the rule file, with a caret. */
final class RuleQueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean unsupported;

    RuleQueryException(String message, boolean unsupported) {
        super(message);
        this.unsupported = unsupported;
    }

    /** Tells whether the query is valid but uses what trailhunt does not run. */
    boolean unsupported() {
        return unsupported;
    }
}
